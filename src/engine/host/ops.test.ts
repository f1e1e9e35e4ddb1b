import { afterEach, describe, expect, it } from 'vitest';
import { Arena, useJsGemm } from './arena';
import { Rng } from '../rng';

afterEach(() => useJsGemm(false));

/** A fresh arena with the SIMD build, or with the plain-JS loops. */
function arena(js: boolean): Arena {
  useJsGemm(js);
  const a = new Arena(16384);
  useJsGemm(false);
  return a;
}

const put = (a: Arena, values: number[]) => {
  const v = a.alloc(values.length);
  v.set(values);
  return v;
};

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
  it('loads the SIMD build in Node (WebAssembly SIMD is there)', () => {
    expect(arena(false).simd).toBe(true);
    expect(arena(true).simd).toBe(false);
  });

  for (const js of [false, true]) {
    const name = js ? 'plain JS' : 'SIMD wasm';
    it(`${name}: A.B, A^T.B and accumulation on a 2 x 2 example`, () => {
      const a = arena(js);
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

    it(`${name}: odd shapes hit every tail of the blocked product`, () => {
      const a = arena(js);
      const rng = new Rng(3);
      for (const [m, k, n] of [[7, 13, 11], [9, 5, 17], [4, 3, 8], [1, 1, 1], [130, 21, 9]]) {
        const A = put(a, Array.from({ length: m * k }, () => rng.next() - 0.5));
        const B = put(a, Array.from({ length: k * n }, () => rng.next() - 0.5));
        const C = a.alloc(m * n);
        a.ops.gemm(A, k, 1, B, C, m, k, n, false);
        const want = naive(A, k, 1, B, m, k, n);
        Array.from(C).forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
        const T = put(a, Array.from({ length: m * k }, () => rng.next() - 0.5)); // stored [k, m], read as A^T
        a.ops.gemm(T, 1, m, B, C, m, k, n, false);
        const wantT = naive(T, 1, m, B, m, k, n);
        Array.from(C).forEach((v, i) => expect(v).toBeCloseTo(wantT[i], 5));
      }
    });

    it(`${name}: BatchNorm statistics, normalisation and leaky ReLU by hand`, () => {
      const a = arena(js);
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

    it(`${name}: BatchNorm backward in eval and train mode by hand`, () => {
      const a = arena(js);
      const normed = put(a, [-1, 1, 1, -1]);
      const inv = put(a, [2, 0.5]);
      const da = put(a, [3, 4, 5, 6]);
      a.ops.bnDelta(da, normed, inv, 2, 2, 0.01, false);
      // leaky slope where normed <= 0, then times inv per column
      [0.06, 2, 10, 0.03].forEach((v, i) => expect(da[i]).toBeCloseTo(v, 6));
      const db = put(a, [3, 4, 5, 6]);
      a.ops.bnDelta(db, normed, inv, 2, 2, 0.01, true);
      // dn = [[0.03, 4], [5, 0.06]]; column 0: mean(dn) = 2.515, mean(dn * normed) = 2.485
      expect(db[0]).toBeCloseTo((0.03 - 2.515 + 2.485) * 2, 5);
      expect(db[2]).toBeCloseTo((5 - 2.515 - 2.485) * 2, 5);
      // column 1: mean(dn) = 2.03, mean(dn * normed) = 1.97
      expect(db[1]).toBeCloseTo((4 - 2.03 - 1.97) * 0.5, 5);
      expect(db[3]).toBeCloseTo((0.06 - 2.03 + 1.97) * 0.5, 5);
    });

    it(`${name}: transpose`, () => {
      const a = arena(js);
      const W = put(a, [1, 2, 3, 4, 5, 6]); // [2, 3]
      const T = a.alloc(6);
      a.ops.transpose(W, T, 2, 3);
      expect(Array.from(T)).toEqual([1, 4, 2, 5, 3, 6]);
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
