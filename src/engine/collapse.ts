// Collapse guard: a network whose scores are (nearly) all equal still gets an AUROC, so every stage says how spread they are.

export interface CollapseStats {
  /** distinct score values */
  distinct: number;
  /** population standard deviation and range (max - min) of the scores D */
  std: number;
  range: number;
  /** share of points with ||phi(x) - c|| <= NEAR_C * (1 + ||c||) */
  nearC: number;
  collapsed: boolean;
}

/** "Within a small distance of c": relative to the centre's norm, so the scale of the latent space does not matter. */
export const NEAR_C = 1e-3;
/** Collapsed: at most this share of distinct scores, or this share of points at c, or a relative spread below MIN_SPREAD. */
export const MAX_DISTINCT_SHARE = 0.01;
export const MAX_NEAR_SHARE = 0.9;
export const MIN_SPREAD = 1e-6;

export function collapseStats(scores: ArrayLike<number>, center: ArrayLike<number>): CollapseStats {
  const n = scores.length;
  if (n === 0) throw new Error('collapseStats: no scores');
  let cNorm = 0;
  for (let i = 0; i < center.length; i++) cNorm += center[i]! * center[i]!;
  const near = NEAR_C * (1 + Math.sqrt(cNorm));
  const seen = new Set<number>();
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let nearCount = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (!Number.isFinite(s)) throw new Error(`collapseStats: score of row ${i} is not a finite number (${s})`);
    seen.add(s);
    sum += s;
    if (s < min) min = s;
    if (s > max) max = s;
    if (Math.sqrt(Math.max(0, s)) <= near) nearCount++;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (scores[i]! - mean) ** 2;
  const std = Math.sqrt(ss / n);
  const distinct = seen.size;
  const nearC = nearCount / n;
  const flat = std <= MIN_SPREAD * Math.max(Math.abs(mean), 1e-12);
  const collapsed = distinct <= Math.max(1, Math.floor(MAX_DISTINCT_SHARE * n)) || nearC >= MAX_NEAR_SHARE || flat;
  return { distinct, std, range: max - min, nearC, collapsed };
}
