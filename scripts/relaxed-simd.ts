// Node 20 has WebAssembly relaxed SIMD behind a V8 flag (Chromium and newer Node ship it): turn it on before
// the host kernel compiles its module, so Node runs the same fused multiply-add build as the browser.
import { setFlagsFromString } from 'node:v8';
import { wasmBytes } from '../src/engine/host/modules';

export function enableRelaxedSimd(): boolean {
  const bytes = wasmBytes('relaxed');
  if (WebAssembly.validate(bytes)) return true;
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  return WebAssembly.validate(bytes);
}
