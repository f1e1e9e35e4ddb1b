// Cooperative scheduling for long loops: yield to the event loop now and then, honour pause and cancel.

export interface LoopHooks {
  signal?: AbortSignal;
  /** awaited at each yield point; a pending promise pauses the run */
  gate?(): Promise<void>;
}

export class AbortError extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'AbortError';
  }
}

const YIELD_EVERY_MS = 25;

const macrotask: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((r) => setImmediate(r))
    : () => new Promise((r) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => r();
        ch.port2.postMessage(0);
      });

export class Ticker {
  private last = performance.now();
  constructor(private readonly hooks: LoopHooks = {}) {}

  /** Cheap when called often: only yields once every YIELD_EVERY_MS. */
  async tick(force = false): Promise<void> {
    if (this.hooks.signal?.aborted) throw new AbortError();
    const now = performance.now();
    if (!force && now - this.last < YIELD_EVERY_MS && !this.hooks.gate) return;
    if (force || now - this.last >= YIELD_EVERY_MS) {
      await macrotask();
      this.last = performance.now();
    }
    if (this.hooks.gate) await this.hooks.gate();
    if (this.hooks.signal?.aborted) throw new AbortError();
  }
}
