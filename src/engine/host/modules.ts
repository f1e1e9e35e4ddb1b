// The committed wasm builds (gemmWasm.ts) as bytes and compiled modules, and where free memory starts in them.
import { GEMM_RELAXED_WASM_BASE64, GEMM_SHARED_WASM_BASE64, GEMM_WASM_BASE64 } from './gemmWasm';

export type Build = 'relaxed' | 'simd' | 'shared';

const BASE64: Record<Build, string> = { relaxed: GEMM_RELAXED_WASM_BASE64, simd: GEMM_WASM_BASE64, shared: GEMM_SHARED_WASM_BASE64 };

export function wasmBytes(b: Build): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(BASE64[b]), (ch) => ch.charCodeAt(0));
}

const compiled = new Map<Build, WebAssembly.Module | null>();

/** The compiled build, or null where this engine cannot run it (relaxed SIMD is off in Node 20 by default). */
export function moduleOf(b: Build): WebAssembly.Module | null {
  if (!compiled.has(b)) {
    let mod: WebAssembly.Module | null = null;
    try {
      const bytes = wasmBytes(b);
      if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) mod = new WebAssembly.Module(bytes);
    } catch {
      mod = null;
    }
    compiled.set(b, mod);
  }
  return compiled.get(b)!;
}

/** Where free memory starts (64-byte aligned): the module's stack sits below __heap_base. */
export function heapBase(exports: WebAssembly.Exports): number {
  return Math.ceil((exports.__heap_base as WebAssembly.Global).value / 64) * 64;
}
