// Node hosts the engine on tfjs-backend-wasm (default) or the plain JS cpu backend.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { useBackend, type BackendName } from '../src/engine/backend';
import { enableRelaxedSimd } from './relaxed-simd';

export async function nodeBackend(name: BackendName = 'wasm'): Promise<void> {
  if (name !== 'wasm' && name !== 'cpu') throw new Error(`Node offers the wasm and cpu backends, not ${name}.`);
  enableRelaxedSimd();
  await useBackend(name);
}
