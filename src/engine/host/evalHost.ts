// Eval-mode passes on the host kernel: centre init and scoring, the twins of ../tensor/center.ts and score.ts.
import type { Tensor2D } from '../tf';
import { batchCount } from '../batches';
import { clampCenter } from '../trainer';
import { encoderSlots } from '../network';
import type { Model } from '../model';
import type { Rng } from '../../core/rng';
import { planned } from './arena';
import { bnToHost, gatherRows } from './bridge';
import { HostNet } from './net';
import { sqDistRows } from './occLoss';

const CHUNK = 2048;

/** phi(x) of the given pool rows in eval mode, chunk by chunk: `visit(z, rows, first)` sees each chunk. */
function embedRows(model: Model, x: Tensor2D, order: ArrayLike<number>, visit: (z: Float32Array, rows: number, first: number) => void): void {
  const [, d] = x.shape;
  const rows = Math.min(CHUNK, Math.max(order.length, 1));
  const enc = encoderSlots(model.layout);
  const { arena, value: w } = planned((ar) => ({ theta: ar.alloc(model.layout.size), xs: ar.alloc(rows * d), net: new HostNet(ar, enc, rows) }));
  try {
    w.theta.set(model.theta.dataSync());
    const bn = bnToHost(model.bn);
    const data = x.dataSync() as Float32Array;
    for (let first = 0; first < order.length; first += rows) {
      const len = Math.min(rows, order.length - first);
      gatherRows(data, d, order, first, len, w.xs);
      visit(w.net.forward(w.theta, w.xs, len, bn, 'eval', false), len, first);
    }
  } finally {
    arena.release();
  }
}

export function initCenterHost(model: Model, x: Tensor2D, batchSize: number, rng: Rng): Float32Array {
  const n = x.shape[0];
  const used = batchCount(n, batchSize) * batchSize;
  const perm = rng.permutation(n).subarray(0, used);
  const rep = encoderSlots(model.layout).at(-1)!.shape[1];
  const sum = new Float64Array(rep);
  embedRows(model, x, perm, (z, rows) => {
    for (let i = 0; i < rows; i++) for (let k = 0; k < rep; k++) sum[k] += z[i * rep + k];
  });
  const host = clampCenter(Float32Array.from(sum, (s) => s / used));
  model.center = host;
  return host;
}

export function scorePoolHost(model: Model, x: Tensor2D): { scores: Float32Array; embedding: Float32Array } {
  const n = x.shape[0];
  const c = model.center!;
  const rep = c.length;
  const scores = new Float32Array(n);
  const embedding = new Float32Array(n * rep);
  const order = new Int32Array(n).map((_, i) => i);
  embedRows(model, x, order, (z, rows, first) => {
    embedding.set(z.subarray(0, rows * rep), first * rep);
    sqDistRows(z, rows, c, scores.subarray(first, first + rows));
  });
  return { scores, embedding };
}
