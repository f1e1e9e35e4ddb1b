import { describe, expect, it } from 'vitest';
import { argsortStable, auroc, averagePrecision, meanStd, median, quantile, partialAuroc } from './metrics';

describe('auroc', () => {
  it('uses mid-ranks for ties', () => {
    // ranks 1, 2.5, 2.5, 4; positives 2.5 + 4 = 6.5; (6.5 - 3) / (2 * 2) = 0.875
    expect(auroc([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1])).toBe(0.875);
    expect(auroc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  it('gives 1 for a perfect and 0 for a reversed ranking', () => {
    expect(auroc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auroc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    // positive at rank 2 of 3 against 2 negatives: (2 - 1) / (1 * 2) = 0.5
    expect(auroc(Float32Array.from([0.3, 0.2, 0.1]), Uint8Array.from([0, 1, 0]))).toBe(0.5);
  });

  it('is null when a class is absent', () => {
    expect(auroc([0.1, 0.2], [0, 0])).toBeNull();
    expect(auroc([0.1, 0.2], [1, 1])).toBeNull();
  });

  it('rejects mismatched lengths, bad labels and NaN', () => {
    expect(() => auroc([1, 2], [0])).toThrow(/2 scores but 1 labels/);
    expect(() => auroc([1, 2], [0, 2])).toThrow(/expected 0 or 1/);
    expect(() => auroc([1, NaN], [0, 1])).toThrow(/not a finite number/);
  });
});

describe('averagePrecision', () => {
  it('treats tied scores as one threshold', () => {
    // thresholds 0.8: P 1, R 1/2; 0.4: P 2/3, R 1; 0.1: R unchanged -> 1/2 + 1/2 * 2/3 = 5/6
    expect(averagePrecision([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1])).toBeCloseTo(5 / 6, 14);
    // 0.5 (three tied): P 1/3, R 1/2; 0.2: P 2/4, R 1 -> 1/6 + 1/4 = 5/12
    expect(averagePrecision([0.5, 0.5, 0.5, 0.2], [1, 0, 0, 1])).toBeCloseTo(5 / 12, 14);
  });

  it('matches a hand calculation without ties', () => {
    // positives at ranks 2, 3, 5 of 5: (1/3)(1/2 + 2/3 + 3/5) = 53/90
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6, 0.5], [0, 1, 1, 0, 1])).toBeCloseTo(53 / 90, 14);
  });

  it('is 1 for all-positive data and null without positives', () => {
    expect(averagePrecision([0.3, 0.1], [1, 1])).toBe(1);
    expect(averagePrecision([0.3, 0.1], [0, 0])).toBeNull();
  });
});

describe('quantile / median / meanStd', () => {
  it('follows NumPy linear interpolation', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([4, 1, 3, 2], 0)).toBe(1);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
    // np.quantile values, bit for bit (NumPy computes from the upper side when the fraction >= 0.5)
    expect(quantile([3, 1, 2, 10], 0.9)).toBe(7.900000000000001);
    expect(quantile([0.1, 0.7, 0.3], 0.3)).toBe(0.21999999999999997);
  });

  it('does not mutate its input', () => {
    const v = [3, 1, 2];
    quantile(v, 0.5);
    median(v);
    expect(v).toEqual([3, 1, 2]);
  });

  it('computes the median like np.median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('rejects empty input and q outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(/empty input/);
    expect(() => quantile([1], 1.5)).toThrow(/q must be in \[0, 1\]/);
    expect(() => median([])).toThrow(/empty input/);
    expect(() => meanStd([])).toThrow(/empty input/);
  });

  it('uses the population std', () => {
    const r = meanStd([1, 2, 3, 4]);
    expect(r.mean).toBe(2.5);
    expect(r.std).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(meanStd([5]).std).toBe(0);
  });
});

describe('argsortStable', () => {
  it('breaks ties by ascending index in both directions', () => {
    expect(Array.from(argsortStable([3, 1, 3, 2, 1]))).toEqual([1, 4, 3, 0, 2]);
    expect(Array.from(argsortStable([3, 1, 3, 2, 1], true))).toEqual([0, 2, 3, 1, 4]);
    expect(argsortStable([]).length).toBe(0);
  });
});

describe('partialAuroc (FPR <= 0.05, McClish-standardised)', () => {
  // A_min = 0.05^2 / 2 = 0.00125, A_max = 0.05; value = 0.5 (1 + (A - A_min) / (A_max - A_min))
  it('20 negatives: ROC (0, 0.5) then (0.05, 0.5) then (0.05, 1): A = 0.025 -> 0.74359', () => {
    const scores = [10, 9, 8, ...Array.from({ length: 19 }, (_, i) => i / 10)];
    const labels = [1, 0, 1, ...new Array(19).fill(0)];
    expect(partialAuroc(scores, labels)).toBeCloseTo(0.5 * (1 + (0.025 - 0.00125) / 0.04875), 12);
    expect(partialAuroc(scores, labels)).toBeCloseTo(0.743590, 6);
  });
  it('10 negatives: the cut at 0.05 falls inside the first step and is interpolated', () => {
    // points (0, 0), (0, 0.5), (0.1, 0.5), (0.1, 1): tpr 0.5 at fpr 0.05, A = 0.025 -> 0.74359
    const scores = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1];
    const labels = [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(partialAuroc(scores, labels)).toBeCloseTo(0.743590, 6);
  });
  it('a positive tied with a negative at the top: the diagonal (0, 0) -> (0.1, 0.5), A = 0.00625 -> 0.551282', () => {
    const scores = [10, 10, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1];
    const labels = [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(partialAuroc(scores, labels)).toBeCloseTo(0.551282, 6);
  });
  it('perfect ranking gives 1, all scores tied give chance (0.5), one class gives null', () => {
    expect(partialAuroc([3, 2, 1, 0], [1, 1, 0, 0])).toBeCloseTo(1, 12);
    expect(partialAuroc([1, 1, 1, 1], [1, 0, 0, 0])).toBeCloseTo(0.5, 12);
    expect(partialAuroc([1, 2], [0, 0])).toBeNull();
    expect(() => partialAuroc([1, 2], [0, 1], 0)).toThrow(/maxFpr/);
  });
});
