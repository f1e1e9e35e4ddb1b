// Network and protocol sizes (algorithm.md 3.1, 7.2, 2.5) plus a documented rule for other data.

import type { Sizes } from '../core/types';

interface PaperEntry { hDims: number[]; repDim: number; batchSize: number; fixedK?: number }

/** The paper's table 3.1 (+ 7.2 for k and 2.5 for the batch); k = floor(0.01 n) unless fixed (B16). */
const PAPER: Record<string, PaperEntry> = {
  arrhythmia: { hDims: [128, 64], repDim: 32, batchSize: 128, fixedK: 6 },
  cardio: { hDims: [32, 16], repDim: 8, batchSize: 128 },
  ionosphere: { hDims: [32, 16], repDim: 8, batchSize: 128, fixedK: 6 },
  mnist_tab: { hDims: [64, 32], repDim: 16, batchSize: 128 },
  glass: { hDims: [32, 16], repDim: 8, batchSize: 128, fixedK: 6 },
  optdigits: { hDims: [32, 16], repDim: 8, batchSize: 128 },
  nslkdd: { hDims: [32, 16], repDim: 8, batchSize: 1024 },
};

/** 'Cardio.CSV', 'data/mnist.mat' -> 'cardio', 'mnist_tab': lower case, no folder, nothing after the first dot. */
export function paperKey(name: string): string | null {
  const base = name.trim().toLowerCase().split(/[\\/]/).pop() ?? '';
  const stem = base.split('.')[0];
  const key = stem === 'mnist' ? 'mnist_tab' : stem;
  return key in PAPER ? key : null;
}

function checkND(n: number, d: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`sizes: the pool must have at least one row, got n = ${n}`);
  if (!Number.isSafeInteger(d) || d < 1) throw new Error(`sizes: the data must have at least one feature, got d = ${d}`);
}

/**
 * Sizes for a dataset of n rows and d features. Paper datasets use the paper's table. Any other data:
 *   d <= 3 -> [16, 8], rep 2 (2-D toy data keeps a true 2-D latent plane); d <= 64 -> [32, 16], 8;
 *   d <= 128 -> [64, 32], 16; else [128, 64], 32 (the paper's sizes for comparable widths);
 *   k = 6 when n < 1000 (as for the paper's small sets), else floor(0.01 n);
 *   batch = 1024 when n >= 50000 (as nslkdd), else 128.
 * For every data, k is kept in [1, n] and the batch at most n (drop_last would otherwise give zero batches).
 */
export function paperSizes(name: string, n: number, d: number): Sizes {
  checkND(n, d);
  const key = paperKey(name);
  let hDims: number[];
  let repDim: number;
  let batchSize: number;
  let k: number;
  if (key !== null) {
    const e = PAPER[key];
    hDims = e.hDims.slice();
    repDim = e.repDim;
    batchSize = e.batchSize;
    k = e.fixedK ?? Math.floor(0.01 * n); // same float product as the reference's int(0.01 * n_data)
  } else {
    if (d <= 3) [hDims, repDim] = [[16, 8], 2];
    else if (d <= 64) [hDims, repDim] = [[32, 16], 8];
    else if (d <= 128) [hDims, repDim] = [[64, 32], 16];
    else [hDims, repDim] = [[128, 64], 32];
    k = n < 1000 ? 6 : Math.floor(0.01 * n);
    batchSize = n >= 50000 ? 1024 : 128;
  }
  return { hDims, repDim, batchSize: Math.min(batchSize, n), k: Math.min(Math.max(k, 1), n) };
}

/** Labels known when each stage trains: [0, k, 2k, ..., rounds k], capped at n (rounds + 1 entries). */
export function budget(sizes: Sizes, rounds: number, n: number): number[] {
  if (!Number.isSafeInteger(rounds) || rounds < 0) throw new Error(`budget: rounds must be a non-negative integer, got ${rounds}`);
  if (!Number.isSafeInteger(sizes.k) || sizes.k < 0) throw new Error(`budget: k must be a non-negative integer, got ${sizes.k}`);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`budget: n must be a non-negative integer, got ${n}`);
  const out: number[] = [];
  for (let t = 0; t <= rounds; t++) out.push(Math.min(t * sizes.k, n));
  return out;
}
