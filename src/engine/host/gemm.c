// SIMD matrix products for the host kernel (wasm32 + simd128): the only O(m k n) work in a training step.
// Built by scripts/build-kernel.ts; every other part of the step stays in TypeScript (host/*.ts).
#include <wasm_simd128.h>

// C[r, j] (+)= sum_q A[r * rs + q * cs] * B[q * n + j]: A is read with strides so one kernel does A.B and A^T.B.
static void block4x8(const float *A, int rs, int cs, const float *B, float *C, int K, int n, int acc) {
  v128_t c00 = wasm_f32x4_splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (int q = 0; q < K; q++) {
    const float *b = B + q * n;
    v128_t b0 = wasm_v128_load(b), b1 = wasm_v128_load(b + 4);
    const float *a = A + q * cs;
    v128_t a0 = wasm_f32x4_splat(a[0]), a1 = wasm_f32x4_splat(a[rs]);
    v128_t a2 = wasm_f32x4_splat(a[2 * rs]), a3 = wasm_f32x4_splat(a[3 * rs]);
    c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(a0, b0)); c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(a0, b1));
    c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(a1, b0)); c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(a1, b1));
    c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(a2, b0)); c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(a2, b1));
    c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(a3, b0)); c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(a3, b1));
  }
  float *c = C;
#define PUT(x, off) wasm_v128_store(c + (off), acc ? wasm_f32x4_add(wasm_v128_load(c + (off)), (x)) : (x))
  PUT(c00, 0); PUT(c01, 4); c += n;
  PUT(c10, 0); PUT(c11, 4); c += n;
  PUT(c20, 0); PUT(c21, 4); c += n;
  PUT(c30, 0); PUT(c31, 4);
#undef PUT
}

static void block1x4(const float *A, int cs, const float *B, float *C, int K, int n, int acc) {
  v128_t s = wasm_f32x4_splat(0);
  for (int q = 0; q < K; q++) s = wasm_f32x4_add(s, wasm_f32x4_mul(wasm_f32x4_splat(A[q * cs]), wasm_v128_load(B + q * n)));
  wasm_v128_store(C, acc ? wasm_f32x4_add(wasm_v128_load(C), s) : s);
}

static void cell(const float *A, int cs, const float *B, float *C, int K, int n, int acc) {
  float s = 0;
  for (int q = 0; q < K; q++) s += A[q * cs] * B[q * n];
  *C = acc ? *C + s : s;
}

__attribute__((export_name("gemm")))
void gemm(const float *A, int rs, int cs, const float *B, float *C, int M, int K, int n, int acc) {
  int r = 0;
  int n8 = n & ~7, n4 = n & ~3;
  for (; r + 4 <= M; r += 4) {
    const float *a = A + r * rs;
    float *c = C + r * n;
    for (int j = 0; j < n8; j += 8) block4x8(a, rs, cs, B + j, c + j, K, n, acc);
    for (int i = 0; i < 4; i++) {
      for (int j = n8; j < n4; j += 4) block1x4(a + i * rs, cs, B + j, c + i * n + j, K, n, acc);
      for (int j = n4; j < n; j++) cell(a + i * rs, cs, B + j, c + i * n + j, K, n, acc);
    }
  }
  for (; r < M; r++) {
    const float *a = A + r * rs;
    float *c = C + r * n;
    for (int j = 0; j < n4; j += 4) block1x4(a, cs, B + j, c + j, K, n, acc);
    for (int j = n4; j < n; j++) cell(a, cs, B + j, c + j, K, n, acc);
  }
}

// clang turns some loops into memset calls; there is no libc here, so it is defined once.
void *memset(void *dst, int v, unsigned long len) {
  unsigned char *d = dst;
  while (len--) *d++ = (unsigned char)v;
  return dst;
}

// ---- elementwise parts of a step (each mirrors a loop of host/ops.ts, the plain-JS fallback) ----

// Column mean and biased variance of h [rows, w] (float64 sums), and inv = 1 / sqrt(var + eps).
__attribute__((export_name("bn_stats")))
void bn_stats(const float *h, int rows, int w, float *mean, float *var, float *inv, float eps) {
  double s[w], q[w];
  for (int j = 0; j < w; j++) s[j] = q[j] = 0;
  for (int r = 0; r < rows; r++) for (int j = 0; j < w; j++) s[j] += h[r * w + j];
  for (int j = 0; j < w; j++) mean[j] = (float)(s[j] / rows);
  for (int r = 0; r < rows; r++) for (int j = 0; j < w; j++) { double d = h[r * w + j] - mean[j]; q[j] += d * d; }
  for (int j = 0; j < w; j++) {
    var[j] = (float)(q[j] / rows);
    inv[j] = (float)(1.0 / __builtin_sqrt((double)var[j] + eps));
  }
}

// h = (h - mean) * inv in place, act = leaky ReLU(h).
__attribute__((export_name("bn_apply")))
void bn_apply(float *h, float *act, int rows, int w, const float *mean, const float *inv, float slope) {
  for (int r = 0; r < rows; r++) {
    float *hr = h + r * w, *ar = act + r * w;
    for (int j = 0; j < w; j++) {
      float v = (hr[j] - mean[j]) * inv[j];
      hr[j] = v;
      ar[j] = v < 0 ? slope * v : v;
    }
  }
}

// dL/dh from dL/d(act) in place: leaky ReLU derivative, then BatchNorm (batch statistics when train).
__attribute__((export_name("bn_delta")))
void bn_delta(float *da, const float *normed, const float *inv, int rows, int w, float slope, int train) {
  double m1[w], m2[w];
  for (int j = 0; j < w; j++) m1[j] = m2[j] = 0;
  for (int k = 0; k < rows * w; k++) if (!(normed[k] > 0)) da[k] *= slope;
  if (!train) {
    for (int r = 0; r < rows; r++) for (int j = 0; j < w; j++) da[r * w + j] *= inv[j];
    return;
  }
  for (int r = 0; r < rows; r++) for (int j = 0; j < w; j++) { m1[j] += da[r * w + j]; m2[j] += da[r * w + j] * normed[r * w + j]; }
  for (int j = 0; j < w; j++) { m1[j] /= rows; m2[j] /= rows; }
  for (int r = 0; r < rows; r++) for (int j = 0; j < w; j++) {
    int k = r * w + j;
    da[k] = (float)((da[k] - m1[j] - normed[k] * m2[j]) * inv[j]);
  }
}

// wT [out, in] = W^T for W [in, out].
__attribute__((export_name("transpose")))
void transpose(const float *W, float *wT, int in, int out) {
  for (int p = 0; p < in; p++) for (int j = 0; j < out; j++) wT[j * in + p] = W[p * out + j];
}
