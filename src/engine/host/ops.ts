// The host kernel's array operations: the SIMD build of gemm.c, or the same loops in plain JS where
// WebAssembly SIMD is missing. Every view passed to the wasm build must live in its arena's memory.

export interface Ops {
  /** C[r, j] (+)= sum_q A(r, q) B[q, j], A(r, q) = a[r * rs + q * cs] (A or A^T); B [k, n], C [m, n] row-major. */
  gemm(a: Float32Array, rs: number, cs: number, b: Float32Array, c: Float32Array, m: number, k: number, n: number, acc: boolean): void;
  /** Column mean and biased variance of h [rows, w], inv = 1 / sqrt(var + eps). */
  bnStats(h: Float32Array, rows: number, w: number, mean: Float32Array, variance: Float32Array, inv: Float32Array, eps: number): void;
  /** h = (h - mean) * inv in place; act = leaky ReLU(h). */
  bnApply(h: Float32Array, act: Float32Array, rows: number, w: number, mean: Float32Array, inv: Float32Array, slope: number): void;
  /**
   * dL/dh from dL/d(act) in place: leaky ReLU derivative, then BatchNorm (batch statistics when `train`);
   * `scratch` holds 2 w floats.
   */
  bnDelta(da: Float32Array, normed: Float32Array, inv: Float32Array, rows: number, w: number, slope: number, train: boolean, scratch: Float32Array): void;
  /** wT [out, in] = W^T. */
  transpose(W: Float32Array, wT: Float32Array, inD: number, outD: number): void;
  /** x = 1 / (1 + exp(-x)) in place over the first n entries. */
  sigmoid(x: Float32Array, n: number): void;
  /** d = dOut * out * (1 - out). */
  sigmoidGrad(dOut: Float32Array, out: Float32Array, d: Float32Array, n: number): void;
  /** dOut = 2 (xr - x) / n; returns sum (xr - x)^2. */
  mseGrad(xr: Float32Array, x: Float32Array, dOut: Float32Array, n: number): number;
  /** PyTorch's Adam in float32 over all of theta (lrHat = lr / (1 - b1^t), sqrtBc2 = sqrt(1 - b2^t)). */
  adam(theta: Float32Array, grad: Float32Array, m: Float32Array, v: Float32Array, a: AdamStep): void;
}

export interface AdamStep {
  lrHat: number;
  b1: number;
  b2: number;
  weightDecay: number;
  eps: number;
  sqrtBc2: number;
}

type Fn = (...args: number[]) => number;

/** Floats of scratch the wasm gemm needs for its packed panel (4 x PANEL_MAX in gemm.c). */
export const GEMM_PANEL_FLOATS = 4 * 4096;

/**
 * `panel`: byte offset of GEMM_PANEL_FLOATS floats that only gemm uses; `split`, when given, runs the product
 * instead (on two threads: see threads.ts).
 */
export function wasmOps(exports: WebAssembly.Exports, panel: number, split?: (...args: number[]) => void): Ops {
  const names = ['gemm', 'bn_stats', 'bn_apply', 'bn_delta', 'transpose', 'sigmoid', 'sigmoid_grad', 'mse_grad', 'adam'];
  const [gemm, bnStats, bnApply, bnDelta, transpose, sigmoid, sigmoidGrad, mseGrad, adam] = names.map((k) => exports[k] as Fn);
  const p = (v: Float32Array) => v.byteOffset;
  return {
    gemm: split
      ? (a, rs, cs, b, c, m, k, n, acc) => split(p(a), rs, cs, p(b), p(c), m, k, n, acc ? 1 : 0)
      : (a, rs, cs, b, c, m, k, n, acc) => void gemm(p(a), rs, cs, p(b), p(c), m, k, n, acc ? 1 : 0, panel),
    bnStats: (h, rows, w, mean, variance, inv, eps) => void bnStats(p(h), rows, w, p(mean), p(variance), p(inv), eps),
    bnApply: (h, act, rows, w, mean, inv, slope) => void bnApply(p(h), p(act), rows, w, p(mean), p(inv), slope),
    bnDelta: (da, normed, inv, rows, w, slope, train, scratch) =>
      void bnDelta(p(da), p(normed), p(inv), rows, w, slope, train ? 1 : 0, p(scratch), p(scratch) + 4 * w),
    transpose: (W, wT, inD, outD) => void transpose(p(W), p(wT), inD, outD),
    sigmoid: (x, n) => void sigmoid(p(x), n),
    sigmoidGrad: (dOut, out, d, n) => void sigmoidGrad(p(dOut), p(out), p(d), n),
    mseGrad: (xr, x, dOut, n) => mseGrad(p(xr), p(x), p(dOut), n),
    adam: (theta, grad, m, v, a) =>
      void adam(p(theta), p(grad), p(m), p(v), theta.length, a.lrHat, a.b1, a.b2, a.weightDecay, a.eps, a.sqrtBc2),
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
    // the scratch the wasm build needs is not used here: float64 sums instead
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
  sigmoid(x, n) {
    for (let k = 0; k < n; k++) x[k] = 1 / (1 + Math.exp(-x[k]));
  },
  sigmoidGrad(dOut, out, d, n) {
    for (let k = 0; k < n; k++) d[k] = dOut[k] * out[k] * (1 - out[k]);
  },
  mseGrad(xr, x, dOut, n) {
    let sq = 0;
    for (let k = 0; k < n; k++) {
      const diff = xr[k] - x[k];
      sq += diff * diff;
      dOut[k] = (2 * diff) / n;
    }
    return sq;
  },
  adam(theta, grad, m, v, a) {
    const f = Math.fround;
    for (let i = 0; i < theta.length; i++) {
      // float32 at every step, as in the wasm build and PyTorch: an exact cancellation stays exactly 0
      const g = f(grad[i] + f(a.weightDecay * theta[i]));
      m[i] = f(a.b1 * m[i]) + f((1 - a.b1) * g);
      v[i] = f(a.b2 * v[i]) + f(f((1 - a.b2) * g) * g);
      theta[i] -= f((a.lrHat * m[i]) / f(f(Math.sqrt(v[i]) / a.sqrtBc2) + a.eps));
    }
  },
};
