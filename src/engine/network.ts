// Bias-free MLP with non-affine BatchNorm (PyTorch semantics) evaluated from a flat parameter tensor.
import { tf, type Tensor1D, type Tensor2D } from './tf';
import type { Layout, Slot } from './params';

export const BN_EPS = 1e-4;
export const BN_MOMENTUM = 0.1;
export const LEAKY_SLOPE = 0.01;

/** Running statistics of one BatchNorm1d(affine=False) layer. */
export interface BnStats {
  mean: Tensor1D;
  variance: Tensor1D;
}

export type BnMode = 'train' | 'eval';

export function newBnStats(width: number): BnStats {
  return { mean: tf.zeros([width]) as Tensor1D, variance: tf.ones([width]) as Tensor1D };
}

export function cloneBnStats(s: BnStats): BnStats {
  return { mean: s.mean.clone(), variance: s.variance.clone() };
}

export function disposeBn(stats: BnStats[]): void {
  for (const s of stats) {
    s.mean.dispose();
    s.variance.dispose();
  }
}

export function weight(theta: Tensor1D, slot: Slot): Tensor2D {
  const len = slot.shape.reduce((a, b) => a * b, 1);
  return tf.reshape(tf.slice(theta, slot.offset, len), slot.shape as [number, number]) as Tensor2D;
}

/**
 * BN forward. Train mode normalises with the batch's biased variance and replaces `stats` with the
 * PyTorch running update (unbiased variance); the new tensors are kept so they outlive the tape.
 * The old ones are pushed on `retired` for the caller to dispose after the step.
 */
export function batchNorm(h: Tensor2D, stats: BnStats, mode: BnMode, retired: BnStats[]): Tensor2D {
  if (mode === 'eval') return tf.mul(tf.sub(h, stats.mean), tf.rsqrt(tf.add(stats.variance, BN_EPS)));
  const m = h.shape[0];
  const { mean, variance } = tf.moments(h, 0);
  const unbiased = m > 1 ? tf.mul(variance, m / (m - 1)) : variance;
  const next: BnStats = {
    mean: tf.keep(tf.add(tf.mul(stats.mean, 1 - BN_MOMENTUM), tf.mul(mean, BN_MOMENTUM))) as Tensor1D,
    variance: tf.keep(tf.add(tf.mul(stats.variance, 1 - BN_MOMENTUM), tf.mul(unbiased, BN_MOMENTUM))) as Tensor1D,
  };
  retired.push({ mean: stats.mean, variance: stats.variance });
  stats.mean = next.mean;
  stats.variance = next.variance;
  return tf.mul(tf.sub(h, mean), tf.rsqrt(tf.add(variance, BN_EPS)));
}

/**
 * The autodiff formulation (training uses tensor/backprop.ts; this is its reference in tests).
 * Linear -> BN -> leaky ReLU for every layer but the last; the last is a plain Linear (+ sigmoid if asked).
 * `bn` holds one BnStats per hidden layer.
 */
export function mlp(
  theta: Tensor1D, slots: Slot[], x: Tensor2D, bn: BnStats[], mode: BnMode, retired: BnStats[], sigmoidOut = false,
): Tensor2D {
  let h = x;
  for (let i = 0; i < slots.length; i++) {
    h = tf.matMul(h, weight(theta, slots[i]));
    if (i < slots.length - 1) h = tf.leakyRelu(batchNorm(h, bn[i], mode, retired), LEAKY_SLOPE);
  }
  return sigmoidOut ? tf.sigmoid(h) : h;
}

export function encoderSlots(layout: Layout): Slot[] {
  return layout.slots.filter((s) => s.name.startsWith('enc'));
}

export function decoderSlots(layout: Layout): Slot[] {
  return layout.slots.filter((s) => s.name.startsWith('dec'));
}

/** Squared distance to the centre per row: D(x) = ||z - c||^2. */
export function sqDist(z: Tensor2D, c: Tensor1D): Tensor1D {
  return tf.sum(tf.square(tf.sub(z, c)), 1) as Tensor1D;
}
