import { describe, expect, it } from 'vitest';
import { canonicalSign, covariance, symEig } from './linalg';

describe('symEig', () => {
  it('decomposes [[2,1],[1,2]] into 3 along (1,1) and 1 along (1,-1)', () => {
    const { values, vectors } = symEig([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    const v0 = canonicalSign(vectors[0]!);
    expect(v0[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(v0[1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(Math.abs(vectors[1]![0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[1]![0]! * vectors[1]![1]!).toBeCloseTo(-0.5, 12);
  });
  it('sorts a diagonal matrix descending', () => {
    const { values, vectors } = symEig([1, 0, 0, 0, 5, 0, 0, 0, 3], 3);
    expect(values).toEqual([5, 3, 1]);
    expect(Array.from(canonicalSign(vectors[0]!))).toEqual([0, 1, 0]);
  });
});

describe('covariance', () => {
  it('is the centred second moment over n', () => {
    // rows (0,0), (2,0), (0,2), (2,2) minus shift (1,1): variance 1 on each axis, no covariance
    const c = covariance([0, 0, 2, 0, 0, 2, 2, 2], 4, 2, [1, 1]);
    expect(Array.from(c)).toEqual([1, 0, 0, 1]);
  });
});
