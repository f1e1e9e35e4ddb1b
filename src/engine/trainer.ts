// What trains a model: one interface, two implementations (tensor/: tfjs ops; host/: flat arrays and SIMD).
import type { Tensor1D, Tensor2D } from './tf';
import type { FlatAdam } from './adam';
import type { BnStats } from './network';
import type { Model } from './model';
import type { Ticker } from './loop';
import type { Rng } from '../core/rng';
import type { Loss, ProbeShape, Sizes } from '../core/types';

/** Epochs before the soft-boundary radius starts to follow the data (algorithm.md 5.6). */
export const WARM_UP_EPOCHS = 10;
export const CENTER_EPS = 0.1;

export type OnEpoch = (epoch: number, loss: number) => void;

export interface PretrainResult {
  theta: Tensor1D;
  bn: BnStats[];
  losses: number[];
}

export interface TrainArgs {
  loss: Loss;
  x: Tensor2D;
  /** semi targets per pool row (algorithm.md 2.4) */
  semi: Int8Array;
  /** cumulative labelled normals / abnormals (pool rows, duplicates kept in reference mode) for NCE */
  nceNormal: number[];
  nceAbnormal: number[];
  sizes: Sizes;
  epochs: number;
  lr: number;
  weightDecay: number;
  /** BN in train mode for epoch 0 only, eval afterwards (B4, kept in both modes) */
  trainModeEpochs: number;
  optimizer?: FlatAdam;
  /** false: the caller keeps no loss curve, so the host kernel skips the NCE term's value (its ~20 ns log1p a pair) and
   * reports NaN; the gradients, and so the model, are the same bits */
  lossValues?: boolean;
}

/** The four training phases of a stage, on the same Rng draws whichever implementation runs them. */
export interface Trainer {
  readonly name: 'host' | 'tensor';
  /** One phrase for the page: what trains. */
  describe(): string;
  /** Autoencoder pretraining (algorithm.md 4): MSE, Adam, BN in train mode for every epoch. */
  pretrain(x: Tensor2D, sizes: Sizes, epochs: number, opt: { lr: number; weightDecay: number }, rng: Rng, ticker: Ticker, onEpoch?: OnEpoch): Promise<PretrainResult>;
  /** Centre c (algorithm.md 5.1), set on the model and returned. */
  center(model: Model, x: Tensor2D, batchSize: number, rng: Rng): Promise<Float32Array>;
  /** Deep OCC training (algorithm.md 5) of `model` in place; the per-epoch mean loss. */
  train(model: Model, a: TrainArgs, rng: Rng, ticker: Ticker, onEpoch?: OnEpoch): Promise<number[]>;
  /** Eval-mode D(x) and phi(x) for every row (algorithm.md 6). */
  score(model: Model, x: Tensor2D): Promise<{ scores: Float32Array; embedding: Float32Array }>;
  /** Median milliseconds of one training step of a network of this shape: what the backend probe compares. */
  probe(shape: ProbeShape): Promise<number>;
}

/** Push coordinates closer to 0 than eps out to +-eps (exact zeros stay), so no unit is trivially matched. */
export function clampCenter(c: Float32Array, eps = CENTER_EPS): Float32Array {
  return c.map((v) => (Math.abs(v) < eps && v < 0 ? -eps : Math.abs(v) < eps && v > 0 ? eps : v));
}
