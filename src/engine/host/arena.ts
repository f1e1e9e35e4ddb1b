// One block of float32 memory per run of the host kernel, shared with its SIMD operations (gemm.c).
// Views are handed out once and never move: the size is planned first (a counting pass), then allocated.
import { GEMM_WASM_BASE64 } from './gemmWasm';
import { type Ops, jsOps, wasmOps } from './ops';

let compiled: WebAssembly.Module | null | undefined;

/** The compiled SIMD module, or null where WebAssembly or its SIMD extension is missing (plain JS then). */
function gemmModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(GEMM_WASM_BASE64), (ch) => ch.charCodeAt(0));
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

let forceJs = false;
/** Tests run both implementations of the product; nothing else should call this. */
export function useJsGemm(on: boolean): void {
  forceJs = on;
}

const ALIGN = 4; // floats: 16-byte aligned views for SIMD loads

export class Arena {
  readonly f32: Float32Array;
  private top: number;
  /** the array operations, on this arena's memory */
  readonly ops: Ops;

  /** `floats` = 0 makes a counting arena: alloc returns empty views and `used` says how much a real one needs. */
  constructor(floats: number) {
    const mod = floats > 0 && !forceJs ? gemmModule() : null;
    if (mod) {
      const base = 2 * 65536; // the module's stack sits below __heap_base (66560); keep two pages for it
      const memory = new WebAssembly.Memory({ initial: Math.ceil((base + floats * 4 + 64) / 65536) });
      const inst = new WebAssembly.Instance(mod, { env: { memory } });
      this.ops = wasmOps(inst.exports);
      this.f32 = new Float32Array(memory.buffer);
      this.top = base / 4;
    } else {
      this.ops = jsOps;
      this.f32 = new Float32Array(floats);
      this.top = 0;
    }
  }

  get counting(): boolean {
    return this.f32.length === 0;
  }

  get used(): number {
    return this.top;
  }

  get simd(): boolean {
    return this.ops !== jsOps;
  }

  alloc(n: number): Float32Array {
    const start = Math.ceil(this.top / ALIGN) * ALIGN;
    this.top = start + n;
    if (this.counting) return this.f32;
    if (this.top > this.f32.length) throw new Error(`host kernel: arena overflow (${this.top} > ${this.f32.length} floats)`);
    return this.f32.subarray(start, start + n);
  }
}

/** Runs `plan` on a counting arena, then again on a real one of exactly the size it asked for. */
export function planned<T>(plan: (arena: Arena) => T): { arena: Arena; value: T } {
  const counter = new Arena(0);
  plan(counter);
  const arena = new Arena(counter.used + 64);
  return { arena, value: plan(arena) };
}
