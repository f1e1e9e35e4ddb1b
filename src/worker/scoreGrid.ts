// The score field of 2-D data: a regular grid over the input plane, 8% wider than the data on each side.
import type { RawData } from '../core/types';
import type { ScoreGrid } from '../protocol';

export const GRID = 64;

/** Grid axes (raw units) and the points row-major (y outer, x inner), as [x0, y0, x1, y1, ...]. */
export function gridPoints(data: Pick<RawData, 'n' | 'values'>, size = GRID): { x: Float32Array; y: Float32Array; points: Float64Array } {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < data.n; i++) {
    const a = data.values[2 * i]!;
    const b = data.values[2 * i + 1]!;
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  const mx = (x1 - x0) * 0.08 || 1;
  const my = (y1 - y0) * 0.08 || 1;
  const x = Float32Array.from({ length: size }, (_, i) => x0 - mx + ((x1 - x0 + 2 * mx) * i) / (size - 1));
  const y = Float32Array.from({ length: size }, (_, i) => y0 - my + ((y1 - y0 + 2 * my) * i) / (size - 1));
  const points = new Float64Array(size * size * 2);
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) {
    points[2 * (r * size + c)] = x[c]!;
    points[2 * (r * size + c) + 1] = y[r]!;
  }
  return { x, y, points };
}

/** The score field for 2-D data, null otherwise; `score` maps raw points to D(x) (Session.scoreRaw). */
export async function scoreGrid(data: RawData, score: (points: Float64Array) => Promise<Float32Array>): Promise<ScoreGrid | null> {
  if (data.d !== 2) return null;
  const { x, y, points } = gridPoints(data);
  return { x, y, z: await score(points) };
}
