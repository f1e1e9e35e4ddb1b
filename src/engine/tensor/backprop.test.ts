import { beforeAll, describe, expect, it } from 'vitest';
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { cpuBackend } from '../testing';
import { backward, flatten, forward } from './backprop';
import { cloneBnStats, decoderSlots, encoderSlots, mlp, newBnStats, sqDist, type BnMode, type BnStats } from '../network';
import { decoderSpecs, encoderSpecs, initParams, makeLayout } from '../params';
import { Rng } from '../../core/rng';

beforeAll(cpuBackend);

// the hand-written backward must equal tfjs autodiff through the plain forward (network.mlp)
const d = 5;
const hDims = [6, 4];
const rep = 3;
const layout = makeLayout([...encoderSpecs(d, hDims, rep), ...decoderSpecs(d, hDims, rep)]);
const rng = new Rng(11);
const theta = tf.tensor1d(initParams(layout, rng)) as Tensor1D;
const x = tf.tensor2d(Float32Array.from({ length: 16 * d }, () => rng.next()), [16, d]) as Tensor2D;
const enc = encoderSlots(layout);
const dec = decoderSlots(layout);
const stats = (s: BnStats[]) => s.map(cloneBnStats);
const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];

describe('hand-written backprop', () => {
  for (const mode of ['train', 'eval'] as BnMode[]) {
    it(`matches autodiff for the autoencoder MSE (BN ${mode} mode)`, () => {
      const bn0 = [...hDims, ...[...hDims].reverse()].map(newBnStats);
      bn0[1] = { mean: tf.tensor1d([0.1, -0.2, 0.3, 0]) as Tensor1D, variance: tf.tensor1d([0.5, 2, 1, 1.5]) as Tensor1D };
      const auto = tf.grad((t: tf.Tensor) => {
        const bn = stats(bn0);
        const z = mlp(t as Tensor1D, enc, x, bn.slice(0, 2), mode, []);
        return tf.mean(tf.squaredDifference(mlp(t as Tensor1D, dec, z, bn.slice(2), mode, [], true), x));
      })(theta);
      const bn = stats(bn0);
      const pe = forward(theta, enc, x, bn.slice(0, 2), mode, []);
      const pd = forward(theta, dec, pe.out, bn.slice(2), mode, [], true);
      const diff = tf.sub(pd.out, x);
      const gDec = backward(pd, tf.mul(diff, 2 / diff.size) as Tensor2D, true);
      const manual = flatten([...backward(pe, gDec.dInput!).grads, ...gDec.grads]);
      expect(maxAbsDiff(manual, auto)).toBeLessThan(1e-6);
      expect(tf.max(tf.abs(auto)).dataSync()[0]).toBeGreaterThan(1e-4);
      if (mode === 'train') {
        // running statistics moved by the PyTorch update, identically in both passes
        const ref = stats(bn0);
        mlp(theta, enc, x, ref.slice(0, 2), 'train', []);
        expect(maxAbsDiff(bn[0].variance, ref[0].variance)).toBeLessThan(1e-6);
        expect(maxAbsDiff(bn[0].mean, bn0[0].mean)).toBeGreaterThan(1e-4);
      }
    });
  }

  it('matches autodiff for the one-class distance loss on the encoder', () => {
    const encLayout = makeLayout(encoderSpecs(d, hDims, rep));
    const th = tf.slice(theta, 0, encLayout.size) as Tensor1D;
    const c = tf.tensor1d([0.1, -0.1, 0.3]) as Tensor1D;
    const bn0 = hDims.map(newBnStats);
    const auto = tf.grad((t: tf.Tensor) => tf.mean(sqDist(mlp(t as Tensor1D, enc, x, stats(bn0), 'train', []), c)))(th);
    const p = forward(th, enc, x, stats(bn0), 'train', []);
    const dz = tf.grad((z: tf.Tensor) => tf.mean(sqDist(z as Tensor2D, c)))(p.out) as Tensor2D;
    expect(maxAbsDiff(flatten(backward(p, dz).grads), auto)).toBeLessThan(1e-6);
  });
});
