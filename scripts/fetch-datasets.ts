// Downloads the paper's public datasets (ODDS .mat files, NSL-KDD KDDTrain+.txt) and converts them to the app's
// CSV format (header then `label`, 1 = anomaly). Run: npm run datasets:fetch -- [--out DIR] [--only NAME] [--base-url URL]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RawData } from '../src/core/types';
import { importFile } from '../src/io/importFile';
import { isMatV5, readMatV5 } from '../src/io/mat';
import { pickMatrix } from '../src/io/matrices';
import { formatCell } from './build-datasets';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The paper's own repository at a pinned commit; its .mat files are byte-identical to the ODDS downloads.
const ODDS_BASE = 'https://raw.githubusercontent.com/minkyung-kim17/AAD/d47e61cd94821185c98928ef4322b02b1d886e5f/data';
// A widely used mirror of the UNB NSL-KDD files (UNB's own page asks for a form before the download).
const KDD_BASE = 'https://raw.githubusercontent.com/defcom17/NSL_KDD/master';

export interface FetchSource {
  name: string;
  /** file name on the server, relative to the base URL */
  remoteFile: string;
  defaultBase: string;
  format: 'mat' | 'kdd';
  /** the published shape; a mismatch means a wrong or damaged download */
  expect: { rows: number; features: number; anomalies: number };
}

export const SOURCES: readonly FetchSource[] = [
  { name: 'arrhythmia', remoteFile: 'arrhythmia.mat', defaultBase: ODDS_BASE, format: 'mat', expect: { rows: 452, features: 274, anomalies: 66 } },
  { name: 'cardio', remoteFile: 'cardio.mat', defaultBase: ODDS_BASE, format: 'mat', expect: { rows: 1831, features: 21, anomalies: 176 } },
  { name: 'mnist', remoteFile: 'mnist_tab.mat', defaultBase: ODDS_BASE, format: 'mat', expect: { rows: 7603, features: 100, anomalies: 700 } },
  { name: 'optdigits', remoteFile: 'optdigits.mat', defaultBase: ODDS_BASE, format: 'mat', expect: { rows: 5216, features: 64, anomalies: 150 } },
  { name: 'ionosphere', remoteFile: 'ionosphere.mat', defaultBase: ODDS_BASE, format: 'mat', expect: { rows: 351, features: 33, anomalies: 126 } },
  { name: 'glass', remoteFile: 'glass.mat', defaultBase: ODDS_BASE, format: 'mat', expect: { rows: 214, features: 9, anomalies: 9 } },
  { name: 'nslkdd', remoteFile: 'KDDTrain+.txt', defaultBase: KDD_BASE, format: 'kdd', expect: { rows: 125973, features: 41, anomalies: 58630 } },
];

/** The 41 NSL-KDD feature names, in file order. */
export const KDD_FEATURES = [
  'duration', 'protocol_type', 'service', 'flag', 'src_bytes', 'dst_bytes', 'land', 'wrong_fragment', 'urgent', 'hot',
  'num_failed_logins', 'logged_in', 'num_compromised', 'root_shell', 'su_attempted', 'num_root', 'num_file_creations',
  'num_shells', 'num_access_files', 'num_outbound_cmds', 'is_host_login', 'is_guest_login', 'count', 'srv_count',
  'serror_rate', 'srv_serror_rate', 'rerror_rate', 'srv_rerror_rate', 'same_srv_rate', 'diff_srv_rate',
  'srv_diff_host_rate', 'dst_host_count', 'dst_host_srv_count', 'dst_host_same_srv_rate', 'dst_host_diff_srv_rate',
  'dst_host_same_src_port_rate', 'dst_host_srv_diff_host_rate', 'dst_host_serror_rate', 'dst_host_srv_serror_rate',
  'dst_host_rerror_rate', 'dst_host_srv_rerror_rate',
];
const KDD_SYMBOLIC = [1, 2, 3];

export type CodeOrder = 'first' | 'sorted';

export interface KddResult {
  data: RawData;
  /** per symbolic column: value -> integer code */
  codes: Record<string, Record<string, number>>;
}

/**
 * KDDTrain+.txt -> 41 numeric features + label. Symbolic columns get integer codes by order of first appearance
 * (or byte-wise sorted order, as sklearn's LabelEncoder); label = 0 for "normal", else 1; the difficulty column is dropped.
 */
export function convertKdd(text: string, order: CodeOrder = 'first'): KddResult {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error('KDDTrain+.txt is empty.');
  const rows = lines.map((l, i) => {
    const cells = l.split(',');
    // 43 fields: 41 features, the attack name, the difficulty score (dropped); 42 when the file has no difficulty.
    if (cells.length !== 43 && cells.length !== 42) {
      throw new Error(`KDD line ${i + 1} has ${cells.length} fields; expected 43 (41 features, the attack name, the difficulty).`);
    }
    return cells;
  });
  const codes: Record<string, Record<string, number>> = {};
  for (const j of KDD_SYMBOLIC) {
    const distinct: string[] = [];
    const seen = new Set<string>();
    for (const r of rows) if (!seen.has(r[j]!)) (seen.add(r[j]!), distinct.push(r[j]!));
    if (order === 'sorted') distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    codes[KDD_FEATURES[j]!] = Object.fromEntries(distinct.map((v, k) => [v, k]));
  }
  const n = rows.length;
  const values = new Float64Array(n * 41);
  const labels = new Uint8Array(n);
  rows.forEach((r, i) => {
    for (let j = 0; j < 41; j++) {
      const cell = r[j]!;
      if (KDD_SYMBOLIC.includes(j)) values[i * 41 + j] = codes[KDD_FEATURES[j]!]![cell]!;
      else {
        const v = Number(cell);
        if (cell.trim() === '' || !Number.isFinite(v)) {
          throw new Error(`KDD line ${i + 1}, column ${j + 1} (${KDD_FEATURES[j]}): "${cell.slice(0, 40)}" is not a number.`);
        }
        values[i * 41 + j] = v;
      }
    }
    labels[i] = r[41]!.trim() === 'normal' ? 0 : 1;
  });
  return { data: { name: 'nslkdd', n, d: 41, values, labels, featureNames: [...KDD_FEATURES], kind: { type: 'tabular' } }, codes };
}

/** Shortest decimal whose float32 rounding is v (v must be a float32 number); -0 prints as 0. */
export function formatFloat32(v: number): string {
  if (v === 0) return '0';
  for (let p = 1; p <= 9; p++) {
    const s = String(Number(v.toPrecision(p)));
    if (Math.fround(Number(s)) === v) return s;
  }
  return String(v);
}

/**
 * CSV with header f0..f{d-1},label (or the given names). Where every value is a float32 number (ODDS mnist,
 * optdigits) cells are the shortest float32 decimals, else the shortest float64 ones, as in the project's data README.
 */
export function datasetCsv(data: RawData): string {
  if (!data.labels) throw new Error(`${data.name} has no labels.`);
  const fmt = data.values.every((v) => Math.fround(v) === v) ? formatFloat32 : formatCell;
  const out: string[] = [[...data.featureNames, 'label'].join(',')];
  const row: string[] = new Array<string>(data.d + 1);
  for (let i = 0; i < data.n; i++) {
    for (let j = 0; j < data.d; j++) row[j] = fmt(data.values[i * data.d + j]!);
    row[data.d] = String(data.labels[i]);
    out.push(row.join(','));
  }
  return out.join('\n') + '\n';
}

/** ODDS .mat -> RawData. MATLAB v5 is read directly so constant columns stay (the raw ODDS data); other versions go through importFile. */
export async function convertMat(name: string, bytes: Uint8Array): Promise<{ data: RawData; notices: string[] }> {
  if (!isMatV5(bytes)) {
    const r = await importFile(`${name}.mat`, bytes);
    return { data: { ...r.data, name }, notices: r.notices };
  }
  const mat = readMatV5(bytes);
  const { matrix, notices } = pickMatrix(mat.arrays, mat.skipped, `${name}.mat`);
  const y = matrix.vectors.find((v) => v.name.toLowerCase() === 'y');
  if (!y) throw new Error(`${name}.mat has no label vector y of ${matrix.n} values.`);
  const labels = new Uint8Array(matrix.n);
  y.values.forEach((v, i) => {
    if (v !== 0 && v !== 1) throw new Error(`${name}.mat: y[${i + 1}] = ${v}; ODDS labels are 0 (normal) or 1 (anomaly).`);
    labels[i] = v;
  });
  return {
    data: { name, n: matrix.n, d: matrix.d, values: matrix.values, labels, featureNames: matrix.names, kind: matrix.kind ?? { type: 'tabular' } },
    notices,
  };
}

export interface FetchOptions {
  out: string;
  only: string[] | null;
  baseUrl: string | null;
  check: boolean;
  codes: CodeOrder;
  log?: (line: string) => void;
}

export interface FetchOutcome {
  name: string;
  url: string;
  ok: boolean;
  /** written CSV path, or the error message */
  detail: string;
  rows?: number;
  features?: number;
  anomalies?: number;
}

export function urlFor(src: FetchSource, baseUrl: string | null): string {
  const base = (baseUrl ?? src.defaultBase).replace(/\/+$/, '');
  return `${base}/${encodeURIComponent(src.remoteFile)}`;
}

async function download(url: string, name: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(600_000) });
  } catch (e) {
    const cause = (e as { cause?: { message?: string } }).cause?.message ?? (e as Error).message;
    throw new Error(`Could not download ${name} from ${url}: ${cause}. Check the internet connection or pass --base-url.`);
  }
  if (!res.ok) throw new Error(`Download of ${name} failed: HTTP ${res.status} ${res.statusText} for ${url}.`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length === 0) throw new Error(`Download of ${name} from ${url} is empty.`);
  return bytes;
}

/** Downloads and converts each selected source; one failure does not stop the others. */
export async function fetchDatasets(opts: FetchOptions): Promise<FetchOutcome[]> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const chosen = opts.only ? SOURCES.filter((s) => opts.only!.includes(s.name)) : [...SOURCES];
  mkdirSync(opts.out, { recursive: true });
  const outcomes: FetchOutcome[] = [];
  for (const src of chosen) {
    const url = urlFor(src, opts.baseUrl);
    try {
      log(`${src.name}: downloading ${url}`);
      const bytes = await download(url, src.name);
      let data: RawData;
      const extra: Record<string, string> = {};
      if (src.format === 'kdd') {
        const r = convertKdd(new TextDecoder().decode(bytes), opts.codes);
        data = r.data;
        extra[`${src.name}.codes.json`] = JSON.stringify({ order: opts.codes, codes: r.codes }, null, 2) + '\n';
      } else {
        const r = await convertMat(src.name, bytes);
        data = r.data;
        for (const n of r.notices) log(`${src.name}: ${n}`);
      }
      const anomalies = data.labels!.reduce((s, l) => s + l, 0);
      const got = { rows: data.n, features: data.d, anomalies };
      const e = src.expect;
      if (opts.check && (got.rows !== e.rows || got.features !== e.features || got.anomalies !== e.anomalies)) {
        throw new Error(
          `${src.name} from ${url} is ${got.rows} x ${got.features} with ${got.anomalies} anomalies, but the published data is ` +
            `${e.rows} x ${e.features} with ${e.anomalies}; wrong or damaged file (pass --no-check to keep it anyway).`,
        );
      }
      const path = join(opts.out, `${src.name}.csv`);
      writeFileSync(path, datasetCsv(data));
      for (const [file, text] of Object.entries(extra)) writeFileSync(join(opts.out, file), text);
      log(`${src.name}: wrote ${path} (${got.rows} x ${got.features}, ${got.anomalies} anomalies)`);
      outcomes.push({ name: src.name, url, ok: true, detail: path, ...got });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      log(`${src.name}: FAILED: ${msg}`);
      outcomes.push({ name: src.name, url, ok: false, detail: msg });
    }
  }
  return outcomes;
}

const USAGE = `Usage: npm run datasets:fetch -- [--out DIR] [--only NAME[,NAME...]] [--base-url URL] [--codes first|sorted] [--no-check]
  --out DIR       where to write NAME.csv (default: datasets/ in the repository root)
  --only NAMES    some of: ${SOURCES.map((s) => s.name).join(', ')}
  --base-url URL  fetch every file from URL/<file> instead of the default servers
  --codes ORDER   NSL-KDD symbolic codes by order of first appearance (default) or sorted (sklearn LabelEncoder)
  --no-check      keep files whose shape differs from the published one`;

export function parseArgs(argv: string[]): FetchOptions {
  const opts: FetchOptions = { out: join(ROOT, 'datasets'), only: null, baseUrl: null, check: true, codes: 'first' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value.\n${USAGE}`);
      return v;
    };
    if (a === '--out') opts.out = resolve(value());
    else if (a === '--only') {
      const names = value().split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = names.filter((n) => !SOURCES.some((s) => s.name === n));
      if (unknown.length) throw new Error(`Unknown dataset ${unknown.join(', ')}; choose from ${SOURCES.map((s) => s.name).join(', ')}.`);
      opts.only = names;
    } else if (a === '--base-url') {
      const v = value();
      if (!/^https?:\/\//.test(v)) throw new Error(`--base-url must start with http:// or https://, got "${v}".`);
      opts.baseUrl = v;
    } else if (a === '--codes') {
      const v = value();
      if (v !== 'first' && v !== 'sorted') throw new Error(`--codes must be "first" or "sorted", got "${v}".`);
      opts.codes = v;
    } else if (a === '--no-check') opts.check = false;
    else if (a === '--help' || a === '-h') throw new Error(USAGE);
    else throw new Error(`Unknown option "${a}".\n${USAGE}`);
  }
  return opts;
}

async function main(): Promise<void> {
  let opts: FetchOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  console.log(`fetch-datasets: writing to ${opts.out}`);
  const outcomes = await fetchDatasets(opts);
  const failed = outcomes.filter((o) => !o.ok);
  console.log(`fetch-datasets: ${outcomes.length - failed.length} converted, ${failed.length} failed.`);
  if (failed.length) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
