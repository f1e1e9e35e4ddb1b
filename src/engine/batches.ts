// Shuffled, drop_last mini-batches (PyTorch DataLoader semantics) drawn from the run's Rng.
import { tf, type Tensor2D } from './tf';
import type { Rng } from '../core/rng';

export function batchCount(n: number, batchSize: number): number {
  const nb = Math.floor(n / batchSize);
  if (nb < 1) throw new Error(`Batch size ${batchSize} is larger than the ${n} samples: no full batch to train on.`);
  return nb;
}

/** One epoch: the permutation and the data gathered in that order once (one op, then cheap slices). */
export function epochOrder(x: Tensor2D, n: number, rng: Rng): { perm: Int32Array; xPerm: Tensor2D } {
  const perm = rng.permutation(n);
  const xPerm = tf.tidy(() => tf.gather(x, tf.tensor1d(perm, 'int32')) as Tensor2D);
  return { perm, xPerm };
}

export function batchOf(xPerm: Tensor2D, b: number, batchSize: number): Tensor2D {
  return tf.slice(xPerm, [b * batchSize, 0], [batchSize, xPerm.shape[1]]);
}
