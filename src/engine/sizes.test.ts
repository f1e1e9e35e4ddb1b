import { describe, expect, it } from 'vitest';
import { budget, paperKey, paperSizes } from './sizes';

describe('paperSizes', () => {
  it.each([
    ['ionosphere', 351, 33, [32, 16], 8, 128, 6],
    ['arrhythmia', 452, 274, [128, 64], 32, 128, 6],
    ['cardio', 1831, 21, [32, 16], 8, 128, 18],
    ['mnist_tab', 7603, 100, [64, 32], 16, 128, 76],
    ['glass', 214, 9, [32, 16], 8, 128, 6],
    ['optdigits', 5216, 64, [32, 16], 8, 128, 52],
    ['nslkdd', 125973, 41, [32, 16], 8, 1024, 1259],
  ])('%s: the paper table', (name, n, d, hDims, repDim, batchSize, k) => {
    expect(paperSizes(name, n, d)).toEqual({ hDims, repDim, batchSize, k });
  });

  it('matches names case-insensitively, without folder or suffix, with mnist as an alias', () => {
    expect(paperKey('Cardio.CSV')).toBe('cardio');
    expect(paperKey('data/glass.mat')).toBe('glass');
    expect(paperKey('mnist.csv.gz')).toBe('mnist_tab');
    expect(paperKey('blobs')).toBeNull();
    expect(paperSizes('MNIST.mat', 7603, 100)).toEqual({ hDims: [64, 32], repDim: 16, batchSize: 128, k: 76 });
  });

  it('uses the documented rule for other data', () => {
    expect(paperSizes('moons', 500, 2)).toEqual({ hDims: [16, 8], repDim: 2, batchSize: 128, k: 6 });
    expect(paperSizes('x', 3000, 20)).toEqual({ hDims: [32, 16], repDim: 8, batchSize: 128, k: 30 });
    expect(paperSizes('x', 3000, 64)).toEqual({ hDims: [32, 16], repDim: 8, batchSize: 128, k: 30 });
    expect(paperSizes('x', 999, 100)).toEqual({ hDims: [64, 32], repDim: 16, batchSize: 128, k: 6 });
    expect(paperSizes('x', 60000, 300)).toEqual({ hDims: [128, 64], repDim: 32, batchSize: 1024, k: 600 });
    // tiny data: k and the batch never exceed n
    expect(paperSizes('x', 4, 2)).toEqual({ hDims: [16, 8], repDim: 2, batchSize: 4, k: 4 });
  });

  it('rejects empty data', () => {
    expect(() => paperSizes('x', 0, 2)).toThrow(/at least one row/);
    expect(() => paperSizes('x', 10, 0)).toThrow(/at least one feature/);
  });
});

describe('budget', () => {
  it('lists the labels known at each stage, capped at n', () => {
    expect(budget(paperSizes('ionosphere', 351, 33), 5, 351)).toEqual([0, 6, 12, 18, 24, 30]);
    expect(budget({ hDims: [], repDim: 2, batchSize: 4, k: 6 }, 3, 10)).toEqual([0, 6, 10, 10]);
    expect(budget({ hDims: [], repDim: 2, batchSize: 4, k: 6 }, 0, 10)).toEqual([0]);
    expect(() => budget({ hDims: [], repDim: 2, batchSize: 4, k: 6 }, -1, 10)).toThrow(/rounds must be/);
  });
});
