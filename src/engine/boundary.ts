// Query strategies beyond the paper: boundary queries by margin, batch diversity (k-center greedy) and density.
// None draws random numbers: the same scores and embedding give the same queries in both modes.
import { argsortStable, quantile } from './metrics';

/** Share of the pool assumed outside the boundary where the loss learns no radius (Deep SVDD's nu). */
export const BOUNDARY_NU = 0.1;
/** Shortlist sizes, in multiples of k: the most uncertain candidates the batch strategies choose from. */
export const DIVERSE_POOL = 5;
export const DENSITY_POOL = 10;
/** Nearest neighbours (latent space) averaged for the density term. */
export const DENSITY_NEIGHBOURS = 10;

/**
 * The boundary radius in distance units: R where the loss learns one (R > 0), otherwise the (1 - nu)
 * quantile of the distances sqrt(D) over the pool.
 */
export function boundaryRadius(scores: ArrayLike<number>, radius: number): number {
  if (radius > 0) return radius;
  const dist = Float64Array.from(scores as ArrayLike<number>, (s) => Math.sqrt(Math.max(0, s)));
  return quantile(dist, 1 - BOUNDARY_NU);
}

/** |sqrt(D_i) - R*| for every row. */
export function margins(scores: ArrayLike<number>, rStar: number): Float64Array {
  return Float64Array.from(scores as ArrayLike<number>, (s) => Math.abs(Math.sqrt(Math.max(0, s)) - rStar));
}

/** Candidates (ascending indices) ordered by margin, smallest first, ties by lower index. */
export function byMargin(cand: number[], m: Float64Array): number[] {
  const order = argsortStable(cand.map((i) => m[i]!));
  return Array.from(order, (j) => cand[j]!);
}

function dist2(emb: ArrayLike<number>, dim: number, a: number, b: number): number {
  let s = 0;
  for (let t = 0; t < dim; t++) {
    const d = emb[a * dim + t]! - emb[b * dim + t]!;
    s += d * d;
  }
  return s;
}

function checkEmbedding(what: string, emb: ArrayLike<number> | undefined, dim: number | undefined, n: number): asserts emb is ArrayLike<number> {
  if (!emb || !dim || emb.length !== n * dim) {
    throw new Error(`query ${what}: needs the latent embedding (n x repDim = ${n} x ${dim ?? '?'}), got ${emb ? emb.length : 'none'} values`);
  }
}

/** Minimum margin: the k unlabelled samples closest to the boundary sqrt(D) = R*. */
export function marginQuery(scores: ArrayLike<number>, cand: number[], k: number, radius: number): number[] {
  const m = margins(scores, boundaryRadius(scores, radius));
  return byMargin(cand, m).slice(0, k);
}

/**
 * Batch-diverse boundary query: among the DIVERSE_POOL * k smallest-margin candidates, k-center greedy in
 * latent space. The first pick is the most uncertain; each next one is the farthest (by its distance to the
 * nearest pick so far) from those already picked, ties to the more uncertain.
 */
export function diverseQuery(scores: ArrayLike<number>, cand: number[], k: number, radius: number, emb: ArrayLike<number> | undefined, dim: number | undefined): number[] {
  checkEmbedding('diverse', emb, dim, scores.length);
  const short = byMargin(cand, margins(scores, boundaryRadius(scores, radius))).slice(0, DIVERSE_POOL * k);
  const out: number[] = [];
  if (short.length === 0 || k === 0) return out;
  const near = new Float64Array(short.length).fill(Infinity);
  const taken = new Uint8Array(short.length);
  let pick = 0;
  while (out.length < Math.min(k, short.length)) {
    taken[pick] = 1;
    out.push(short[pick]!);
    let best = -1;
    for (let j = 0; j < short.length; j++) {
      if (taken[j]) continue;
      near[j] = Math.min(near[j]!, dist2(emb, dim!, short[j]!, short[pick]!));
      if (best < 0 || near[j]! > near[best]!) best = j;
    }
    if (best < 0) break;
    pick = best;
  }
  return out;
}

/**
 * Density-weighted boundary query (information density, Settles and Craven 2008): among the DENSITY_POOL * k
 * smallest-margin candidates, the k with the largest 1 / ((1 + m/R*) (1 + dbar/R*)), where m is the margin and
 * dbar the mean latent distance to the DENSITY_NEIGHBOURS nearest other samples of the pool.
 */
export function densityQuery(scores: ArrayLike<number>, cand: number[], k: number, radius: number, emb: ArrayLike<number> | undefined, dim: number | undefined): number[] {
  checkEmbedding('density', emb, dim, scores.length);
  const n = scores.length;
  const rStar = boundaryRadius(scores, radius);
  const s = rStar > 0 ? rStar : 1;
  const m = margins(scores, rStar);
  const short = byMargin(cand, m).slice(0, DENSITY_POOL * k);
  const kn = Math.min(DENSITY_NEIGHBOURS, n - 1);
  const value = short.map((i) => {
    if (kn <= 0) return 1 / (1 + m[i]! / s);
    const d = new Float64Array(n - 1);
    for (let j = 0, t = 0; j < n; j++) if (j !== i) d[t++] = Math.sqrt(dist2(emb, dim!, i, j));
    d.sort();
    let sum = 0;
    for (let t = 0; t < kn; t++) sum += d[t]!;
    return 1 / ((1 + m[i]! / s) * (1 + sum / kn / s));
  });
  const order = argsortStable(value, true);
  return Array.from(order.slice(0, k), (j) => short[j]!);
}
