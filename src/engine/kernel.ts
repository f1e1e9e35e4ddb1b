// Which implementation trains: the host kernel (flat arrays + a SIMD matrix product) where the tensors live
// on the host anyway (tfjs wasm and cpu backends), the tensor path (backprop.ts) on GPU backends.
import { tf } from './tf';
import { bestVariant } from './host/arena';
import { threadsInstalled } from './host/threads';

export type KernelChoice = 'auto' | 'host' | 'tensor';

let choice: KernelChoice = 'auto';

/** 'auto' (the default) decides by backend; tests and the benchmark pin one to compare them. */
export function setKernel(k: KernelChoice): void {
  choice = k;
}

export function hostKernelActive(): boolean {
  if (choice !== 'auto') return choice === 'host';
  const b = tf.getBackend();
  // without WebAssembly SIMD the host kernel's plain-JS loops lose to tfjs's own kernels on wide layers
  return (b === 'wasm' || b === 'cpu') && bestVariant() !== 'js';
}

/** One phrase for the page: what trains on the current backend. */
export function kernelDescription(): string {
  if (!hostKernelActive()) return 'tfjs tensor ops (hand-written backward)';
  const v = bestVariant();
  if (v === 'relaxed' && threadsInstalled()) return 'host kernel, WebAssembly SIMD with fused multiply-add, 2 threads';
  return v === 'relaxed' ? 'host kernel, WebAssembly SIMD with fused multiply-add' : v === 'simd' ? 'host kernel, WebAssembly SIMD' : 'host kernel, plain JavaScript';
}
