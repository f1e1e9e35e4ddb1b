// Between tensors and the host kernel: reads on the wasm/cpu backends are plain copies, so they are cheap.
import { tf, type Tensor1D } from '../tf';
import type { BnStats } from '../network';
import type { HostBn } from './net';

export function bnToHost(stats: BnStats[]): HostBn[] {
  return stats.map((s) => ({ mean: Float32Array.from(s.mean.dataSync()), variance: Float32Array.from(s.variance.dataSync()) }));
}

export function bnToTensors(stats: HostBn[]): BnStats[] {
  return stats.map((s) => ({ mean: tf.tensor1d(s.mean) as Tensor1D, variance: tf.tensor1d(s.variance) as Tensor1D }));
}

export function freshHostBn(widths: number[]): HostBn[] {
  return widths.map((w) => ({ mean: new Float32Array(w), variance: new Float32Array(w).fill(1) }));
}

/** Copies rows order[from .. from + count) of the row-major [*, d] matrix `data` into `out`: a plain loop, as a subarray
 * per row allocated ~9 % of an nslkdd stage (1,024 rows a step). */
export function gatherRows(data: Float32Array, d: number, order: ArrayLike<number>, from: number, count: number, out: Float32Array): void {
  for (let r = 0; r < count; r++) {
    const src = order[from + r] * d;
    const dst = r * d;
    for (let k = 0; k < d; k++) out[dst + k] = data[src + k];
  }
}

/** NumPy's linear median of sqrt(D) (the radius update, algorithm.md 5.6). */
export function medianSqrt(D: Float32Array): number {
  const v = Float32Array.from(D, (x) => Math.sqrt(x)).sort();
  const pos = 0.5 * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return Math.fround(v[lo] + (v[hi] - v[lo]) * (pos - lo));
}
