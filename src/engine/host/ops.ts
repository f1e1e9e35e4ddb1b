// The host kernel's array operations: the SIMD build of gemm.c, or the same loops in plain JS where
// WebAssembly SIMD is missing. Every view passed to the wasm build must live in its arena's memory.

export interface Ops {
  /** C[r, j] (+)= sum_q A(r, q) B[q, j], A(r, q) = a[r * rs + q * cs] (A or A^T); B [k, n], C [m, n] row-major. */
  gemm(a: Float32Array, rs: number, cs: number, b: Float32Array, c: Float32Array, m: number, k: number, n: number, acc: boolean): void;
  /** Column mean and biased variance of h [rows, w], inv = 1 / sqrt(var + eps). */
  bnStats(h: Float32Array, rows: number, w: number, mean: Float32Array, variance: Float32Array, inv: Float32Array, eps: number): void;
  /** h = (h - mean) * inv in place; act = leaky ReLU(h). */
  bnApply(h: Float32Array, act: Float32Array, rows: number, w: number, mean: Float32Array, inv: Float32Array, slope: number): void;
  /** dL/dh from dL/d(act) in place: leaky ReLU derivative, then BatchNorm (batch statistics when `train`). */
  bnDelta(da: Float32Array, normed: Float32Array, inv: Float32Array, rows: number, w: number, slope: number, train: boolean): void;
  /** wT [out, in] = W^T. */
  transpose(W: Float32Array, wT: Float32Array, inD: number, outD: number): void;
}

type Fn = (...args: number[]) => void;

export function wasmOps(exports: WebAssembly.Exports): Ops {
  const [gemm, bnStats, bnApply, bnDelta, transpose] = ['gemm', 'bn_stats', 'bn_apply', 'bn_delta', 'transpose'].map((k) => exports[k] as Fn);
  const p = (v: Float32Array) => v.byteOffset;
  return {
    gemm: (a, rs, cs, b, c, m, k, n, acc) => gemm(p(a), rs, cs, p(b), p(c), m, k, n, acc ? 1 : 0),
    bnStats: (h, rows, w, mean, variance, inv, eps) => bnStats(p(h), rows, w, p(mean), p(variance), p(inv), eps),
    bnApply: (h, act, rows, w, mean, inv, slope) => bnApply(p(h), p(act), rows, w, p(mean), p(inv), slope),
    bnDelta: (da, normed, inv, rows, w, slope, train) => bnDelta(p(da), p(normed), p(inv), rows, w, slope, train ? 1 : 0),
    transpose: (W, wT, inD, outD) => transpose(p(W), p(wT), inD, outD),
  };
}

export const jsOps: Ops = {
  gemm(a, rs, cs, b, c, m, k, n, acc) {
    for (let r = 0; r < m; r++) {
      const row = r * n;
      if (!acc) c.fill(0, row, row + n);
      for (let q = 0; q < k; q++) {
        const av = a[r * rs + q * cs];
        const bo = q * n;
        for (let j = 0; j < n; j++) c[row + j] += av * b[bo + j];
      }
    }
  },
  bnStats(h, rows, w, mean, variance, inv, eps) {
    const s = new Float64Array(w);
    const q = new Float64Array(w);
    for (let r = 0; r < rows; r++) for (let j = 0; j < w; j++) s[j] += h[r * w + j];
    for (let j = 0; j < w; j++) mean[j] = s[j] / rows;
    for (let r = 0; r < rows; r++) for (let j = 0; j < w; j++) q[j] += (h[r * w + j] - mean[j]) ** 2;
    for (let j = 0; j < w; j++) {
      variance[j] = q[j] / rows;
      inv[j] = 1 / Math.sqrt(variance[j] + eps);
    }
  },
  bnApply(h, act, rows, w, mean, inv, slope) {
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < w; j++) {
        const k = r * w + j;
        const v = Math.fround((h[k] - mean[j]) * inv[j]);
        h[k] = v;
        act[k] = v < 0 ? slope * v : v;
      }
    }
  },
  bnDelta(da, normed, inv, rows, w, slope, train) {
    for (let k = 0; k < rows * w; k++) if (!(normed[k] > 0)) da[k] *= slope;
    if (!train) {
      for (let r = 0; r < rows; r++) for (let j = 0; j < w; j++) da[r * w + j] *= inv[j];
      return;
    }
    const m1 = new Float64Array(w);
    const m2 = new Float64Array(w);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < w; j++) {
        m1[j] += da[r * w + j];
        m2[j] += da[r * w + j] * normed[r * w + j];
      }
    }
    for (let j = 0; j < w; j++) (m1[j] /= rows), (m2[j] /= rows);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < w; j++) {
        const k = r * w + j;
        da[k] = (da[k] - m1[j] - normed[k] * m2[j]) * inv[j];
      }
    }
  },
  transpose(W, wT, inD, outD) {
    for (let p = 0; p < inD; p++) for (let j = 0; j < outD; j++) wT[j * inD + p] = W[p * outD + j];
  },
};
