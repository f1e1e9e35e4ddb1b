import { beforeAll, describe, expect, it } from 'vitest';
import { tf, type Tensor1D, type Tensor2D } from './tf';
import { cpuBackend } from './testing';
import { batchNorm, newBnStats, type BnStats } from './network';
import { batchMasks, baseLoss, nceTerm, uaiTerm } from './losses';
import { clampCenter } from './trainer';
import { deviceMedian } from './tensor/train';
import { FlatAdam } from './adam';
import { initParams, makeLayout } from './params';
import { Rng } from '../core/rng';

beforeAll(cpuBackend);

const val = (t: tf.Tensor) => Array.from(t.dataSync());

describe('BatchNorm (PyTorch semantics, affine=False, eps 1e-4, momentum 0.1)', () => {
  it('train mode normalises with the biased batch variance and updates running stats with the unbiased one', () => {
    const h = tf.tensor2d([[1, 2], [3, 6]]) as Tensor2D;
    const stats = newBnStats(2);
    const retired: BnStats[] = [];
    const out = batchNorm(h, stats, 'train', retired);
    // batch mean [2, 4], biased var [1, 4]
    const a = 1 / Math.sqrt(1.0001);
    const b = 2 / Math.sqrt(4.0001);
    val(out).forEach((v, i) => expect(v).toBeCloseTo([-a, -b, a, b][i], 6));
    // running mean 0.1*[2,4]; running var 0.9*1 + 0.1*[1*2/1, 4*2/1]
    val(stats.mean).forEach((v, i) => expect(v).toBeCloseTo([0.2, 0.4][i], 6));
    val(stats.variance).forEach((v, i) => expect(v).toBeCloseTo([1.1, 1.7][i], 6));
    expect(retired).toHaveLength(1);
  });

  it('eval mode uses the running statistics and leaves them alone', () => {
    const stats: BnStats = { mean: tf.tensor1d([1, 0]) as Tensor1D, variance: tf.tensor1d([4, 1]) as Tensor1D };
    const out = batchNorm(tf.tensor2d([[3, 2]]) as Tensor2D, stats, 'eval', []);
    expect(val(out)[0]).toBeCloseTo(2 / Math.sqrt(4.0001), 6);
    expect(val(out)[1]).toBeCloseTo(2 / Math.sqrt(1.0001), 6);
    expect(val(stats.mean)).toEqual([1, 0]);
  });
});

describe('losses on a tiny batch D = [1, 4, 9, 16], s = [0, +1, -1, -2]', () => {
  const D = () => tf.tensor1d([1, 4, 9, 16]) as Tensor1D;
  const masks = () => batchMasks(Int8Array.from([0, 1, -1, -2]));
  it('one_class and nce base reject -1 and -2 but still divide by B', () => {
    expect(baseLoss('one_class', D(), masks(), 0).dataSync()[0]).toBeCloseTo(1.25, 6);
    expect(baseLoss('nce', D(), masks(), 0).dataSync()[0]).toBeCloseTo(1.25, 6);
  });
  it('soft_boundary: R^2 + 2 mean(keep * max(0, D - R^2))', () => {
    // R^2 = 2: hinge [0, 2, 7, 14], kept [0, 2, 0, 0] -> 2 + 2 * 0.5
    expect(baseLoss('soft_boundary', D(), masks(), 2).dataSync()[0]).toBeCloseTo(3, 6);
    expect(baseLoss('soft_boundary_nce', D(), masks(), 2).dataSync()[0]).toBeCloseTo(3, 6);
    // before warm-up R = 0: 2 * mean(keep * D)
    expect(baseLoss('soft_boundary', D(), masks(), 0).dataSync()[0]).toBeCloseTo(2.5, 6);
  });
  it('dsad: D for 0/+1, 1/(D + 1e-6) for -1, 0 for -2', () => {
    expect(baseLoss('dsad', D(), masks(), 0).dataSync()[0]).toBeCloseTo((1 + 4 + 1 / (9 + 1e-6)) / 4, 6);
  });
  it('the UAI bases pull everything (no rejection); soft_boundary_uai keeps R = 0', () => {
    expect(baseLoss('one_class_uai', D(), masks(), 0).dataSync()[0]).toBeCloseTo(7.5, 6);
    expect(baseLoss('soft_boundary_uai', D(), masks(), 0).dataSync()[0]).toBeCloseTo(15, 6);
  });
  it('an all-unlabelled batch needs no masks', () => {
    const m = batchMasks(new Int8Array(4));
    expect(m.keep).toBeNull();
    expect(baseLoss('dsad', D(), m, 0).dataSync()[0]).toBeCloseTo(7.5, 6);
  });
});

describe('NCE and UAI terms', () => {
  it('NCE is the mean over (normal, abnormal) pairs of log(1 + d/a)', () => {
    const v = nceTerm(tf.tensor1d([1, 2]) as Tensor1D, tf.tensor1d([4]) as Tensor1D).dataSync()[0];
    expect(v).toBeCloseTo((Math.log(1.25) + Math.log(1.5)) / 2, 6);
  });
  it('UAI is the BCE of sigmoid(w.[z; D] + b) over the labelled samples of the batch', () => {
    const z = tf.tensor2d([[1, 0], [0, 1], [5, 5]]) as Tensor2D;
    const D = tf.tensor1d([1, 1, 3]) as Tensor1D;
    const w = tf.tensor2d([[1], [1], [0]]) as Tensor2D;
    const b = tf.tensor1d([0]) as Tensor1D;
    const m = batchMasks(Int8Array.from([1, -1, 0])); // targets 0, 1; the unlabelled row is ignored
    const softplus = (x: number) => Math.log(1 + Math.exp(x));
    expect(uaiTerm(z, D, w, b, m).dataSync()[0]).toBeCloseTo((softplus(1) + softplus(-1)) / 2, 5);
  });
});

describe('centre, radius and optimiser', () => {
  it('clamps centre coordinates closer to 0 than 0.1 out to +-0.1, exact zeros stay', () => {
    expect(Array.from(clampCenter(Float32Array.from([0.05, -0.05, 0, 0.5, -0.2])))).toEqual(
      Array.from(Float32Array.from([0.1, -0.1, 0, 0.5, -0.2])),
    );
  });
  it('R is the NumPy-linear median of the batch distances, computed on the device', () => {
    expect(deviceMedian(tf.tensor1d([3, 1, 2, 4]) as Tensor1D).dataSync()[0]).toBeCloseTo(2.5, 6);
    expect(deviceMedian(tf.tensor1d([5, 1, 3]) as Tensor1D).dataSync()[0]).toBeCloseTo(3, 6);
  });
  it('Adam follows PyTorch: first step moves by lr, weight decay is added to the gradient', () => {
    const adam = new FlatAdam(1, { lr: 0.1, weightDecay: 0 });
    expect(adam.step(tf.tensor1d([1]) as Tensor1D, tf.tensor1d([0.5]) as Tensor1D).dataSync()[0]).toBeCloseTo(0.9, 6);
    // g = -0.05 + 0.1 * 1 = +0.05: coupled L2 flips the direction
    const wd = new FlatAdam(1, { lr: 0.1, weightDecay: 0.1 });
    expect(wd.step(tf.tensor1d([1]) as Tensor1D, tf.tensor1d([-0.05]) as Tensor1D).dataSync()[0]).toBeCloseTo(0.9, 6);
    // second step: m = 0.9*0.05 + 0.1*0.5 = 0.095 ... check against the closed form
    const t = new FlatAdam(1, { lr: 0.01, weightDecay: 0 });
    let th = t.step(tf.tensor1d([0]) as Tensor1D, tf.tensor1d([1]) as Tensor1D);
    th = t.step(th, tf.tensor1d([3]) as Tensor1D);
    const m = 0.9 * 0.1 + 0.1 * 3;
    const v = 0.999 * 0.001 + 0.001 * 9;
    const step2 = (0.01 / (1 - 0.81)) * (m / (Math.sqrt(v) / Math.sqrt(1 - 0.999 ** 2) + 1e-8));
    expect(th.dataSync()[0]).toBeCloseTo(-0.01 - step2, 6);
  });
  it('initialises every weight in U(-1/sqrt(fan_in), 1/sqrt(fan_in)), the same for the same seed', () => {
    const layout = makeLayout([{ name: 'w', shape: [4, 3], fanIn: 4 }]);
    const a = initParams(layout, new Rng(3));
    expect(Math.max(...a.map(Math.abs))).toBeLessThanOrEqual(0.5);
    expect(Array.from(a)).toEqual(Array.from(initParams(layout, new Rng(3))));
  });
});
