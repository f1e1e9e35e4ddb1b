// Node hosts the engine on tfjs-backend-wasm (default) or the plain JS cpu backend.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { useBackend, type BackendName } from '../src/engine/backend';
import { enableRelaxedSimd } from './relaxed-simd';
import { startGemmThread } from './gemm-thread';

/** `threads`: 2 lets the host kernel split large matrix products with a helper thread (same results, bit for bit). */
export async function nodeBackend(name: BackendName = 'wasm', threads = 2): Promise<void> {
  if (name !== 'wasm' && name !== 'cpu') throw new Error(`Node offers the wasm and cpu backends, not ${name}.`);
  if (threads !== 1 && threads !== 2) throw new Error(`--threads must be 1 or 2, not ${threads}.`);
  enableRelaxedSimd();
  if (threads === 2) await startGemmThread();
  await useBackend(name);
}
