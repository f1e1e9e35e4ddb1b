import { enableRelaxedSimd } from './relaxed-simd';
import { Arena, useVariant } from '../src/engine/host/arena';
enableRelaxedSimd();
for (const v of ['simd', 'relaxed'] as const) {
  useVariant(v);
  const a = new Arena(1 << 20);
  for (const [M, K, N, tn] of [[128, 274, 128, 0], [274, 128, 128, 1], [128, 128, 274, 0], [128, 128, 64, 0], [128, 32, 16, 0]]) {
    const A = a.alloc(M * K).map(() => Math.random()), B = a.alloc(K * N).map(() => Math.random()), C = a.alloc(M * N);
    const rs = tn ? 1 : K, cs = tn ? M : 1;
    for (let i = 0; i < 50; i++) a.ops.gemm(A, rs, cs, B, C, M, K, N, true);
    const reps = 1000, t = performance.now();
    for (let i = 0; i < reps; i++) a.ops.gemm(A, rs, cs, B, C, M, K, N, true);
    const dt = (performance.now() - t) / reps;
    console.log(a.variant, M, K, N, tn ? 'tn' : 'nn', (dt * 1000).toFixed(1), 'us', ((M * K * N) / dt / 1e6).toFixed(2), 'GMAC/s');
  }
}
