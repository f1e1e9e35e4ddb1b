// Scoring (algorithm.md 6): eval-mode phi(x) and D(x) for the whole pool, chunked for big data.
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { encoderSlots, sqDist } from '../network';
import { forward } from './backprop';
import type { Model } from '../model';

const CHUNK = 8192;

export async function scorePool(model: Model, x: Tensor2D): Promise<{ scores: Float32Array; embedding: Float32Array }> {
  const [n] = x.shape;
  const rep = model.center!.length;
  const c = tf.tensor1d(model.center!) as Tensor1D;
  const scores = new Float32Array(n);
  const embedding = new Float32Array(n * rep);
  try {
    for (let start = 0; start < n; start += CHUNK) {
      const len = Math.min(CHUNK, n - start);
      const [z, D] = tf.tidy(() => {
        const xs = tf.slice(x, [start, 0], [len, x.shape[1]]);
        const z = forward(model.theta, encoderSlots(model.layout), xs, model.bn, 'eval', null).out;
        return [z, sqDist(z, c)];
      });
      // async reads: dataSync stalls GPU backends and breaks later reads on Chromium's WebGPU
      embedding.set((await z.data()) as Float32Array, start * rep);
      scores.set((await D.data()) as Float32Array, start);
      z.dispose();
      D.dispose();
    }
  } finally {
    c.dispose();
  }
  return { scores, embedding };
}
