// One block of float32 memory per run of the host kernel, shared with its SIMD operations (gemm.c).
// Views are handed out once and never move: the size is planned first (a counting pass), then allocated.
import { heapBase, moduleOf } from './modules';
import { GEMM_PANEL_FLOATS, type Ops, jsOps, wasmOps } from './ops';
import { giveRegion, splitGemm, takeRegion, threadsInstalled } from './threads';

export type Variant = 'relaxed' | 'simd' | 'js';

const bases = new WeakMap<WebAssembly.Module, number>();

function baseOf(mod: WebAssembly.Module): number {
  if (!bases.has(mod)) bases.set(mod, heapBase(new WebAssembly.Instance(mod, { env: { memory: new WebAssembly.Memory({ initial: 16 }) } }).exports));
  return bases.get(mod)!;
}

/** The module of a variant (null for the JS loops, or where this engine lacks the build). */
const moduleOfVariant = (v: Variant): WebAssembly.Module | null => (v === 'js' ? null : moduleOf(v));

let pinned: Variant | null = null;
/** Tests and the benchmark pin a variant; by default the best this engine runs: relaxed, then simd, then js. */
export function useVariant(v: Variant | null): void {
  pinned = v;
}

/** The variant a new arena gets. */
export function bestVariant(): Variant {
  if (pinned) return pinned === 'js' || moduleOfVariant(pinned) ? pinned : 'js';
  return moduleOf('relaxed') ? 'relaxed' : moduleOf('simd') ? 'simd' : 'js';
}

const ALIGN = 4; // floats: 16-byte aligned views for SIMD loads

export class Arena {
  readonly f32: Float32Array;
  private top: number;
  /** the array operations, on this arena's memory */
  readonly ops: Ops;

  readonly variant: Variant;
  private limit: number;
  /** start of this arena's region of the shared memory when two threads work (null: its own memory) */
  private region: number | null = null;

  /** `floats` = 0 makes a counting arena: alloc returns empty views and `used` says how much a real one needs. */
  constructor(floats: number) {
    this.variant = floats > 0 ? bestVariant() : 'js';
    const mod = moduleOfVariant(this.variant);
    if (mod && this.variant === 'relaxed' && threadsInstalled()) {
      const r = takeRegion(floats * 4 + 64);
      this.region = r.start;
      this.ops = wasmOps(r.exports, r.mainPanel, splitGemm);
      this.f32 = new Float32Array(r.buffer);
      this.top = r.start / 4;
      this.limit = this.top + floats + 16;
      return;
    }
    if (mod) {
      const base = baseOf(mod);
      const panelBytes = GEMM_PANEL_FLOATS * 4;
      const memory = new WebAssembly.Memory({ initial: Math.ceil((base + panelBytes + floats * 4 + 64) / 65536) });
      const inst = new WebAssembly.Instance(mod, { env: { memory } });
      this.ops = wasmOps(inst.exports, base);
      this.f32 = new Float32Array(memory.buffer);
      this.top = (base + panelBytes) / 4;
    } else {
      this.ops = jsOps;
      this.f32 = new Float32Array(floats);
      this.top = 0;
    }
    this.limit = this.f32.length;
  }

  /** Gives a shared-memory region back (arenas with their own memory are left to the garbage collector). */
  release(): void {
    if (this.region !== null) giveRegion(this.region);
    this.region = null;
  }

  get threaded(): boolean {
    return this.region !== null;
  }

  get counting(): boolean {
    return this.f32.length === 0;
  }

  get used(): number {
    return this.top;
  }

  alloc(n: number): Float32Array {
    const start = Math.ceil(this.top / ALIGN) * ALIGN;
    this.top = start + n;
    if (this.counting) return this.f32;
    if (this.top > this.limit) throw new Error(`host kernel: arena overflow (${this.top} > ${this.limit} floats)`);
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
