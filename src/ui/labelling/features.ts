// How unusual each feature of a sample is against the whole dataset: z-scores and percentiles, most unusual first.

export interface ColumnStats {
  mean: Float64Array;
  std: Float64Array;
  /** each column's values sorted ascending, for percentiles (an even sample of PERCENTILE_SAMPLE rows on bigger data) */
  sorted: Float64Array[];
  /** smallest and largest value over the whole table (image pixels) */
  min: number;
  max: number;
}

/** Rows used for the percentile of a value when the data is larger. */
export const PERCENTILE_SAMPLE = 5000;

export function columnStats(values: ArrayLike<number>, n: number, d: number): ColumnStats {
  const steps = columnStatsSteps(values, n, d, Infinity);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * columnStats in steps of at most `rowsPerStep` rows a pass (a yield between steps): the page computes 200k x 50
 * in slices between frames instead of one 0.2 s task. Same figures as columnStats.
 */
export function* columnStatsSteps(values: ArrayLike<number>, n: number, d: number, rowsPerStep: number): Generator<void, ColumnStats, void> {
  if (values.length !== n * d) throw new Error(`The table has ${values.length} values, not ${n} x ${d}`);
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  let min = Infinity;
  let max = -Infinity;
  // row-major passes (cache friendly): sums first, then squared deviations (two-pass, as stable as before)
  for (let a = 0; a < n; a += rowsPerStep) {
    if (a > 0) yield;
    const b = Math.min(n, a + rowsPerStep);
    for (let i = a; i < b; i++) for (let j = 0; j < d; j++) {
      const v = values[i * d + j]!;
      mean[j] += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  for (let j = 0; j < d; j++) mean[j] = n ? mean[j]! / n : 0;
  for (let a = 0; a < n; a += rowsPerStep) {
    yield;
    const b = Math.min(n, a + rowsPerStep);
    for (let i = a; i < b; i++) for (let j = 0; j < d; j++) sq[j] += (values[i * d + j]! - mean[j]!) ** 2;
  }
  const std = sq.map((v) => (n ? Math.sqrt(v / n) : 0));
  // percentiles from an even sample on big data: sorting 126k x 41 values froze the page for 0.3 s
  const rows = n > PERCENTILE_SAMPLE ? Array.from({ length: PERCENTILE_SAMPLE }, (_, k) => Math.floor((k * n) / PERCENTILE_SAMPLE)) : null;
  const sorted = Array.from({ length: d }, (_, j) =>
    (rows ? Float64Array.from(rows, (i) => values[i * d + j]!) : Float64Array.from({ length: n }, (_, i) => values[i * d + j]!)).sort());
  return { mean, std, sorted, min, max };
}

/** Share of the column at or below v, counting ties half (0..100). */
export function percentile(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  const below = lo;
  let eq = 0;
  while (lo + eq < sorted.length && sorted[lo + eq] === v) eq++;
  return sorted.length ? (100 * (below + eq / 2)) / sorted.length : 50;
}

export interface FeatureRow {
  /** column number in the table */
  column: number;
  name: string;
  value: number;
  /** (value - mean) / std; 0 for a constant column */
  z: number;
  percentile: number;
}

/** One sample's features, most unusual (largest |z|) first; ties keep column order. */
export function featureRows(values: ArrayLike<number>, d: number, row: number, stats: ColumnStats, names: readonly string[]): FeatureRow[] {
  const rows: FeatureRow[] = [];
  for (let j = 0; j < d; j++) {
    const value = values[row * d + j]!;
    const sd = stats.std[j]!;
    const z = sd > 0 ? (value - stats.mean[j]!) / sd : 0;
    rows.push({ column: j, name: names[j] ?? `x${j + 1}`, value, z, percentile: percentile(stats.sorted[j]!, value) });
  }
  return rows.sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.column - b.column);
}

/** Grey pixels (RGBA, 255 = ink) of one sample at the image's native shape, scaled by the dataset's range. */
export function imagePixels(values: ArrayLike<number>, d: number, row: number, shape: readonly [number, number], range: { min: number; max: number }): Uint8ClampedArray {
  const [h, w] = shape;
  if (h * w !== d) throw new Error(`An image of ${h} x ${w} needs ${h * w} features, the data has ${d}`);
  const span = range.max - range.min || 1;
  const px = new Uint8ClampedArray(h * w * 4);
  for (let k = 0; k < h * w; k++) {
    const ink = Math.round((255 * (values[row * d + k]! - range.min)) / span);
    px[4 * k] = px[4 * k + 1] = px[4 * k + 2] = 255 - ink; // dark ink on white paper
    px[4 * k + 3] = 255;
  }
  return px;
}
