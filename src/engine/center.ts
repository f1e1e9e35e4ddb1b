// Centre c (algorithm.md 5.1): mean phi over the drop_last batches of one shuffled pass, eval-mode BN.
import { tf, type Tensor1D, type Tensor2D } from './tf';
import { batchCount } from './batches';
import { encoderSlots } from './network';
import { forward } from './backprop';
import type { Model } from './model';
import type { Rng } from '../core/rng';
import { hostKernelActive } from './kernel';
import { initCenterHost } from './host/evalHost';

export const CENTER_EPS = 0.1;

/** Push coordinates closer to 0 than eps out to +-eps (exact zeros stay), so no unit is trivially matched. */
export function clampCenter(c: Float32Array, eps = CENTER_EPS): Float32Array {
  return c.map((v) => (Math.abs(v) < eps && v < 0 ? -eps : Math.abs(v) < eps && v > 0 ? eps : v));
}

/** Async reads only: a synchronous GPU read breaks later reads on Chromium's WebGPU. */
export async function initCenter(model: Model, x: Tensor2D, batchSize: number, rng: Rng): Promise<Float32Array> {
  if (hostKernelActive()) return initCenterHost(model, x, batchSize, rng);
  const n = x.shape[0];
  const used = batchCount(n, batchSize) * batchSize;
  const perm = rng.permutation(n).subarray(0, used);
  const c = tf.tidy(() => {
    const xs = tf.gather(x, tf.tensor1d(perm, 'int32')) as Tensor2D;
    return tf.mean(forward(model.theta, encoderSlots(model.layout), xs, model.bn, 'eval', null).out, 0);
  });
  const host = clampCenter((await c.data()) as Float32Array);
  c.dispose();
  model.center?.dispose();
  model.center = tf.tensor1d(host) as Tensor1D;
  model.centerHost = host;
  return host;
}
