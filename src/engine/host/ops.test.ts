import { afterEach, describe, expect, it } from 'vitest';
import { Arena, useVariant, type Variant } from './arena';
import { Rng } from '../../core/rng';

afterEach(() => useVariant(null));

/** A fresh arena with one variant: fused multiply-add SIMD, plain SIMD or the JS loops. */
function arena(v: Variant): Arena {
  useVariant(v);
  const a = new Arena(3 * 4100 * 33 + 4096);
  useVariant(null);
  expect(a.variant).toBe(v);
  return a;
}

const put = (a: Arena, values: number[]) => {
  const v = a.alloc(values.length);
  v.set(values);
  return v;
};

const maxRel = (a: ArrayLike<number>, b: number[]) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]) / Math.max(Math.abs(b[i]), 1e-30)));

function naive(A: Float32Array, rs: number, cs: number, B: Float32Array, m: number, k: number, n: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < m; r++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let q = 0; q < k; q++) s += A[r * rs + q * cs] * B[q * n + j];
    out.push(s);
  }
  return out;
}

describe('host kernel array operations', () => {
  it('picks the relaxed-SIMD build by default (Node 20 with its V8 flag turned on by the test setup)', () => {
    expect(new Arena(16).variant).toBe('relaxed');
  });

  for (const v of ['relaxed', 'simd', 'js'] as const) {
    it(`${v}: A.B, A^T.B and accumulation on a 2 x 2 example`, () => {
      const a = arena(v);
      const A = put(a, [1, 2, 3, 4]);
      const B = put(a, [5, 6, 7, 8]);
      const C = a.alloc(4);
      a.ops.gemm(A, 2, 1, B, C, 2, 2, 2, false);
      expect(Array.from(C)).toEqual([19, 22, 43, 50]);
      a.ops.gemm(A, 1, 2, B, C, 2, 2, 2, false); // A^T B
      expect(Array.from(C)).toEqual([26, 30, 38, 44]);
      a.ops.gemm(A, 1, 2, B, C, 2, 2, 2, true);
      expect(Array.from(C)).toEqual([52, 60, 76, 88]);
    });

    it(`${v}: odd shapes hit every tail of the blocked product`, () => {
      const a = arena(v);
      const rng = new Rng(3);
      // the last two take the packed-panel path (n >= 32) and, with k > 4096, the unpacked one again
      for (const [m, k, n] of [[7, 13, 11], [9, 5, 17], [4, 3, 8], [1, 1, 1], [130, 21, 9], [12, 20, 43], [5, 4100, 33]]) {
        const A = put(a, Array.from({ length: m * k }, () => rng.next() - 0.5));
        const B = put(a, Array.from({ length: k * n }, () => rng.next() - 0.5));
        const C = a.alloc(m * n);
        a.ops.gemm(A, k, 1, B, C, m, k, n, false);
        const want = naive(A, k, 1, B, m, k, n);
        const tol = 2e-7 * k; // float32 sums of k terms
        Array.from(C).forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(tol));
        const T = put(a, Array.from({ length: m * k }, () => rng.next() - 0.5)); // stored [k, m], read as A^T
        a.ops.gemm(T, 1, m, B, C, m, k, n, false);
        const wantT = naive(T, 1, m, B, m, k, n);
        Array.from(C).forEach((v, i) => expect(Math.abs(v - wantT[i])).toBeLessThan(tol));
      }
    });

    it(`${v}: BatchNorm statistics, normalisation and leaky ReLU by hand`, () => {
      const a = arena(v);
      const h = put(a, [1, 2, 3, 6]); // two rows, two columns
      const [mean, variance, inv, act] = [a.alloc(2), a.alloc(2), a.alloc(2), a.alloc(4)];
      a.ops.bnStats(h, 2, 2, mean, variance, inv, 1e-4);
      expect(Array.from(mean)).toEqual([2, 4]);
      expect(Array.from(variance)).toEqual([1, 4]);
      expect(inv[0]).toBeCloseTo(1 / Math.sqrt(1.0001), 7);
      expect(inv[1]).toBeCloseTo(1 / Math.sqrt(4.0001), 7);
      a.ops.bnApply(h, act, 2, 2, mean, inv, 0.01);
      expect(h[0]).toBeCloseTo(-inv[0], 7);
      expect(h[3]).toBeCloseTo(2 * inv[1], 7);
      expect(act[0]).toBeCloseTo(-0.01 * inv[0], 8);
      expect(act[3]).toBeCloseTo(2 * inv[1], 7);
    });

    it(`${v}: BatchNorm backward in eval and train mode by hand`, () => {
      const a = arena(v);
      const normed = put(a, [-1, 1, 1, -1]);
      const inv = put(a, [2, 0.5]);
      const da = put(a, [3, 4, 5, 6]);
      a.ops.bnDelta(da, normed, inv, 2, 2, 0.01, false, a.alloc(4));
      // leaky slope where normed <= 0, then times inv per column
      [0.06, 2, 10, 0.03].forEach((v, i) => expect(da[i]).toBeCloseTo(v, 6));
      const db = put(a, [3, 4, 5, 6]);
      a.ops.bnDelta(db, normed, inv, 2, 2, 0.01, true, a.alloc(4));
      // dn = [[0.03, 4], [5, 0.06]]; column 0: mean(dn) = 2.515, mean(dn * normed) = 2.485
      expect(db[0]).toBeCloseTo((0.03 - 2.515 + 2.485) * 2, 5);
      expect(db[2]).toBeCloseTo((5 - 2.515 - 2.485) * 2, 5);
      // column 1: mean(dn) = 2.03, mean(dn * normed) = 1.97
      expect(db[1]).toBeCloseTo((4 - 2.03 - 1.97) * 0.5, 5);
      expect(db[3]).toBeCloseTo((0.06 - 2.03 + 1.97) * 0.5, 5);
    });

    it(`${v}: sigmoid (Cephes exp in the wasm builds), its gradient and the MSE gradient`, () => {
      const a = arena(v);
      const x = put(a, [0, Math.log(3), -Math.log(3), -100, 100, 2.5, -0.3]);
      a.ops.sigmoid(x, 7);
      expect(x[0]).toBe(0.5);
      expect(x[1]).toBeCloseTo(0.75, 6);
      expect(x[2]).toBeCloseTo(0.25, 6);
      expect(x[3]).toBeLessThan(1e-37);
      expect(x[4]).toBe(1);
      expect(Math.abs(x[5] - 1 / (1 + Math.exp(-2.5)))).toBeLessThan(2e-7);
      expect(Math.abs(x[6] - 1 / (1 + Math.exp(0.3)))).toBeLessThan(2e-7);
      const r = new Rng(9);
      const many = put(a, Array.from({ length: 1001 }, () => (r.next() - 0.5) * 40));
      const want = Array.from(many, (u) => 1 / (1 + Math.exp(-u)));
      a.ops.sigmoid(many, 1001);
      expect(maxRel(many, want)).toBeLessThan(1e-6);
      const d = a.alloc(2);
      a.ops.sigmoidGrad(put(a, [1, -2]), put(a, [0.25, 0.5]), d, 2);
      expect(Array.from(d)).toEqual([0.1875, -0.5]);
      const dOut = a.alloc(2);
      expect(a.ops.mseGrad(put(a, [1, 2]), put(a, [0, 0]), dOut, 2)).toBe(5);
      expect(Array.from(dOut)).toEqual([1, 2]);
    });

    it(`${v}: one Adam step by hand`, () => {
      const a = arena(v);
      const theta = put(a, [1, -2]);
      const [m, s] = [a.alloc(2), a.alloc(2)];
      // t = 1: m = 0.1 g, v = 0.001 g^2, so the step is lr * g / (|g| + eps * sqrt(0.001)) ~ lr * sign(g)
      a.ops.adam(theta, put(a, [0.5, 0.4]), m, s, { lrHat: 0.01 / 0.1, b1: 0.9, b2: 0.999, weightDecay: 0.1, eps: 1e-8, sqrtBc2: Math.sqrt(0.001) });
      expect(theta[0]).toBeCloseTo(0.99, 6); // g = 0.5 + 0.1
      expect(theta[1]).toBeCloseTo(-2.01, 6); // g = 0.4 - 0.2
      expect(m[0]).toBeCloseTo(0.06, 7);
      expect(s[1]).toBeCloseTo(0.001 * 0.04, 8);
    });

    it(`${v}: transpose, by hand and across the 4 x 4 blocks and their tails`, () => {
      const a = arena(v);
      const W = put(a, [1, 2, 3, 4, 5, 6]); // [2, 3]
      const T = a.alloc(6);
      a.ops.transpose(W, T, 2, 3);
      expect(Array.from(T)).toEqual([1, 4, 2, 5, 3, 6]);
      for (const [inD, outD] of [[9, 7], [8, 12], [5, 4]]) {
        const M = put(a, Array.from({ length: inD * outD }, (_, i) => i));
        const MT = a.alloc(inD * outD);
        a.ops.transpose(M, MT, inD, outD);
        for (let p = 0; p < inD; p++) for (let j = 0; j < outD; j++) expect(MT[j * inD + p]).toBe(p * outD + j);
      }
    });
  }

  it('plans an arena by counting first, and refuses to overflow', () => {
    const counter = new Arena(0);
    counter.alloc(3);
    counter.alloc(5);
    expect(counter.used).toBe(4 + 5); // views start 16-byte aligned
    const a = new Arena(8);
    a.alloc(8);
    expect(() => a.alloc(100000)).toThrow(/arena overflow/);
  });
});
