// Strategies beyond the paper on fixed scores and embeddings, every expected index worked out by hand.
import { describe, expect, it } from 'vitest';
import { boundaryRadius, densityQuery, diverseQuery, marginQuery } from './boundary';
import { selectQueries } from './query';
import { Rng } from '../core/rng';

// distances sqrt(D) = 0.5, 1, 1.5, 2, 0, 1.2
const D = [0.25, 1.0, 2.25, 4.0, 0.0, 1.44];
const all = [0, 1, 2, 3, 4, 5];

describe('minimum margin to R', () => {
  it('takes the samples closest to sqrt(D) = R, in distance units', () => {
    // R = 1.05: margins 0.55, 0.05, 0.45, 0.95, 1.05, 0.15 -> 1, 5, 2
    expect(marginQuery(D, all, 3, 1.05)).toEqual([1, 5, 2]);
  });
  it('without a learned radius, the boundary is the 90% quantile of the distances (ties to the lower index)', () => {
    // sorted 0, 0.5, 1, 1.2, 1.5, 2: position 5 * 0.9 = 4.5 -> (1.5 + 2) / 2 = 1.75
    expect(boundaryRadius(D, 0)).toBe(1.75);
    // margins 1.25, 0.75, 0.25, 0.25, 1.75, 0.55: rows 2 and 3 tie at 0.25
    expect(marginQuery(D, all, 3, 0)).toEqual([2, 3, 5]);
    // labelled rows are not candidates
    expect(marginQuery(D, [0, 1, 3, 4, 5], 3, 0)).toEqual([3, 5, 1]);
  });
  it('is what selectQueries returns, draws nothing from the seed and skips labelled rows', () => {
    const rng = new Rng(3);
    const known = new Uint8Array([0, 1, 0, 0, 0, 0]);
    const args = { strategy: 'margin' as const, scores: D, labelKnown: known, k: 2, radius: 1.05, mode: 'reference' as const, rng, abs: { qps: [] }, lastLabels: [], round: 0 };
    expect(selectQueries(args).indices).toEqual([5, 2]);
    expect(rng.next()).toBe(new Rng(3).next());
  });
});

describe('batch-diverse boundary (k-center greedy in latent space)', () => {
  // 2-D embedding; margin order at R = 1.05 is 1, 5, 2, 0, 3, 4
  const emb = new Float32Array([0, 0, 0.1, 0, 0.3, 0, 0, 3, 0.2, 0.1, 10, 10]);
  it('starts at the most uncertain sample, then takes the farthest from those picked', () => {
    // after 1 at (0.1, 0): squared distances 5: 198.01, 2: 0.04, 0: 0.01, 3: 9.01, 4: 0.02 -> 5
    // nearest pick after 1 and 5: 2: 0.04, 0: 0.01, 3: 9.01, 4: 0.02 -> 3 (margin order would take 2)
    expect(diverseQuery(D, all, 3, 1.05, emb, 2)).toEqual([1, 5, 3]);
    expect(marginQuery(D, all, 3, 1.05)).toEqual([1, 5, 2]);
  });
  it('with k = 1 it is the margin query; k larger than the candidates takes them all', () => {
    expect(diverseQuery(D, all, 1, 1.05, emb, 2)).toEqual([1]);
    expect(diverseQuery(D, [1, 2], 5, 1.05, emb, 2)).toEqual([1, 2]);
  });
  it('needs the embedding', () => {
    expect(() => diverseQuery(D, all, 2, 1.05, undefined, 2)).toThrow(/needs the latent embedding/);
    expect(() => diverseQuery(D, all, 2, 1.05, new Float32Array(5), 2)).toThrow(/6 x 2/);
  });
});

describe('density-weighted boundary', () => {
  it('weighs the margin by the density of the latent neighbourhood', () => {
    // 1-D embedding 0, 1, 2, 10; R = 1; distances 1, 1.1, 0.8, 1 -> margins 0, 0.1, 0.2, 0
    // mean distance to the 3 others: 13/3, 11/3, 11/3, 9
    // value 1 / ((1 + m)(1 + dbar)): 0.1875, 0.19481, 0.17857, 0.1 -> 1, 0, 2, 3
    const d = [1, 1.21, 0.64, 1];
    const e = new Float32Array([0, 1, 2, 10]);
    expect(densityQuery(d, [0, 1, 2, 3], 2, 1, e, 1)).toEqual([1, 0]);
    expect(densityQuery(d, [0, 1, 2, 3], 4, 1, e, 1)).toEqual([1, 0, 2, 3]);
    // the margin alone would ask the isolated row 3 second
    expect(marginQuery(d, [0, 1, 2, 3], 2, 1)).toEqual([0, 3]);
  });
});
