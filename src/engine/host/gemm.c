// SIMD matrix products for the host kernel (wasm32 + simd128): the only O(m k n) work in a training step.
// Built by scripts/build-kernel.ts; every other part of the step stays in TypeScript (host/*.ts).
#include <wasm_simd128.h>

// acc + a * b. The RELAXED build uses f32x4.relaxed_madd (one fused instruction where the CPU has FMA);
// clang 14 only knows that instruction by its prototype name and opcode, which the build script renumbers.
#ifdef RELAXED
#define MADD(acc, a, b) ((v128_t)__builtin_wasm_fma_f32x4((__f32x4)(a), (__f32x4)(b), (__f32x4)(acc)))
#else
#define MADD(acc, a, b) wasm_f32x4_add((acc), wasm_f32x4_mul((a), (b)))
#endif

// The 4 x 8 block's inner step (rows a0..a3 splatted, b0 b1 one row of B) and its store, shared by both feeds.
#define BLOCK_VARS v128_t c00 = wasm_f32x4_splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00
#define BLOCK_STEP(a0, a1, a2, a3, b0, b1) \
  c00 = MADD(c00, a0, b0); c01 = MADD(c01, a0, b1); c10 = MADD(c10, a1, b0); c11 = MADD(c11, a1, b1); \
  c20 = MADD(c20, a2, b0); c21 = MADD(c21, a2, b1); c30 = MADD(c30, a3, b0); c31 = MADD(c31, a3, b1)
#define PUT(c, x) wasm_v128_store((c), acc ? wasm_f32x4_add(wasm_v128_load(c), (x)) : (x))
#define BLOCK_STORE(C, n) \
  PUT(C, c00); PUT(C + 4, c01); PUT(C + n, c10); PUT(C + n + 4, c11); \
  PUT(C + 2 * n, c20); PUT(C + 2 * n + 4, c21); PUT(C + 3 * n, c30); PUT(C + 3 * n + 4, c31)

// C[r, j] (+)= sum_q A[r * rs + q * cs] * B[q * n + j]: A is read with strides so one kernel does A.B and A^T.B.
static void block4x8(const float *A, int rs, int cs, const float *B, float *C, int K, int n, int acc) {
  BLOCK_VARS;
  for (int q = 0; q < K; q++) {
    const float *b = B + q * n, *a = A + q * cs;
    BLOCK_STEP(wasm_f32x4_splat(a[0]), wasm_f32x4_splat(a[rs]), wasm_f32x4_splat(a[2 * rs]), wasm_f32x4_splat(a[3 * rs]),
               wasm_v128_load(b), wasm_v128_load(b + 4));
  }
  BLOCK_STORE(C, n);
}

static void block1x4(const float *A, int cs, const float *B, float *C, int K, int n, int acc) {
  v128_t s = wasm_f32x4_splat(0);
  for (int q = 0; q < K; q++) s = MADD(s, wasm_f32x4_splat(A[q * cs]), wasm_v128_load(B + q * n));
  wasm_v128_store(C, acc ? wasm_f32x4_add(wasm_v128_load(C), s) : s);
}

static void cell(const float *A, int cs, const float *B, float *C, int K, int n, int acc) {
  float s = 0;
  for (int q = 0; q < K; q++) s += A[q * cs] * B[q * n];
  *C = acc ? *C + s : s;
}

// 4 rows of A packed as [K, 4] (into `panel`, 4 * PANEL_MAX floats the caller provides) so that one load
// and four lane splats feed a step of the 4 x 8 block; worth it when a panel serves 4 or more blocks.
#define PANEL_MAX 4096

static void block4x8p(const float *P, const float *B, float *C, int K, int n, int acc) {
  BLOCK_VARS;
  for (int q = 0; q < K; q++) {
    const float *b = B + q * n;
    v128_t av = wasm_v128_load(P + 4 * q);
    BLOCK_STEP(wasm_i32x4_shuffle(av, av, 0, 0, 0, 0), wasm_i32x4_shuffle(av, av, 1, 1, 1, 1), wasm_i32x4_shuffle(av, av, 2, 2, 2, 2),
               wasm_i32x4_shuffle(av, av, 3, 3, 3, 3), wasm_v128_load(b), wasm_v128_load(b + 4));
  }
  BLOCK_STORE(C, n);
}

__attribute__((export_name("gemm")))
void gemm(const float *A, int rs, int cs, const float *B, float *C, int M, int K, int n, int acc, float *panel) {
  int r = 0;
  int n8 = n & ~7, n4 = n & ~3;
  for (; r + 4 <= M; r += 4) {
    const float *a = A + r * rs;
    float *c = C + r * n;
    if (K <= PANEL_MAX && n8 >= 32) {
      for (int q = 0; q < K; q++) for (int i = 0; i < 4; i++) panel[4 * q + i] = a[i * rs + q * cs];
      for (int j = 0; j < n8; j += 8) block4x8p(panel, B + j, c + j, K, n, acc);
    } else {
      for (int j = 0; j < n8; j += 8) block4x8(a, rs, cs, B + j, c + j, K, n, acc);
    }
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

// ---- elementwise parts of a step (each mirrors a loop of host/ops.ts, the plain-JS fallback) ----

// Column mean and biased variance of h [rows, w], and inv = 1 / sqrt(var + eps). Float sums, as PyTorch's;
// restrict and row-major loops let clang vectorise across columns.
__attribute__((export_name("bn_stats")))
void bn_stats(const float *restrict h, int rows, int w, float *restrict mean, float *restrict var, float *restrict inv, float eps) {
  for (int j = 0; j < w; j++) mean[j] = var[j] = 0;
  for (int r = 0; r < rows; r++) for (int j = 0; j < w; j++) mean[j] += h[r * w + j];
  for (int j = 0; j < w; j++) mean[j] /= (float)rows;
  for (int r = 0; r < rows; r++) for (int j = 0; j < w; j++) { float d = h[r * w + j] - mean[j]; var[j] += d * d; }
  for (int j = 0; j < w; j++) {
    var[j] /= (float)rows;
    inv[j] = 1.0f / __builtin_sqrtf(var[j] + eps);
  }
}

// h = (h - mean) * inv in place, act = leaky ReLU(h).
__attribute__((export_name("bn_apply")))
void bn_apply(float *restrict h, float *restrict act, int rows, int w, const float *restrict mean, const float *restrict inv, float slope) {
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
// m1, m2: scratch of w floats each (column means of dn and dn * normed).
__attribute__((export_name("bn_delta")))
void bn_delta(float *restrict da, const float *restrict normed, const float *restrict inv, int rows, int w, float slope, int train,
              float *restrict m1, float *restrict m2) {
  for (int k = 0; k < rows * w; k++) da[k] = normed[k] > 0 ? da[k] : da[k] * slope;
  if (!train) {
    for (int r = 0; r < rows; r++) for (int j = 0; j < w; j++) da[r * w + j] *= inv[j];
    return;
  }
  for (int j = 0; j < w; j++) m1[j] = m2[j] = 0;
  for (int r = 0; r < rows; r++) for (int j = 0; j < w; j++) { m1[j] += da[r * w + j]; m2[j] += da[r * w + j] * normed[r * w + j]; }
  for (int j = 0; j < w; j++) { m1[j] /= (float)rows; m2[j] /= (float)rows; }
  for (int r = 0; r < rows; r++) for (int j = 0; j < w; j++) {
    int k = r * w + j;
    da[k] = (da[k] - m1[j] - normed[k] * m2[j]) * inv[j];
  }
}

// wT [out, in] = W^T for W [in, out], by 4 x 4 blocks transposed in registers.
__attribute__((export_name("transpose")))
void transpose(const float *W, float *wT, int in, int out) {
  int p = 0;
  for (; p + 4 <= in; p += 4) {
    int j = 0;
    for (; j + 4 <= out; j += 4) {
      v128_t r0 = wasm_v128_load(W + p * out + j), r1 = wasm_v128_load(W + (p + 1) * out + j);
      v128_t r2 = wasm_v128_load(W + (p + 2) * out + j), r3 = wasm_v128_load(W + (p + 3) * out + j);
      v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7);
      v128_t t2 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5), t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
      wasm_v128_store(wT + j * in + p, wasm_i64x2_shuffle(t0, t2, 0, 2));
      wasm_v128_store(wT + (j + 1) * in + p, wasm_i64x2_shuffle(t0, t2, 1, 3));
      wasm_v128_store(wT + (j + 2) * in + p, wasm_i64x2_shuffle(t1, t3, 0, 2));
      wasm_v128_store(wT + (j + 3) * in + p, wasm_i64x2_shuffle(t1, t3, 1, 3));
    }
    for (; j < out; j++) for (int k = p; k < p + 4; k++) wT[j * in + k] = W[k * out + j];
  }
  for (; p < in; p++) for (int j = 0; j < out; j++) wT[j * in + p] = W[p * out + j];
}

// exp(x) for float32 lanes: Cephes' expf (range reduction by ln 2, degree-6 polynomial; about 1 ulp).
static v128_t exp4(v128_t x) {
  x = wasm_f32x4_min(wasm_f32x4_max(x, wasm_f32x4_splat(-87.3f)), wasm_f32x4_splat(88.3f));
  v128_t n = wasm_f32x4_nearest(wasm_f32x4_mul(x, wasm_f32x4_splat(1.44269504088896341f)));
  v128_t r = wasm_f32x4_sub(x, wasm_f32x4_mul(n, wasm_f32x4_splat(0.693359375f)));
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(n, wasm_f32x4_splat(-2.12194440e-4f)));
  v128_t p = wasm_f32x4_splat(1.9875691500E-4f);
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.3981999507E-3f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(8.3334519073E-3f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(4.1665795894E-2f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.6666665459E-1f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(5.0000001201E-1f));
  p = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_mul(p, r), r), r), wasm_f32x4_splat(1.0f));
  v128_t scale = wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n), wasm_i32x4_splat(127)), 23);
  return wasm_f32x4_mul(p, scale);
}

// x = 1 / (1 + exp(-x)) in place (the decoder's output); the tail goes through a padded lane block.
__attribute__((export_name("sigmoid")))
void sigmoid(float *x, int n) {
  v128_t one = wasm_f32x4_splat(1.0f);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t v = wasm_v128_load(x + i);
    wasm_v128_store(x + i, wasm_f32x4_div(one, wasm_f32x4_add(one, exp4(wasm_f32x4_neg(v)))));
  }
  if (i < n) {
    float t[4] = {0, 0, 0, 0};
    for (int k = i; k < n; k++) t[k - i] = x[k];
    v128_t v = wasm_f32x4_div(one, wasm_f32x4_add(one, exp4(wasm_f32x4_neg(wasm_v128_load(t)))));
    wasm_v128_store(t, v);
    for (int k = i; k < n; k++) x[k] = t[k - i];
  }
}

// Autoencoder MSE: dOut = 2 (xr - x) / n; returns sum (xr - x)^2.
__attribute__((export_name("mse_grad")))
double mse_grad(const float *restrict xr, const float *restrict x, float *restrict dOut, int n) {
  double sq = 0;
  float scale = 2.0f / (float)n;
  for (int k = 0; k < n; k++) {
    float diff = xr[k] - x[k];
    sq += (double)diff * diff;
    dOut[k] = diff * scale;
  }
  return sq;
}

// Back through the sigmoid: d = dOut * out * (1 - out).
__attribute__((export_name("sigmoid_grad")))
void sigmoid_grad(const float *restrict dOut, const float *restrict out, float *restrict d, int n) {
  for (int k = 0; k < n; k++) d[k] = dOut[k] * out[k] * (1.0f - out[k]);
}

// PyTorch's Adam step in float32 (coupled weight decay, eps outside the sqrt) over n parameters.
__attribute__((export_name("adam")))
void adam(float *restrict theta, const float *restrict grad, float *restrict m, float *restrict v, int n, float lrHat, float b1, float b2, float wd, float eps, float sqrtBc2) {
  for (int i = 0; i < n; i++) {
    float g = grad[i] + wd * theta[i];
    m[i] = b1 * m[i] + (1.0f - b1) * g;
    v[i] = b2 * v[i] + (1.0f - b2) * g * g;
    theta[i] -= lrHat * m[i] / (__builtin_sqrtf(v[i]) / sqrtBc2 + eps);
  }
}

// clang turns some loops into memset/memcpy calls; there is no libc here, so they are defined once.
void *memset(void *dst, int v, unsigned long len) {
  unsigned char *d = dst;
  while (len--) *d++ = (unsigned char)v;
  return dst;
}

void *memcpy(void *dst, const void *src, unsigned long len) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (len--) *d++ = *s++;
  return dst;
}
