// Two threads for the host kernel: every arena takes a region of one shared memory, and a helper thread that
// runs the same module computes the lower rows of each large matrix product while this thread does the upper.
// The engine only knows the protocol; whoever can start a thread (the Node CLI: scripts/gemm-thread.ts) does.
import { heapBase, moduleOf } from './modules';
import { GEMM_PANEL_FLOATS } from './ops';

/** Control words shared with the helper (Int32Array over a SharedArrayBuffer). */
export const CTL = { state: 0, stop: 1, helperAsleep: 2, mainAsleep: 3, args: 4 } as const;
export const CTL_WORDS = 16;
/** state values */
export const IDLE = 0;
export const POSTED = 1;
export const DONE = 2;

/** Products smaller than this many multiply-adds stay on one thread (the hand-over costs a few microseconds). */
const SPLIT_MIN = 200_000;
const PANEL_BYTES = GEMM_PANEL_FLOATS * 4;

export interface ThreadSetup {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: Int32Array;
  /** byte offset of the helper's own packing panel */
  helperPanel: number;
}

interface Pool {
  setup: ThreadSetup;
  gemm: (...args: number[]) => number;
  exports: WebAssembly.Exports;
  mainPanel: number;
  top: number;
  regions: Array<{ start: number; end: number; free: boolean }>;
  /** set once the helper says it is ready: until then arenas keep to one thread */
  active: boolean;
}

let pool: Pool | null = null;

/** The shared build, or null where this engine lacks threads or relaxed SIMD. */
export function sharedModule(): WebAssembly.Module | null {
  return typeof SharedArrayBuffer === 'function' ? moduleOf('shared') : null;
}

/**
 * Lays out a fresh shared memory (module stack, two packing panels, then arenas). Returns what the helper thread
 * needs; the caller starts it and, once it is ready, calls activateThreads: from then on new arenas use it.
 */
export function installThreads(module: WebAssembly.Module, memory: WebAssembly.Memory, control: Int32Array): ThreadSetup {
  const inst = new WebAssembly.Instance(module, { env: { memory } });
  const base = heapBase(inst.exports);
  const setup = { module, memory, control, helperPanel: base + PANEL_BYTES };
  pool = { setup, gemm: inst.exports.gemm as Pool['gemm'], exports: inst.exports, mainPanel: base, top: base + 2 * PANEL_BYTES, regions: [], active: false };
  return setup;
}

export function activateThreads(): void {
  if (pool) pool.active = true;
}

/** Back to one thread (new arenas get their own memory again); tells the helper to stop. */
export function uninstallThreads(): void {
  if (!pool) return;
  Atomics.store(pool.setup.control, CTL.stop, 1);
  Atomics.notify(pool.setup.control, CTL.state);
  pool = null;
}

export function threadsInstalled(): boolean {
  return pool !== null && pool.active;
}

/** A region of the shared memory for one arena: [start, start + bytes), grown into when needed. */
export function takeRegion(bytes: number): { buffer: ArrayBufferLike; start: number; exports: WebAssembly.Exports; mainPanel: number } {
  const p = pool!;
  const start = Math.ceil(p.top / 64) * 64;
  const end = start + bytes;
  const have = p.setup.memory.buffer.byteLength;
  if (end > have) p.setup.memory.grow(Math.ceil((end - have) / 65536));
  p.regions.push({ start, end, free: false });
  p.top = end;
  new Uint8Array(p.setup.memory.buffer, start, bytes).fill(0); // arenas start zeroed, as a fresh memory is
  return { buffer: p.setup.memory.buffer, start, exports: p.exports, mainPanel: p.mainPanel };
}

/** Frees an arena's region; the top comes down over every free region at the end (arenas mostly nest). */
export function giveRegion(start: number): void {
  if (!pool) return;
  const r = pool.regions.find((x) => x.start === start);
  if (r) r.free = true;
  while (pool.regions.length && pool.regions[pool.regions.length - 1].free) pool.regions.pop();
  pool.top = pool.regions.length ? pool.regions[pool.regions.length - 1].end : pool.mainPanel + 2 * PANEL_BYTES;
}

/**
 * The helper's share of the rows, per product shape. It reads data this thread has just written (activations,
 * gradients, updated weights) from the other core's cache, so it can be slower per row than here, more so for
 * some products than others; each share follows who waited last.
 */
const shares = new Map<number, number>();

/**
 * C = A.B (or A^T.B) on two threads when large: rows [0, m1) here, [m1, m) on the helper, m1 a multiple of 4
 * so both sides block rows exactly as one thread would (the result is bit-identical whatever the share).
 */
export function splitGemm(a: number, rs: number, cs: number, b: number, c: number, m: number, k: number, n: number, acc: number): void {
  const p = pool!;
  if (m < 8 || m * k * n < SPLIT_MIN) {
    p.gemm(a, rs, cs, b, c, m, k, n, acc, p.mainPanel);
    return;
  }
  const key = ((m * 4099 + k) * 4099 + n) * 2 + (rs === 1 ? 1 : 0);
  let share = shares.get(key) ?? 0.45;
  const m1 = Math.min((m - 4) & ~3, (Math.round(m * (1 - share)) + 3) & ~3);
  const ctl = p.setup.control;
  const args = [a + m1 * rs * 4, rs, cs, b, c + m1 * n * 4, m - m1, k, n, acc];
  for (let i = 0; i < args.length; i++) ctl[CTL.args + i] = args[i];
  Atomics.store(ctl, CTL.state, POSTED);
  // waking a sleeping thread is a system call: only when the helper went to sleep (idle for a while)
  if (Atomics.load(ctl, CTL.helperAsleep) === 1) Atomics.notify(ctl, CTL.state);
  p.gemm(a, rs, cs, b, c, m1, k, n, acc, p.mainPanel);
  let spins = 0;
  if (Atomics.load(ctl, CTL.state) === DONE) share = Math.min(0.5, share + 0.01);
  while (Atomics.load(ctl, CTL.state) !== DONE) {
    if (spins === 100) share = Math.max(0.1, share - 0.01);
    // spin while the helper works; past that, sleep until it notifies (a descheduled helper, say)
    if (++spins > 1e6) {
      Atomics.store(ctl, CTL.mainAsleep, 1);
      const r = Atomics.wait(ctl, CTL.state, POSTED, 10_000);
      Atomics.store(ctl, CTL.mainAsleep, 0);
      if (r === 'timed-out' && Atomics.load(ctl, CTL.state) !== DONE) throw new Error('host kernel: the helper thread did not answer within 10 s');
    }
  }
  Atomics.store(ctl, CTL.state, IDLE);
  shares.set(key, share);
}
