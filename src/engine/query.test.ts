import { describe, expect, it } from 'vitest';
import type { Mode, Query } from '../core/types';
import { Rng } from '../core/rng';
import { selectQueries, type AbsState, type QueryArgs } from './query';
import { nextQp, pySlice } from './abs';

function args(over: Partial<QueryArgs> & { scores: ArrayLike<number> }): QueryArgs {
  return {
    strategy: 'mlp' as Query,
    labelKnown: new Uint8Array(over.scores.length),
    k: 2,
    radius: 0,
    mode: 'reference' as Mode,
    rng: new Rng(1),
    abs: { qps: [] },
    lastLabels: [],
    round: 0,
    ...over,
  };
}

const known = (n: number, idx: number[]): Uint8Array => {
  const a = new Uint8Array(n);
  for (const i of idx) a[i] = 1;
  return a;
};

describe('mlp', () => {
  it('takes the k highest scores among unlabelled samples', () => {
    const scores = [0.5, 0.9, 0.1, 0.7, 0.3, 0.8, 0.2, 0.6, 0.4, 1.0];
    const r = selectQueries(args({ strategy: 'mlp', scores, labelKnown: known(10, [9]), k: 3 }));
    expect(r).toEqual({ indices: [1, 5, 3], qp: null, boundaryScore: null });
  });

  it('breaks ties by the lower index', () => {
    expect(selectQueries(args({ strategy: 'mlp', scores: [1, 2, 2, 0, 2], k: 2 })).indices).toEqual([1, 2]);
  });
});

describe('db', () => {
  const scores = [0.25, 1.5, 1, 4, 0.81, 2.25];
  it('reference ranks by |D - R| (B6)', () => {
    // |D - 2| = 1.75, 0.5, 1, 2, 1.19, 0.25
    expect(selectQueries(args({ strategy: 'db', scores, radius: 2, k: 2 })).indices).toEqual([5, 1]);
  });
  it('improved ranks by |sqrt(D) - R|', () => {
    // |sqrt(D) - 2| = 1.5, 0.78, 1, 0, 1.1, 0.5
    expect(selectQueries(args({ strategy: 'db', scores, radius: 2, k: 2, mode: 'improved' })).indices).toEqual([3, 5]);
    const lab = known(6, [3]);
    expect(selectQueries(args({ strategy: 'db', scores, radius: 2, k: 2, mode: 'improved', labelKnown: lab })).indices).toEqual([5, 1]);
  });
  it('needs a finite radius', () => {
    expect(() => selectQueries(args({ strategy: 'db', scores, radius: NaN }))).toThrow(/radius R must be a finite number/);
  });
});

describe('random', () => {
  const scores = [0, 0, 0, 0, 0, 0];
  const lab = known(6, [0, 2]);
  const cand = [1, 3, 4, 5];
  it('reference draws with replacement (B1), k even beyond the candidates', () => {
    const r = selectQueries(args({ strategy: 'random', scores, labelKnown: lab, k: 6, rng: new Rng(4) }));
    expect(r.indices).toEqual(new Rng(4).choice(cand, 6, true));
    expect(r.indices).toHaveLength(6);
    for (const i of r.indices) expect(cand).toContain(i);
  });
  it('improved draws min(k, |cand|) distinct candidates', () => {
    const r = selectQueries(args({ strategy: 'random', scores, labelKnown: lab, k: 6, mode: 'improved', rng: new Rng(4) }));
    expect([...r.indices].sort()).toEqual(cand);
    const r2 = selectQueries(args({ strategy: 'random', scores, labelKnown: lab, k: 2, mode: 'improved', rng: new Rng(4) }));
    expect(r2.indices).toEqual(new Rng(4).choice(cand, 2, false));
    expect(new Set(r2.indices).size).toBe(2);
  });
  it('returns nothing when everything is labelled', () => {
    expect(selectQueries(args({ strategy: 'random', scores, labelKnown: known(6, [0, 1, 2, 3, 4, 5]) })).indices).toEqual([]);
  });
});

describe('no', () => {
  it('queries nothing in both modes (B5 fixed)', () => {
    for (const mode of ['reference', 'improved'] as Mode[]) {
      expect(selectQueries(args({ strategy: 'no', scores: [1, 2, 3], mode }))).toEqual({ indices: [], qp: null, boundaryScore: null });
    }
  });
});

describe('abs', () => {
  // scores[i] = 19 - i, so ascending score order is indices 19, 18, ..., 0
  const n = 20;
  const scores = Array.from({ length: n }, (_, i) => 19 - i);

  it('round 0 takes ranks [floor(0.8 n), +k) of all samples', () => {
    const abs: AbsState = { qps: [0.3, 0.4] };
    const r = selectQueries(args({ strategy: 'abs', scores, k: 2, abs }));
    // ranks 16 and 17 are indices 3 and 2 (scores 16 and 17)
    expect(r).toEqual({ indices: [3, 2], qp: 0.8, boundaryScore: 16 });
    expect(abs.qps).toEqual([0.8]); // reset at round 0
  });

  it('follows the qp sequence 0.8, 1, 0.9, 1, 0.95, 0.95 (p = 1 -> qp 1, then the midpoint rule)', () => {
    const abs: AbsState = { qps: [] };
    const labelKnown = new Uint8Array(n);
    const answers: number[][] = [[], [0, 0], [1, 1] /* ignored after qp = 1 */, [0, 0], [0, 1] /* ignored */, [0, 1]];
    const picked: number[][] = [];
    for (let round = 0; round < 6; round++) {
      const r = selectQueries(args({ strategy: 'abs', scores, k: 2, abs, labelKnown, lastLabels: answers[round], round }));
      expect(r.qp).toBe(abs.qps[round]);
      picked.push(r.indices);
      for (const i of r.indices) labelKnown[i] = 1;
    }
    expect(abs.qps).toEqual([0.8, 1, 0.9, 1, 0.95, 0.95]);
    // round 1, qp = 1: start 20 + 2 > 18 candidates -> the last k (highest unlabelled scores)
    expect(picked[0]).toEqual([3, 2]);
    expect(picked[1]).toEqual([1, 0]);
    // round 2, qp 0.9: start int(18) + 2 > 16 candidates -> last 2 of the unlabelled: indices 5, 4
    expect(picked[2]).toEqual([5, 4]);
  });

  it('uses the slice at start = int(n qp) of the candidates when it fits (B9)', () => {
    // qp 0.5 -> p = 1/2 keeps 0.5; start = int(20 * 0.5) = 10 over the 18 candidates (2 labelled)
    const abs: AbsState = { qps: [0.5] };
    const labelKnown = known(n, [0, 1]);
    const r = selectQueries(args({ strategy: 'abs', scores, k: 2, abs, labelKnown, lastLabels: [0, 1], round: 1 }));
    // candidates ascending: indices 19..2; positions 10, 11 are indices 9, 8
    expect(r).toEqual({ indices: [9, 8], qp: 0.5, boundaryScore: 10 });
  });

  it('reference: a negative start counts from the end, and can give an empty slice (B8)', () => {
    const labelKnown = known(n, [0, 1]);
    // qp 0.3, all anomalies -> qp = 2 * 0.3 - 1 = -0.4, start int(-8): slice [-8:-6] of 18 -> positions 10, 11
    const a1: AbsState = { qps: [0.3] };
    const r1 = selectQueries(args({ strategy: 'abs', scores, k: 2, abs: a1, labelKnown, lastLabels: [1, 1], round: 1 }));
    expect(r1.qp).toBeCloseTo(-0.4, 15);
    expect(r1.indices).toEqual([9, 8]);
    // qp 0.45 -> -0.1; int(20 * -0.1) = -1: slice [-1:1] is empty
    const a2: AbsState = { qps: [0.45] };
    const r2 = selectQueries(args({ strategy: 'abs', scores, k: 2, abs: a2, labelKnown, lastLabels: [1, 1], round: 1 }));
    expect(r2).toEqual({ indices: [], qp: 2 * 0.45 - 1, boundaryScore: null });
  });

  it('improved clamps qp into [0, 1] and the start into [0, |cand| - k]', () => {
    const labelKnown = known(n, [0, 1]);
    const a1: AbsState = { qps: [0.45] };
    const r1 = selectQueries(args({ strategy: 'abs', scores, k: 2, abs: a1, labelKnown, lastLabels: [1, 1], round: 1, mode: 'improved' }));
    expect(r1).toEqual({ indices: [19, 18], qp: 0, boundaryScore: 0 });
    const a2: AbsState = { qps: [0.8] };
    const r2 = selectQueries(args({ strategy: 'abs', scores, k: 2, abs: a2, labelKnown, lastLabels: [0, 0], round: 1, mode: 'improved' }));
    expect(r2).toEqual({ indices: [3, 2], qp: 1, boundaryScore: 16 });
  });

  it('keeps qp when the previous round queried nothing, and needs round 0 first', () => {
    expect(nextQp([0.8, 0.6], [], 'reference')).toBe(0.6);
    expect(() => selectQueries(args({ strategy: 'abs', scores, round: 1, lastLabels: [0] }))).toThrow(/round 0 must run before/);
  });
});

describe('pySlice', () => {
  it('follows Python slicing', () => {
    const a = [0, 1, 2, 3, 4];
    expect(pySlice(a, 1, 3)).toEqual([1, 2]);
    expect(pySlice(a, -2, 10)).toEqual([3, 4]);
    expect(pySlice(a, -1, 1)).toEqual([]);
    expect(pySlice(a, -9, 2)).toEqual([0, 1]);
    expect(pySlice(a, 4, 9)).toEqual([4]);
  });
});

describe('selectQueries input checks', () => {
  it('rejects mismatched lengths and non-finite scores', () => {
    expect(() => selectQueries(args({ scores: [1, 2], labelKnown: new Uint8Array(3) }))).toThrow(/2 scores but 3 label flags/);
    expect(() => selectQueries(args({ scores: [1, Infinity] }))).toThrow(/score of row 1 is not a finite number/);
  });
});
