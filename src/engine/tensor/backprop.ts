// Hand-written forward/backward for the bias-free BN MLP: a third of the kernels autodiff records, and no tape.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import { BN_EPS, BN_MOMENTUM, LEAKY_SLOPE, type BnMode, type BnStats, weight } from '../network';
import type { Slot } from '../params';

/** What the backward pass needs from one hidden layer. */
interface HiddenCache {
  input: Tensor2D;
  normed: Tensor2D;
  inv: Tensor;
  train: boolean;
}

export interface Pass {
  weights: Tensor2D[];
  hidden: HiddenCache[];
  lastInput: Tensor2D;
  out: Tensor2D;
  sigmoid: boolean;
}

/**
 * Forward pass. In train mode BN uses batch statistics and `stats` is replaced by the PyTorch running
 * update (the old tensors go to `retired`; null skips the update, for stats nobody reads such as the
 * decoder's); in eval mode it uses the running statistics.
 */
export function forward(
  theta: Tensor1D, slots: Slot[], x: Tensor2D, stats: BnStats[], mode: BnMode, retired: BnStats[] | null, sigmoid = false,
  /** the weights already sliced from theta, when one step runs several passes */
  sliced?: Tensor2D[],
): Pass {
  const weights = sliced ?? slots.map((s) => weight(theta, s));
  const hidden: HiddenCache[] = [];
  let a = x;
  for (let i = 0; i < slots.length - 1; i++) {
    const h = tf.matMul(a, weights[i]);
    let normed: Tensor2D;
    let inv: Tensor;
    if (mode === 'train') {
      const m = h.shape[0];
      const mean = tf.mean(h, 0);
      const centered = tf.sub(h, mean);
      const variance = tf.mean(tf.square(centered), 0);
      inv = tf.rsqrt(tf.add(variance, BN_EPS));
      normed = tf.mul(centered, inv) as Tensor2D;
      if (retired) {
        const s = stats[i];
        retired.push({ mean: s.mean, variance: s.variance });
        s.mean = tf.keep(tf.add(tf.mul(s.mean, 1 - BN_MOMENTUM), tf.mul(mean, BN_MOMENTUM))) as Tensor1D;
        const unbiased = tf.mul(variance, m > 1 ? (BN_MOMENTUM * m) / (m - 1) : BN_MOMENTUM);
        s.variance = tf.keep(tf.add(tf.mul(s.variance, 1 - BN_MOMENTUM), unbiased)) as Tensor1D;
      }
    } else {
      inv = tf.rsqrt(tf.add(stats[i].variance, BN_EPS));
      normed = tf.mul(tf.sub(h, stats[i].mean), inv) as Tensor2D;
    }
    hidden.push({ input: a, normed, inv, train: mode === 'train' });
    a = tf.leakyRelu(normed, LEAKY_SLOPE);
  }
  const y = tf.matMul(a, weights[weights.length - 1]);
  return { weights, hidden, lastInput: a, out: (sigmoid ? tf.sigmoid(y) : y) as Tensor2D, sigmoid };
}

/** Backward pass from dL/d(out): dL/dW per layer in slot order, and dL/d(input) when asked (to chain passes). */
export function backward(p: Pass, dOut: Tensor2D, wantInput = false): { grads: Tensor2D[]; dInput: Tensor2D | null } {
  const L = p.weights.length;
  const grads: Tensor2D[] = new Array(L);
  let d = (p.sigmoid ? tf.mul(dOut, tf.mul(p.out, tf.sub(1, p.out))) : dOut) as Tensor2D;
  grads[L - 1] = tf.matMul(p.lastInput, d, true, false);
  let da: Tensor2D = tf.matMul(d, p.weights[L - 1], false, true);
  for (let i = L - 2; i >= 0; i--) {
    const c = p.hidden[i];
    const dn = tf.mul(da, tf.step(c.normed, LEAKY_SLOPE)); // leaky ReLU derivative: 1 above 0, slope below
    // BN backward: batch statistics depend on the input in train mode, running ones do not
    d = (c.train
      ? tf.mul(tf.sub(tf.sub(dn, tf.mean(dn, 0)), tf.mul(c.normed, tf.mean(tf.mul(dn, c.normed), 0))), c.inv)
      : tf.mul(dn, c.inv)) as Tensor2D;
    grads[i] = tf.matMul(c.input, d, true, false);
    if (i > 0 || wantInput) da = tf.matMul(d, p.weights[i], false, true);
  }
  return { grads, dInput: wantInput ? (L > 1 ? da : tf.matMul(d, p.weights[0], false, true)) : null };
}

/** Gradients in the flat layout (slots are contiguous and in order). */
export function flatten(grads: Tensor[]): Tensor1D {
  return tf.concat(grads.map((g) => tf.reshape(g, [-1]))) as Tensor1D;
}
