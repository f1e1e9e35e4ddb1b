// Exports as plain strings and bytes (no DOM): labels and scores as CSV, the trained model in tfjs weights format.
import type { HistoryEntry, Label, StageSnapshot, WeightTensor } from '../core/types';

export type Cell = string | number | null | undefined;

/** Spreadsheets run a text cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: numbers as written, text guarded against formula injection and quoted when RFC 4180 needs it. */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV: header then rows, '\n' line ends, a final newline. */
export function toCsv(header: readonly Cell[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) {
    if (r.length !== header.length) throw new Error(`A CSV row has ${r.length} cells but the header has ${header.length}`);
    lines.push(r.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** The shortest decimal text that reads back as the same float32 (0.1f gives '0.1', not '0.10000000149011612'). */
export function formatFloat32(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const f = Math.fround(x);
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  return String(f);
}

/** A number cell that keeps its float32 text (as a number, so no formula guard applies). */
const f32Cell = (x: number): Cell => (Number.isFinite(x) ? Number(formatFloat32(x)) : String(x));

export interface LabelsCsvOptions {
  /** every decision, oldest first, skips and changed minds included; default: the current label per sample */
  history?: boolean;
  /** pool index -> row of the original file; adds a 'row' column after 'index' */
  rowOf?: ArrayLike<number>;
}

/**
 * index,label,round,time (time in ISO 8601, UTC). By default one row per labelled sample, its newest decision,
 * sorted by index, skips left out; with history: true, every decision in the order it was made.
 */
export function labelsCsv(history: readonly HistoryEntry[], opts: LabelsCsvOptions = {}): string {
  let entries: HistoryEntry[];
  if (opts.history) {
    entries = [...history].reverse();
  } else {
    const latest = new Map<number, HistoryEntry>();
    for (let i = history.length - 1; i >= 0; i--) latest.set(history[i].index, history[i]);
    entries = [...latest.values()].filter((e) => e.label !== 'skip').sort((a, b) => a.index - b.index);
  }
  const rowOf = opts.rowOf;
  const header = rowOf ? ['index', 'row', 'label', 'round', 'time'] : ['index', 'label', 'round', 'time'];
  return toCsv(header, entries.map((e) => {
    const time = new Date(e.time).toISOString();
    return rowOf ? [e.index, rowAt(rowOf, e.index), e.label, e.round, time] : [e.index, e.label, e.round, time];
  }));
}

function rowAt(rowOf: ArrayLike<number>, i: number): number {
  if (i >= rowOf.length) throw new Error(`Sample ${i} has no row in the index map (it has ${rowOf.length} entries)`);
  return rowOf[i];
}

export interface ScoresCsvOptions {
  /** ground truth per sample (0 normal / 1 anomaly): adds a 'truth' column */
  truth?: ArrayLike<number> | null;
  /** the oracle's labels: adds a 'label' column (0/1, empty where not labelled) */
  labels?: Iterable<readonly [number, Label]> | null;
  rowOf?: ArrayLike<number>;
}

/** index, one score column per stage (stage_0, stage_1, ...), then truth and label when known. */
export function scoresCsv(stages: ReadonlyArray<Pick<StageSnapshot, 'stage' | 'scores'>>, opts: ScoresCsvOptions = {}): string {
  if (stages.length === 0) throw new Error('There are no scores to export yet: train at least one stage');
  const n = stages[0].scores.length;
  for (const s of stages) {
    if (s.scores.length !== n) throw new Error(`Stage ${s.stage} has ${s.scores.length} scores but stage ${stages[0].stage} has ${n}`);
  }
  if (opts.truth && opts.truth.length !== n) throw new Error(`The truth has ${opts.truth.length} labels for ${n} samples`);
  const given = opts.labels ? new Map(opts.labels) : null;
  const header: string[] = ['index'];
  if (opts.rowOf) header.push('row');
  for (const s of stages) header.push(`stage_${s.stage}`);
  if (opts.truth) header.push('truth');
  if (given) header.push('label');
  const rows = function* (): Generator<Cell[]> {
    for (let i = 0; i < n; i++) {
      const r: Cell[] = [i];
      if (opts.rowOf) r.push(rowAt(opts.rowOf, i));
      for (const s of stages) r.push(f32Cell(s.scores[i]));
      if (opts.truth) r.push(opts.truth[i]);
      if (given) r.push(given.get(i) ?? null);
      yield r;
    }
  };
  return toCsv(header, rows());
}

// ---- the trained model, as tfjs model.json + weights.bin ----

export interface ModelMeta {
  /** hypersphere center */
  c: ArrayLike<number>;
  /** soft-boundary radius */
  R: number;
  /** how to rebuild the network (e.g. {hDims, repDim, activation}); stored as modelTopology */
  topology?: Record<string, unknown>;
  /** anything else for userDefinedMetadata (loss, dataset, stage, scaling...) */
  extra?: Record<string, unknown>;
}

export interface ModelFiles {
  /** model.json text */
  modelJson: string;
  /** weights.bin bytes (float32, little-endian, in manifest order) */
  weightsBin: Uint8Array;
}

export const WEIGHTS_FILE = 'weights.bin';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** tfjs's layout: one weightsManifest group over one file; c and R in userDefinedMetadata. */
export function modelFiles(tensors: readonly WeightTensor[], meta: ModelMeta): ModelFiles {
  if (!LITTLE_ENDIAN) throw new Error('Exporting weights needs a little-endian platform');
  if (!Number.isFinite(meta.R)) throw new Error(`The radius R is ${meta.R}, not a finite number`);
  const names = new Set<string>();
  let total = 0;
  for (const t of tensors) {
    if (names.has(t.name)) throw new Error(`Two weights are named '${t.name}'`);
    names.add(t.name);
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (size !== t.values.length) throw new Error(`Weight '${t.name}' has shape [${t.shape.join(', ')}] (${size} values) but ${t.values.length} values`);
    total += size;
  }
  const bin = new Float32Array(total);
  let off = 0;
  for (const t of tensors) { bin.set(t.values, off); off += t.values.length; }
  const json = {
    format: 'svdd-lab-weights',
    generatedBy: 'svdd-lab',
    convertedBy: null,
    modelTopology: meta.topology ?? {},
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: tensors.map((t) => ({ name: t.name, shape: [...t.shape], dtype: 'float32' })) }],
    userDefinedMetadata: {
      ...meta.extra,
      c: Array.from(meta.c, (x) => Number(formatFloat32(x))),
      R: meta.R,
    },
  };
  return { modelJson: JSON.stringify(json, null, 2) + '\n', weightsBin: new Uint8Array(bin.buffer) };
}

export interface ParsedModel {
  tensors: WeightTensor[];
  c: Float32Array;
  R: number;
  topology: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Reads model.json + its weight files back (float32 weights only). */
export function parseModelFiles(modelJson: string, bins: Uint8Array | Record<string, Uint8Array>): ParsedModel {
  let j: {
    modelTopology?: Record<string, unknown>;
    weightsManifest?: Array<{ paths: string[]; weights: Array<{ name: string; shape: number[]; dtype: string }> }>;
    userDefinedMetadata?: Record<string, unknown>;
  };
  try {
    j = JSON.parse(modelJson);
  } catch (e) {
    throw new Error(`model.json is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(j.weightsManifest)) throw new Error('model.json has no weightsManifest');
  const meta = j.userDefinedMetadata ?? {};
  if (!Array.isArray(meta.c) || typeof meta.R !== 'number') throw new Error('model.json has no c and R in userDefinedMetadata');
  const tensors: WeightTensor[] = [];
  for (const group of j.weightsManifest) {
    const parts = group.paths.map((p) => {
      const b = bins instanceof Uint8Array ? (group.paths.length === 1 ? bins : undefined) : bins[p];
      if (!b) throw new Error(`The weights file '${p}' named in model.json was not given`);
      return b;
    });
    const bytes = new Uint8Array(parts.reduce((a, b) => a + b.length, 0));
    let o = 0;
    for (const p of parts) { bytes.set(p, o); o += p.length; }
    const need = group.weights.reduce((a, w) => a + 4 * w.shape.reduce((x, y) => x * y, 1), 0);
    if (bytes.length !== need) throw new Error(`The weights file has ${bytes.length} bytes but model.json describes ${need}`);
    const all = new Float32Array(bytes.buffer, 0, need / 4);
    let off = 0;
    for (const w of group.weights) {
      if (w.dtype !== 'float32') throw new Error(`Weight '${w.name}' is ${w.dtype}; only float32 is supported`);
      const size = w.shape.reduce((x, y) => x * y, 1);
      tensors.push({ name: w.name, shape: [...w.shape], values: all.slice(off, off + size) });
      off += size;
    }
  }
  const { c, R, ...rest } = meta;
  return { tensors, c: Float32Array.from(c as number[]), R: R as number, topology: j.modelTopology ?? {}, metadata: rest };
}
