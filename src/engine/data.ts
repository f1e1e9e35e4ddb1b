// Data protocol: pollution subsampling, pool scaling, semi-target encoding (algorithm.md 2.2-2.4).

import type { Mode, RawData, RunConfig } from '../core/types';
import type { Rng } from '../core/rng';

/** Throws a clear message when a RawData's arrays disagree with its n and d. */
export function checkRaw(raw: RawData): void {
  if (!Number.isSafeInteger(raw.n) || raw.n < 0 || !Number.isSafeInteger(raw.d) || raw.d < 0) {
    throw new Error(`${raw.name}: n and d must be non-negative integers (n = ${raw.n}, d = ${raw.d})`);
  }
  if (raw.values.length !== raw.n * raw.d) {
    throw new Error(`${raw.name}: ${raw.values.length} values, expected n x d = ${raw.n} x ${raw.d} = ${raw.n * raw.d}`);
  }
  if (raw.labels !== null) {
    if (raw.labels.length !== raw.n) throw new Error(`${raw.name}: ${raw.labels.length} labels for ${raw.n} rows`);
    for (let i = 0; i < raw.n; i++) {
      if (raw.labels[i] !== 0 && raw.labels[i] !== 1) {
        throw new Error(`${raw.name}: label of row ${i} is ${raw.labels[i]}, expected 0 (normal) or 1 (anomaly)`);
      }
    }
  }
}

/**
 * Fit StandardScaler (population std; std 0 -> scale 1) then MinMaxScaler (range 0 -> 1) on the pool itself,
 * all in float64; Float32Array only at the end (B15). Row-major n x d; every feature lands in [0, 1].
 * A constant column gives exactly 0 (computed directly: float64 mean rounding would leave ~1e-17 noise).
 */
export function scalePool(raw: RawData): Float32Array {
  return applyScaling(raw.values, raw.n, raw.d, fitScaling(raw));
}

/** The fitted per-column scaling (plain numbers, for the model file): z = (x - mean) / scale, out = (z - min) / range. */
export interface Scaling {
  mean: number[];
  scale: number[];
  min: number[];
  range: number[];
  /** a constant column scales to exactly 0 */
  constant: boolean[];
}

/** Fits scalePool's scaling on the pool (float64, the same arithmetic scalePool applies). */
export function fitScaling(raw: RawData): Scaling {
  checkRaw(raw);
  const { n, d, values } = raw;
  if (n === 0) throw new Error(`${raw.name}: cannot scale an empty table`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new Error(`${raw.name}: row ${Math.floor(i / d)}, column ${i % d} is not a finite number (${values[i]})`);
    }
  }
  const s: Scaling = { mean: [], scale: [], min: [], range: [], constant: [] };
  for (let j = 0; j < d; j++) {
    let sum = 0;
    let constant = true;
    const first = values[j];
    for (let i = 0; i < n; i++) {
      const v = values[i * d + j];
      sum += v;
      if (v !== first) constant = false;
    }
    const mean = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const c = values[i * d + j] - mean;
      ss += c * c;
    }
    const std = Math.sqrt(ss / n);
    const scale = std === 0 ? 1 : std;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = (values[i * d + j] - mean) / scale;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    s.mean.push(constant ? first : mean);
    s.scale.push(constant ? 1 : scale);
    s.min.push(constant ? 0 : min);
    s.range.push(constant || max - min === 0 ? 1 : max - min);
    s.constant.push(constant);
  }
  return s;
}

/** Applies a fitted scaling to a row-major n x d matrix (the pool, or new rows scored with a saved model). */
export function applyScaling(values: Float64Array, n: number, d: number, s: Scaling): Float32Array {
  if (s.mean.length !== d) throw new Error(`The scaling has ${s.mean.length} columns but the data ${d}`);
  const out = new Float32Array(n * d);
  for (let j = 0; j < d; j++) {
    if (s.constant[j]) continue; // already 0 in `out`
    const mean = s.mean[j]!;
    const scale = s.scale[j]!;
    const min = s.min[j]!;
    const range = s.range[j]!;
    for (let i = 0; i < n; i++) out[i * d + j] = ((values[i * d + j] - mean) / scale - min) / range;
  }
  return out;
}

/**
 * Per-row values of the file (`width` numbers a row) in pool order: row r of the result is row order[r] of `values`.
 * The one place a pool row is mapped back to its file row in bulk (labels, inputs, the 2-D plane).
 */
export function inPoolOrder<T extends Float64Array | Float32Array | Uint8Array>(values: T, order: ArrayLike<number>, width = 1): T {
  const out = new (values.constructor as new (n: number) => T)(order.length * width);
  for (let r = 0; r < order.length; r++) {
    const from = order[r]! * width;
    for (let k = 0; k < width; k++) out[r * width + k] = values[from + k]!;
  }
  return out;
}

function takeRows(raw: RawData, rows: ArrayLike<number>): RawData {
  const values = inPoolOrder(raw.values, rows, raw.d);
  const labels = raw.labels === null ? null : inPoolOrder(raw.labels, rows);
  return { ...raw, n: rows.length, values, labels, featureNames: raw.featureNames.slice() };
}

/**
 * Build the pool (algorithm.md 2.2): all normals, then the anomalies, each in original row order.
 * ratio null or >= the data's own anomaly ratio: every row. 0 < ratio < own ratio: keep all normals and
 * n_out = floor(n_normal * r / (1 - r)) anomalies, drawn WITH replacement in reference mode (B2, kept in draw
 * order like np.random.choice) and WITHOUT replacement in improved mode (then put back in original order).
 * `order[poolRow]` is the row of `raw` it came from.
 */
export function pollute(
  raw: RawData,
  ratio: number | null,
  rng: Rng,
  mode: Mode,
): { data: RawData; order: Int32Array } {
  checkRaw(raw);
  if (ratio !== null && !(ratio > 0 && ratio <= 1)) {
    throw new Error(`pollution ratio must be in (0, 1] or null for the full data, got ${ratio}`);
  }
  if (raw.labels === null) {
    if (ratio !== null) {
      throw new Error(`${raw.name}: a pollution ratio needs labelled data (this data has no label column); use the full data`);
    }
    const order = new Int32Array(raw.n);
    for (let i = 0; i < raw.n; i++) order[i] = i;
    return { data: takeRows(raw, order), order };
  }
  const normals: number[] = [];
  const anomalies: number[] = [];
  for (let i = 0; i < raw.n; i++) (raw.labels[i] === 1 ? anomalies : normals).push(i);
  const ownRatio = raw.n === 0 ? 0 : anomalies.length / raw.n;
  let chosen = anomalies;
  if (ratio !== null && ratio < ownRatio) {
    const nOut = Math.floor((normals.length * ratio) / (1 - ratio));
    if (nOut < 1) {
      throw new Error(
        `${raw.name}: pollution ratio ${ratio} keeps no anomaly (${normals.length} normals give floor(${normals.length} * r / (1 - r)) = ${nOut}); choose a larger ratio`,
      );
    }
    chosen = mode === 'reference' ? rng.choice(anomalies, nOut, true) : rng.choice(anomalies, nOut, false).sort((a, b) => a - b);
  }
  const order = Int32Array.from([...normals, ...chosen]);
  return { data: takeRows(raw, order), order };
}

/**
 * Semi-supervised targets (algorithm.md 2.4): 0 unlabelled, +1 labelled normal, -1 labelled anomaly,
 * -2 pseudo-abnormal (overrides).
 */
export function semiTargets(labelKnown: Uint8Array, labels: Uint8Array, pseudo: Uint8Array): Int8Array {
  const n = labelKnown.length;
  if (labels.length !== n || pseudo.length !== n) {
    throw new Error(`semiTargets: lengths differ (labelKnown ${n}, labels ${labels.length}, pseudo ${pseudo.length})`);
  }
  const s = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    if (labelKnown[i] === 1) {
      if (labels[i] === 1) s[i] = -1;
      else if (labels[i] === 0) s[i] = 1;
      else throw new Error(`semiTargets: row ${i} is labelled but its answer is ${labels[i]}, expected 0 or 1`);
    }
    if (pseudo[i] === 1) s[i] = -2;
  }
  return s;
}

/** Remove columns whose values are all equal (they carry no information and scale to all-zero anyway). */
export function dropConstantColumns(raw: RawData): { data: RawData; dropped: string[] } {
  checkRaw(raw);
  const { n, d, values } = raw;
  const name = (j: number): string => raw.featureNames[j] ?? `x${j}`;
  const keep: number[] = [];
  const dropped: string[] = [];
  for (let j = 0; j < d; j++) {
    let constant = n > 0;
    for (let i = 1; i < n && constant; i++) if (values[i * d + j] !== values[j]) constant = false;
    if (constant) dropped.push(name(j));
    else keep.push(j);
  }
  if (keep.length === 0 && d > 0) {
    throw new Error(`${raw.name}: all ${d} columns are constant; there is nothing to learn from`);
  }
  if (dropped.length === 0) return { data: { ...raw, featureNames: keep.map(name) }, dropped };
  const m = keep.length;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let c = 0; c < m; c++) out[i * m + c] = values[i * d + keep[c]];
  return { data: { ...raw, d: m, values: out, featureNames: keep.map(name) }, dropped };
}

/** Min-max per column: standardise-then-min-max is the same affine map, used to scale new points. */
export function columnRanges(pool: RawData): [Float64Array, Float64Array] {
  const { n, d, values } = pool;
  const lo = new Float64Array(d).fill(Infinity);
  const hi = new Float64Array(d).fill(-Infinity);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) {
    const v = values[i * d + j];
    if (v < lo[j]) lo[j] = v;
    if (v > hi[j]) hi[j] = v;
  }
  const range = hi.map((h, j) => (h - lo[j] > 0 ? h - lo[j] : 1));
  return [lo, range];
}

/** A session's pool: the data as given (improved mode, no pollution) or the paper's polluted subsample of it. */
export function sessionPool(data: RawData, config: Pick<RunConfig, 'mode' | 'pollution'>, rng: Rng): { data: RawData; order: Int32Array } {
  if (config.mode === 'improved' && config.pollution === null) return { data, order: Int32Array.from({ length: data.n }, (_, i) => i) };
  return pollute(data, config.pollution, rng, config.mode);
}
