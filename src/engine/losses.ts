// The seven Deep OCC objectives (algorithm.md 5.3-5.5) as tensor functions of a mini-batch.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from './tf';
import type { Loss } from '../core/types';

export const NU = 0.5;
export const SAD_EPS = 1e-6;

export const usesNce = (l: Loss) => l === 'nce' || l === 'soft_boundary_nce';
export const usesUai = (l: Loss) => l === 'one_class_uai' || l === 'soft_boundary_uai';
/** Only these two update R (B7: the UAI trainer never does). */
export const updatesRadius = (l: Loss) => l === 'soft_boundary' || l === 'soft_boundary_nce';

/** Per-sample masks built on the host from the batch's semi targets; null masks mean "all unlabelled". */
export interface BatchMasks {
  /** 1 - r: 0 for labelled abnormal (-1) and pseudo-abnormal (-2) */
  keep: Tensor1D | null;
  /** 1 where s = -1 (labelled abnormal) */
  abnormal: Tensor1D | null;
  /** 1 where s = +1 or -1 (used by UAI) */
  labelled: Tensor1D | null;
  /** number of labelled (+1/-1) samples in the batch */
  nLabelled: number;
}

export function batchMasks(s: Int8Array): BatchMasks {
  let anyRejected = false;
  let nLabelled = 0;
  for (const v of s) {
    if (v < 0) anyRejected = true;
    if (v === 1 || v === -1) nLabelled++;
  }
  if (!anyRejected && nLabelled === 0) return { keep: null, abnormal: null, labelled: null, nLabelled: 0 };
  const keep = new Float32Array(s.length);
  const abnormal = new Float32Array(s.length);
  const labelled = new Float32Array(s.length);
  s.forEach((v, i) => {
    keep[i] = v < 0 ? 0 : 1;
    abnormal[i] = v === -1 ? 1 : 0;
    labelled[i] = v === 1 || v === -1 ? 1 : 0;
  });
  return { keep: tf.tensor1d(keep), abnormal: tf.tensor1d(abnormal), labelled: tf.tensor1d(labelled), nLabelled };
}

export function disposeMasks(m: BatchMasks): void {
  m.keep?.dispose();
  m.abnormal?.dispose();
  m.labelled?.dispose();
}

const masked = (x: Tensor1D, mask: Tensor1D | null) => (mask ? tf.mul(x, mask) : x);

/** Base loss: a mean over all B samples, rejected ones contributing 0. `r2` is R^2 (no gradient). */
export function baseLoss(loss: Loss, D: Tensor1D, m: BatchMasks, r2: Tensor | number): Tensor {
  switch (loss) {
    case 'one_class':
    case 'nce':
      return tf.mean(masked(D, m.keep));
    case 'soft_boundary':
    case 'soft_boundary_nce':
      return tf.add(r2, tf.mul(tf.mean(masked(tf.relu(tf.sub(D, r2)), m.keep)), 1 / NU));
    case 'dsad': {
      if (!m.keep || !m.abnormal) return tf.mean(D);
      // keep = unlabelled / labelled normal; labelled abnormal gets the reciprocal; pseudo gets 0
      const pulled = tf.mul(D, m.keep);
      const pushed = tf.mul(tf.reciprocal(tf.add(D, SAD_EPS)), m.abnormal);
      return tf.mean(tf.add(pulled, pushed));
    }
    case 'one_class_uai':
      return tf.mean(D);
    case 'soft_boundary_uai':
      return tf.add(r2, tf.mul(tf.mean(tf.relu(tf.sub(D, r2))), 1 / NU));
  }
}

/** NCE: mean over all (normal i, abnormal j) pairs of log(1 + d_i / a_j) (algorithm.md 5.4). */
export function nceTerm(dNormal: Tensor1D, dAbnormal: Tensor1D): Tensor {
  const ratio = tf.div(tf.expandDims(dNormal, 1), tf.expandDims(dAbnormal, 0));
  return tf.mean(tf.log1p(ratio));
}

/**
 * UAI: BCE of sigmoid(w.[z; D] + b) against t = 1 for labelled abnormal, 0 for labelled normal,
 * averaged over the labelled samples of the batch (algorithm.md 5.5).
 */
export function uaiTerm(z: Tensor2D, D: Tensor1D, w: Tensor2D, b: Tensor1D, m: BatchMasks): Tensor {
  const u = tf.squeeze(tf.add(tf.matMul(tf.concat([z, tf.expandDims(D, 1)], 1), w), b), [1]) as Tensor1D;
  const t = m.abnormal!;
  // -[t log p + (1-t) log(1-p)] = softplus(u) - t u, with softplus(u) = relu(u) + log1p(exp(-|u|)) (stable;
  // tf.logSigmoid's custom gradient loses its saved input inside a tidy on the wasm backend)
  const softplus = tf.add(tf.relu(u), tf.log1p(tf.exp(tf.neg(tf.abs(u)))));
  const bce = tf.sub(softplus, tf.mul(t, u));
  return tf.div(tf.sum(tf.mul(bce, m.labelled!)), m.nLabelled);
}
