// The latent view's plane (Plot 1): radius = ||phi(x) - c|| exactly, angle from the top-2 principal directions.
// Pure, so the worker computes it with each snapshot and the page does no O(n x repDim) pass per round.
import type { StageSnapshot } from '../core/types';
import { canonicalSign, covariance, dot, symEig } from './linalg';

export interface LatentCoords {
  x: Float64Array;
  y: Float64Array;
  /** the two directions used (rows of length repDim); null for the true plane */
  axes: [Float64Array, Float64Array] | null;
  truePlane: boolean;
}

/** What the plane reads of a snapshot. */
export type LatentInput = Pick<StageSnapshot, 'scores' | 'repDim' | 'embedding' | 'center'>;

/**
 * Polar view keeping distances to c: point i sits at radius ||v_i|| and angle atan2(v_i.u2, v_i.u1), v_i = phi_i - c.
 * prevAxes keeps the signs of the directions from the previous round so the points do not flip between rounds.
 */
export function latentCoords(s: LatentInput, prevAxes?: [Float64Array, Float64Array] | null): LatentCoords {
  const n = s.scores.length;
  const r = s.repDim;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  if (r === 2) {
    for (let i = 0; i < n; i++) {
      x[i] = s.embedding[2 * i]! - s.center[0]!;
      y[i] = s.embedding[2 * i + 1]! - s.center[1]!;
    }
    return { x, y, axes: null, truePlane: true };
  }
  let u1: Float64Array;
  let u2: Float64Array;
  if (r === 1) {
    u1 = Float64Array.of(1);
    u2 = Float64Array.of(0);
  } else {
    const { vectors } = symEig(covariance(s.embedding, n, r, s.center), r);
    u1 = vectors[0]!;
    u2 = vectors[1]!;
    if (prevAxes && prevAxes[0].length === r) {
      if (dot(u1, prevAxes[0]) < 0) u1 = u1.map((v) => -v);
      if (dot(u2, prevAxes[1]) < 0) u2 = u2.map((v) => -v);
    } else {
      u1 = canonicalSign(u1);
      u2 = canonicalSign(u2);
    }
  }
  const v = new Float64Array(r);
  for (let i = 0; i < n; i++) {
    let norm2 = 0;
    for (let j = 0; j < r; j++) {
      v[j] = s.embedding[i * r + j]! - s.center[j]!;
      norm2 += v[j]! * v[j]!;
    }
    const a = dot(v, u1);
    const b = dot(v, u2);
    const rad = Math.sqrt(norm2);
    const h = Math.hypot(a, b);
    // a point orthogonal to both directions keeps its radius, drawn at angle 0
    x[i] = h > 0 ? (rad * a) / h : rad;
    y[i] = h > 0 ? (rad * b) / h : 0;
  }
  return { x, y, axes: [u1, u2], truePlane: false };
}

/** Coordinates fitted to the bulk: points beyond `limit` are pinned to it (same angle) and listed in `far`. */
export interface FittedCoords {
  x: Float64Array;
  y: Float64Array;
  truePlane: boolean;
  /** half-width of the square view */
  limit: number;
  /** pool indices drawn on the edge instead of at their true distance */
  far: number[];
}

/** The quantile of the radii that sets the view; the rest (a few far points) would squash the bulk into a corner. */
export const BULK_QUANTILE = 0.98;

/**
 * The latent view's range: the 98% quantile of the distances to c with a margin, never smaller than R or the
 * ABS circle (so c and R stay visible); farther points are pinned to the edge and marked.
 */
export function fitLatent(c: { x: ArrayLike<number>; y: ArrayLike<number>; truePlane: boolean }, s: Pick<StageSnapshot, 'radius' | 'absBoundary'>): FittedCoords {
  const n = c.x.length;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = Math.hypot(c.x[i]!, c.y[i]!);
  const sorted = Float64Array.from(r).sort();
  const bulk = n ? sorted[Math.min(n - 1, Math.floor(BULK_QUANTILE * (n - 1)))]! * 1.15 : 0;
  const circles = Math.max(s.radius, s.absBoundary && s.absBoundary > 0 ? Math.sqrt(s.absBoundary) : 0) * 1.08;
  const max = n ? sorted[n - 1]! * 1.05 : 0;
  const limit = Math.max(Math.min(bulk, max), circles) || 1;
  const edge = limit * 0.97;
  const x = Float64Array.from(c.x);
  const y = Float64Array.from(c.y);
  const far: number[] = [];
  for (let i = 0; i < n; i++) {
    if (r[i]! <= edge) continue;
    far.push(i);
    x[i] = (x[i]! * edge) / r[i]!;
    y[i] = (y[i]! * edge) / r[i]!;
  }
  return { x, y, truePlane: c.truePlane, limit, far };
}

/** The plane and its directions in one call (the lab worker, the plane worker and the page's fallback share it). */
export function placePlane(s: LatentInput & Pick<StageSnapshot, 'radius' | 'absBoundary'>, prevAxes: [Float64Array, Float64Array] | null): { fitted: FittedCoords; axes: [Float64Array, Float64Array] | null } {
  const raw = latentCoords(s, prevAxes);
  return { fitted: fitLatent(raw, s), axes: raw.axes };
}
