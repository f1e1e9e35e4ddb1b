// The paired Wilcoxon test against values worked out by hand (exact distribution for n = 5, normal approximation with ties).
import { describe, expect, it } from 'vitest';
import { formatP, pairedTest } from './paired';

const zeros = (n: number) => new Array(n).fill(0);

describe('paired Wilcoxon signed-rank test', () => {
  it('all five differences positive: W+ = 15, exact p = 2 / 2^5 = 0.0625', () => {
    const r = pairedTest([1, 2, 3, 4, 5], zeros(5));
    expect(r).toMatchObject({ n: 5, wins: 5, losses: 0, ties: 0, winRate: 1, medianDiff: 3, statistic: 15 });
    expect(r.pValue).toBeCloseTo(0.0625, 12);
  });
  it('one negative: W+ = 1 + 3 + 4 + 5 = 13; P(W+ >= 13) = 3 of 32 subsets, two-sided 0.1875', () => {
    const r = pairedTest([1, -2, 3, 4, 5], zeros(5));
    expect(r.statistic).toBe(13);
    expect(r.pValue).toBeCloseTo(0.1875, 12);
  });
  it('W+ at the centre of its distribution: p is 1, not twice a tail above one half', () => {
    // n = 4, W+ = 1 + 4 = 5 = n(n+1)/4: P(W+ >= 5) = P(W+ <= 5) = 10 of 16 subsets, so a doubled tail passes 1 and p = 1
    const r = pairedTest([1, -2, -3, 4], zeros(4));
    expect(r.statistic).toBe(5);
    expect(r.pValue).toBe(1);
  });
  it('tied ranks: normal approximation with tie and continuity corrections', () => {
    // ranks 1.5, 1.5, 3: W+ = 6, mean 3, var 3.5 - (2^3 - 2) / 48 = 3.375, z = 2.5 / sqrt(3.375) = 1.36083, p = 0.173568
    const r = pairedTest([1, 1, 2], zeros(3));
    expect(r.statistic).toBe(6);
    expect(r.pValue).toBeCloseTo(0.173568, 5);
  });
  it('a zero difference is a tie: dropped from the test, half a win in the win rate', () => {
    // W+ = 13 of n = 5 after the zero; normal approximation: z = (13 - 7.5 - 0.5) / sqrt(13.75) = 1.34840, p = 0.177530
    const r = pairedTest([1, -2, 3, 4, 5, 0], zeros(6));
    expect(r).toMatchObject({ n: 6, wins: 4, losses: 1, ties: 1, winRate: 0.75, medianDiff: 2, statistic: 13 });
    expect(r.pValue).toBeCloseTo(0.17753, 5);
  });
  it('fewer than two differing pairs: no p-value; mismatched pairs: a clear error', () => {
    expect(pairedTest([0.5, 0.5], [0.5, 0.5])).toMatchObject({ wins: 0, ties: 2, winRate: 0.5, pValue: null, statistic: null });
    expect(() => pairedTest([1, 2], [1])).toThrow(/must match/);
    expect(() => pairedTest([1, NaN], [1, 2])).toThrow(/pair 1/);
  });
  it('prints p-values with three decimals, or one significant digit below 0.001', () => {
    expect([formatP(0.0467), formatP(0.001), formatP(0.00031), formatP(null)]).toEqual(['0.047', '0.001', '3.1e-4', 'n/a']);
  });
});
