// The dataset catalogue: the typed manifest of bundled datasets, and the paper's datasets we may not bundle.
import type { DataKind } from '../core/types';

export const MANIFEST_VERSION = 1;

/** Where a bundled dataset came from: a registry package at an exact version (or this project). */
export interface DatasetSource {
  registry: 'debian' | 'npm' | 'project';
  package: string;
  version: string;
  /** the file inside the package that was read */
  path: string;
}

export interface ManifestEntry {
  name: string;
  title: string;
  /** CSV file name, relative to the manifest */
  file: string;
  rows: number;
  features: number;
  anomalies: number;
  anomalyRatio: number;
  featureNames: string[];
  kind: DataKind;
  recipe: string;
  source: DatasetSource;
  licence: string;
  citation: string;
}

export interface Manifest {
  version: number;
  datasets: ManifestEntry[];
}

class ManifestError extends Error {
  constructor(message: string) {
    super(`Invalid dataset manifest: ${message}`);
    this.name = 'ManifestError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(o: Obj, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length === 0) throw new ManifestError(`${where}: "${key}" must be a non-empty string.`);
  return v;
}
function int(o: Obj, key: string, where: string, min: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new ManifestError(`${where}: "${key}" must be an integer >= ${min}, got ${JSON.stringify(v)}.`);
  }
  return v;
}

function parseKind(v: unknown, features: number, where: string): DataKind {
  if (!isObj(v) || (v.type !== 'tabular' && v.type !== 'image')) {
    throw new ManifestError(`${where}: "kind" must be {"type":"tabular"} or {"type":"image","shape":[h,w]}.`);
  }
  if (v.type === 'tabular') return { type: 'tabular' };
  const s = v.shape;
  if (!Array.isArray(s) || s.length !== 2 || !s.every((x) => Number.isInteger(x) && (x as number) > 0)) {
    throw new ManifestError(`${where}: an image kind needs "shape": [height, width] of positive integers.`);
  }
  const shape: [number, number] = [s[0] as number, s[1] as number];
  if (shape[0] * shape[1] !== features) {
    throw new ManifestError(`${where}: image shape ${shape[0]}x${shape[1]} does not match ${features} features.`);
  }
  return { type: 'image', shape };
}

function parseSource(v: unknown, where: string): DatasetSource {
  if (!isObj(v)) throw new ManifestError(`${where}: "source" must be an object.`);
  const registry = v.registry;
  if (registry !== 'debian' && registry !== 'npm' && registry !== 'project') {
    throw new ManifestError(`${where}: source.registry must be "debian", "npm" or "project".`);
  }
  return { registry, package: str(v, 'package', where), version: str(v, 'version', where), path: str(v, 'path', where) };
}

function parseEntry(v: unknown, i: number): ManifestEntry {
  if (!isObj(v)) throw new ManifestError(`dataset #${i + 1} is not an object.`);
  const name = str(v, 'name', `dataset #${i + 1}`);
  const where = `dataset "${name}"`;
  const file = str(v, 'file', where);
  if (!/^[A-Za-z0-9_.-]+\.csv$/.test(file) || file.startsWith('.')) {
    throw new ManifestError(`${where}: "file" must be a plain .csv file name, got ${JSON.stringify(file)}.`);
  }
  const rows = int(v, 'rows', where, 1);
  const features = int(v, 'features', where, 1);
  const anomalies = int(v, 'anomalies', where, 0);
  if (anomalies > rows) throw new ManifestError(`${where}: ${anomalies} anomalies but only ${rows} rows.`);
  const anomalyRatio = v.anomalyRatio;
  if (typeof anomalyRatio !== 'number' || Math.abs(anomalyRatio - anomalies / rows) > 1e-9) {
    throw new ManifestError(`${where}: "anomalyRatio" must equal anomalies / rows = ${anomalies / rows}.`);
  }
  const names = v.featureNames;
  if (!Array.isArray(names) || names.length !== features || !names.every((x) => typeof x === 'string' && x.length > 0)) {
    throw new ManifestError(`${where}: "featureNames" must be ${features} non-empty strings.`);
  }
  if (new Set(names).size !== names.length) throw new ManifestError(`${where}: "featureNames" has duplicates.`);
  return {
    name,
    title: str(v, 'title', where),
    file,
    rows,
    features,
    anomalies,
    anomalyRatio,
    featureNames: names as string[],
    kind: parseKind(v.kind, features, where),
    recipe: str(v, 'recipe', where),
    source: parseSource(v.source, where),
    licence: str(v, 'licence', where),
    citation: str(v, 'citation', where),
  };
}

/** Validates parsed manifest JSON; throws an Error naming the dataset and field at fault. */
export function parseManifest(json: unknown): Manifest {
  if (!isObj(json)) throw new ManifestError('the top level must be an object.');
  if (json.version !== MANIFEST_VERSION) {
    throw new ManifestError(`unsupported version ${JSON.stringify(json.version)} (this app reads version ${MANIFEST_VERSION}).`);
  }
  if (!Array.isArray(json.datasets)) throw new ManifestError('"datasets" must be an array.');
  const datasets = json.datasets.map(parseEntry);
  const seen = new Set<string>();
  for (const d of datasets) {
    if (seen.has(d.name)) throw new ManifestError(`dataset name "${d.name}" appears twice.`);
    seen.add(d.name);
  }
  return { version: MANIFEST_VERSION, datasets };
}

/** Fetches and validates `${base}manifest.json`; base defaults to the app's public datasets folder. */
export async function loadManifest(base = 'datasets/', fetchFn: typeof fetch = fetch): Promise<Manifest> {
  const url = `${base}manifest.json`;
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch (e) {
    throw new Error(`Could not load the dataset manifest ${url}: ${(e as Error).message}`);
  }
  if (!res.ok) throw new Error(`Could not load the dataset manifest ${url}: HTTP ${res.status}.`);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new Error(`The dataset manifest ${url} is not valid JSON.`);
  }
  return parseManifest(json);
}

/** A dataset of the paper that we may not bundle: the picker says where to get it. */
export interface ExternalDataset {
  name: string;
  /** the key the paper's code uses */
  paperKey: string;
  title: string;
  rows: number;
  features: number;
  anomalies: number;
  anomalyRatio: number;
  kind: DataKind;
  /** the page that describes the data and links the download */
  infoUrl: string;
  /** the file to download and load (the app reads .mat / .txt / .csv) */
  fileName: string;
  howTo: string;
  licence: string;
  citation: string;
}

const ODDS_CITE = 'Shebuti Rayana (2016). ODDS Library [http://odds.cs.stonybrook.edu]. Stony Brook, NY: Stony Brook University, Department of Computer Science.';
const ODDS_HOWTO = 'Download the .mat file from the ODDS page (or run `npm run datasets:fetch`) and load it with "Open file".';

/** The paper's datasets we do not ship (algorithm.md 2.1); rows/features/anomalies are the ODDS numbers. */
export const EXTERNAL_DATASETS: readonly ExternalDataset[] = [
  {
    name: 'arrhythmia', paperKey: 'arrhythmia', title: 'Arrhythmia (ODDS)', rows: 452, features: 274, anomalies: 66, anomalyRatio: 66 / 452,
    kind: { type: 'tabular' }, infoUrl: 'http://odds.cs.stonybrook.edu/arrhythmia-dataset/', fileName: 'arrhythmia.mat', howTo: ODDS_HOWTO,
    licence: 'ODDS states no licence; the UCI Arrhythmia data is CC BY 4.0 per UCI.',
    citation: `${ODDS_CITE} Original data: H. A. Guvenir, B. Acar, G. Demiroz, A. Cekin (1997), "A supervised machine learning algorithm for arrhythmia analysis", Computers in Cardiology; UCI ML Repository.`,
  },
  {
    name: 'cardio', paperKey: 'cardio', title: 'Cardiotocography (ODDS)', rows: 1831, features: 21, anomalies: 176, anomalyRatio: 176 / 1831,
    kind: { type: 'tabular' }, infoUrl: 'http://odds.cs.stonybrook.edu/cardiotocogrpahy-dataset/', fileName: 'cardio.mat', howTo: ODDS_HOWTO,
    licence: 'ODDS states no licence; the UCI Cardiotocography data is CC BY 4.0 per UCI.',
    citation: `${ODDS_CITE} Original data: D. Ayres-de Campos, J. Bernardes et al. (2000), "SisPorto 2.0: a program for automated analysis of cardiotocograms", J. Matern. Fetal Med. 5:311-318; UCI ML Repository.`,
  },
  {
    name: 'mnist', paperKey: 'mnist_tab', title: 'MNIST (ODDS, 100 pixels)', rows: 7603, features: 100, anomalies: 700, anomalyRatio: 700 / 7603,
    kind: { type: 'tabular' }, infoUrl: 'http://odds.cs.stonybrook.edu/mnist-dataset/', fileName: 'mnist.mat', howTo: ODDS_HOWTO,
    licence: 'ODDS states no licence; MNIST is CC BY-SA 3.0.',
    citation: `${ODDS_CITE} Original data: Y. LeCun, C. Cortes, C. J. C. Burges, "The MNIST database of handwritten digits".`,
  },
  {
    name: 'optdigits', paperKey: 'optdigits', title: 'Optical digits (ODDS)', rows: 5216, features: 64, anomalies: 150, anomalyRatio: 150 / 5216,
    kind: { type: 'image', shape: [8, 8] }, infoUrl: 'http://odds.cs.stonybrook.edu/optdigits-dataset/', fileName: 'optdigits.mat', howTo: ODDS_HOWTO,
    licence: 'ODDS states no licence; the UCI Optical Recognition of Handwritten Digits data is CC BY 4.0 per UCI.',
    citation: `${ODDS_CITE} Original data: E. Alpaydin, C. Kaynak (1998), Optical Recognition of Handwritten Digits, UCI ML Repository.`,
  },
  {
    name: 'nslkdd', paperKey: 'nslkdd', title: 'NSL-KDD (KDDTrain+)', rows: 125973, features: 41, anomalies: 58630, anomalyRatio: 58630 / 125973,
    kind: { type: 'tabular' }, infoUrl: 'https://www.unb.ca/cic/datasets/nsl.html', fileName: 'KDDTrain+.txt',
    howTo: 'Download KDDTrain+.txt from the UNB NSL-KDD page and convert it with `npm run datasets:fetch -- --only nslkdd` (or load the converted CSV).',
    licence: 'No licence file in the archive; UNB asks users to cite the dataset and the paper.',
    citation: 'M. Tavallaee, E. Bagheri, W. Lu, A. A. Ghorbani, "A Detailed Analysis of the KDD CUP 99 Data Set", IEEE CISDA 2009. Canadian Institute for Cybersecurity, University of New Brunswick.',
  },
];
