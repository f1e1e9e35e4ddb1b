// One timed training step on the tensor path for a network shape: what the backend probe compares.
import { tf } from '../tf';
import { median } from '../metrics';
import type { ProbeShape } from '../../core/types';

/** A few Adam steps of an MLP like the real encoder; returns the median ms per step (synchronised). */
export async function timeSteps(shape: ProbeShape, warmup = 2, steps = 5): Promise<number> {
  const dims = [shape.d, ...shape.hDims, shape.repDim];
  const ws = dims.slice(0, -1).map((inDim, i) => tf.variable(tf.randomUniform([inDim, dims[i + 1]!], -1 / Math.sqrt(inDim), 1 / Math.sqrt(inDim), 'float32', 7 + i)));
  const x = tf.randomUniform([shape.batch, shape.d], 0, 1, 'float32', 3);
  const c = tf.fill([1, shape.repDim], 0.1);
  const opt = tf.train.adam(1e-3);
  const lossFn = () => {
    let h: tf.Tensor = x;
    ws.forEach((w, i) => {
      h = tf.matMul(h, w);
      if (i < ws.length - 1) h = tf.leakyRelu(h, 0.01);
    });
    return tf.mean(tf.sum(tf.square(tf.sub(h, c)), 1)) as tf.Scalar;
  };
  const times: number[] = [];
  try {
    for (let i = 0; i < warmup + steps; i++) {
      const t0 = performance.now();
      const cost = tf.tidy(() => opt.minimize(lossFn, true, ws) as tf.Scalar);
      await cost.data();
      cost.dispose();
      if (i >= warmup) times.push(performance.now() - t0);
    }
  } finally {
    opt.dispose();
    ws.forEach((w) => w.dispose());
    x.dispose();
    c.dispose();
  }
  return median(times);
}

