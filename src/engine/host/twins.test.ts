// The host kernel against the tensor path it replaces on wasm/cpu: same maths, to float32 rounding.
import { beforeAll, describe, expect, it } from 'vitest';
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import { cpuBackend } from '../testing';
import { backward, flatten, forward } from '../tensor/backprop';
import { cloneBnStats, decoderSlots, encoderSlots, newBnStats, sqDist, type BnMode, type BnStats } from '../network';
import { decoderSpecs, encoderSpecs, initParams, makeLayout, uaiSpecs } from '../params';
import { baseLoss, batchMasks, nceTerm, uaiTerm } from '../losses';
import { FlatAdam } from '../adam';
import { deviceMedian } from '../tensor/train';
import { Rng } from '../../core/rng';
import type { Loss } from '../../core/types';
import { Arena } from './arena';
import { HostAdam } from './adam';
import { bnToHost, medianSqrt } from './bridge';
import { HostNet } from './net';
import { occLossGrad } from './occLoss';

beforeAll(cpuBackend);

const d = 5;
const hDims = [6, 4];
const rep = 3;
const rows = 16;
const layout = makeLayout([...encoderSpecs(d, hDims, rep), ...decoderSpecs(d, hDims, rep)]);
const rng = new Rng(11);
const thetaHost = initParams(layout, rng);
const xHost = Float32Array.from({ length: rows * d }, () => rng.next());
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

function bnStart(): BnStats[] {
  const bn = [...hDims, ...[...hDims].reverse()].map(newBnStats);
  bn[1] = { mean: tf.tensor1d([0.1, -0.2, 0.3, 0]) as Tensor1D, variance: tf.tensor1d([0.5, 2, 1, 1.5]) as Tensor1D };
  return bn;
}

describe('host kernel = tensor path', () => {
  for (const mode of ['train', 'eval'] as BnMode[]) {
    it(`autoencoder forward, backward and BN running update (BN ${mode} mode)`, () => {
      const theta = tf.tensor1d(thetaHost) as Tensor1D;
      const x = tf.tensor2d(xHost, [rows, d]) as Tensor2D;
      const bnT = bnStart();
      const bnH = bnToHost(bnT);
      const pe = forward(theta, encoderSlots(layout), x, bnT.slice(0, 2), mode, []);
      const pd = forward(theta, decoderSlots(layout), pe.out, bnT.slice(2).map(cloneBnStats), mode, [], true);
      const diff = tf.sub(pd.out, x);
      const gDec = backward(pd, tf.mul(diff, 2 / diff.size) as Tensor2D, true);
      const want = flatten([...backward(pe, gDec.dInput!).grads, ...gDec.grads]).dataSync();

      const a = new Arena(8192);
      const [th, xs, grad, dOut, dz] = [a.alloc(layout.size), a.alloc(rows * d), a.alloc(layout.size), a.alloc(rows * d), a.alloc(rows * rep)];
      th.set(thetaHost);
      xs.set(xHost);
      const enc = new HostNet(a, encoderSlots(layout), rows);
      const dec = new HostNet(a, decoderSlots(layout), rows, true);
      const z = enc.forward(th, xs, rows, bnH.slice(0, 2), mode, true);
      const xr = dec.forward(th, z, rows, bnH.slice(2), mode, false);
      expect(maxDiff(z.subarray(0, rows * rep), pe.out.dataSync())).toBeLessThan(1e-5);
      expect(maxDiff(xr.subarray(0, rows * d), pd.out.dataSync())).toBeLessThan(1e-6);
      for (let k = 0; k < rows * d; k++) dOut[k] = (2 * (xr[k] - xs[k])) / (rows * d);
      dec.backward(th, dOut, grad, false, dz);
      enc.backward(th, dz, grad, false);
      const scale = Math.max(...Array.from(want, Math.abs));
      expect(scale).toBeGreaterThan(1e-4);
      expect(maxDiff(grad, want) / scale).toBeLessThan(1e-4);
      for (let i = 0; i < 2; i++) {
        expect(maxDiff(bnH[i].mean, bnT[i].mean.dataSync())).toBeLessThan(1e-6);
        expect(maxDiff(bnH[i].variance, bnT[i].variance.dataSync())).toBeLessThan(1e-6);
      }
      if (mode === 'train') expect(bnH[0].mean[0]).not.toBe(0); // the running update happened
    });
  }

  const losses: Loss[] = ['one_class', 'soft_boundary', 'dsad', 'nce', 'soft_boundary_nce', 'one_class_uai', 'soft_boundary_uai'];
  for (const loss of losses) {
    it(`${loss}: value and gradients of the loss head`, () => {
      const B = 8;
      const r = new Rng(5);
      const z = Float32Array.from({ length: B * rep }, () => r.next() * 2 - 1);
      const zl = Float32Array.from({ length: 5 * rep }, () => r.next() * 2 - 1);
      const c = Float32Array.from([0.1, -0.2, 0.3]);
      const semi = Int8Array.from([0, 1, -1, 0, -2, 1, 0, -1]);
      const r2 = 0.6;
      const head = makeLayout(uaiSpecs(rep));
      const th = initParams(head, r);
      const uai = loss.endsWith('_uai');
      const nce = loss.includes('nce');
      // tensors, with autodiff
      const masks = batchMasks(semi);
      const cT = tf.tensor1d(c) as Tensor1D;
      const inputs: Tensor[] = [tf.tensor2d(z, [B, rep]), tf.tensor2d(zl, [5, rep]), tf.tensor2d(th.subarray(0, rep + 1), [rep + 1, 1]), tf.tensor1d(th.subarray(rep + 1))];
      const { value, grads } = tf.valueAndGrads((...t: Tensor[]) => {
        const D = sqDist(t[0] as Tensor2D, cT);
        let v = baseLoss(loss, D, masks, r2);
        if (nce) {
          const dl = sqDist(t[1] as Tensor2D, cT);
          v = tf.add(v, nceTerm(tf.slice(dl, 0, 2) as Tensor1D, tf.slice(dl, 2) as Tensor1D));
        } else v = tf.add(v, tf.mul(tf.sum(t[1]), 0));
        v = uai ? tf.add(v, uaiTerm(t[0] as Tensor2D, D, t[2] as Tensor2D, t[3] as Tensor1D, masks)) : tf.add(v, tf.mul(tf.add(tf.sum(t[2]), tf.sum(t[3])), 0));
        return v as tf.Scalar;
      })(inputs);
      // host
      const D = new Float32Array(B);
      const dz = new Float32Array(B * rep);
      const pass = nce ? { z: zl, rows: 5, nN: 2, D: new Float32Array(5), dz: new Float32Array(5 * rep) } : null;
      const hg = new Float32Array(head.size);
      const v = occLossGrad(loss, z, semi, c, r2, D, dz, pass, uai ? { theta: th, grad: hg, wOffset: 0, bOffset: rep + 1 } : null);
      expect(v).toBeCloseTo(value.dataSync()[0], 5);
      expect(maxDiff(dz, grads[0].dataSync())).toBeLessThan(1e-6);
      if (pass) expect(maxDiff(pass.dz, grads[1].dataSync())).toBeLessThan(1e-6);
      if (uai) expect(maxDiff(hg, [...grads[2].dataSync(), ...grads[3].dataSync()])).toBeLessThan(1e-6);
      expect(Math.max(...Array.from(dz, Math.abs))).toBeGreaterThan(1e-3);
    });
  }

  it('one_class by hand: D = [1, 4], loss 2.5, dL/dz = 2 z / B', () => {
    const D = new Float32Array(2);
    const dz = new Float32Array(4);
    expect(occLossGrad('one_class', Float32Array.from([1, 0, 0, 2]), new Int8Array(2), new Float32Array(2), 0, D, dz, null, null)).toBe(2.5);
    expect(Array.from(D)).toEqual([1, 4]);
    expect(Array.from(dz)).toEqual([1, 0, 0, 2]);
  });

  it('Adam: three steps equal to the tensor Adam (coupled weight decay)', () => {
    const opt = { lr: 0.01, weightDecay: 0.1 };
    const flat = new FlatAdam(4, opt);
    const a = new Arena(64);
    const host = new HostAdam(a, 4, opt);
    let t = tf.tensor1d([1, -2, 0.5, 0]) as Tensor1D;
    const h = a.alloc(4);
    h.set([1, -2, 0.5, 0]);
    const g4 = a.alloc(4);
    // 0.2 + 0.1 * -2 cancels exactly in float32
    for (const g of [[0.1, 0.2, -0.3, 0], [1, -1, 0, 0.5], [0, 0.01, 2, -2]]) {
      t = flat.step(t, tf.tensor1d(g) as Tensor1D);
      g4.set(g);
      host.step(h, g4);
    }
    expect(maxDiff(h, t.dataSync())).toBeLessThan(1e-6);
    // first step by hand: m = 0.1 g, v = 0.001 g^2 -> a step of lr * sign(g) for g + wd theta = 0.1 + 0.1
    const b = new Arena(64);
    const [one, g1] = [b.alloc(1), b.alloc(1)];
    one[0] = 1;
    g1[0] = 0.1;
    new HostAdam(b, 1, opt).step(one, g1);
    expect(one[0]).toBeCloseTo(1 - 0.01, 6);
  });

  it('radius: linear median of sqrt(D), as on the device', () => {
    expect(medianSqrt(Float32Array.from([16, 1, 9, 4]))).toBe(2.5);
    expect(medianSqrt(Float32Array.from([9, 1, 4]))).toBe(2);
    const D = Float32Array.from([0.3, 0.7, 0.01, 2, 5, 0.2]);
    expect(medianSqrt(D)).toBeCloseTo(deviceMedian(tf.sqrt(tf.tensor1d(D)) as Tensor1D).dataSync()[0], 6);
  });
});
