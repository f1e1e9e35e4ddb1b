// Centre c (algorithm.md 5.1): mean phi over the drop_last batches of one shuffled pass, eval-mode BN.
import { tf, type Tensor2D } from '../tf';
import { batchCount } from '../batches';
import { encoderSlots } from '../network';
import { forward } from './backprop';
import type { Model } from '../model';
import type { Rng } from '../../core/rng';
import { clampCenter } from '../trainer';

/** Async reads only: a synchronous GPU read breaks later reads on Chromium's WebGPU. */
export async function initCenter(model: Model, x: Tensor2D, batchSize: number, rng: Rng): Promise<Float32Array> {
  const n = x.shape[0];
  const used = batchCount(n, batchSize) * batchSize;
  const perm = rng.permutation(n).subarray(0, used);
  const c = tf.tidy(() => {
    const xs = tf.gather(x, tf.tensor1d(perm, 'int32')) as Tensor2D;
    return tf.mean(forward(model.theta, encoderSlots(model.layout), xs, model.bn, 'eval', null).out, 0);
  });
  const host = clampCenter((await c.data()) as Float32Array);
  c.dispose();
  model.center = host;
  return host;
}
