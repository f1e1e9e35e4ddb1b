// Main-thread side of the lab worker: starts it, sends typed commands, hands its messages to one listener. No tfjs here.
import type { RawData } from '../core/types';
import type { Command, WorkerMessage } from '../protocol';

export interface LabPort {
  send(cmd: Command): void;
}

/** The part of a Worker the client uses, so tests can drive it with a fake. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

/** The test commands are obeyed only by a worker started for a page opened with ?test. */
export const testPage = (): boolean => typeof location !== 'undefined' && new URLSearchParams(location.search).has('test');

/** The real lab worker (Vite bundles it from these static `new Worker(new URL(...))` expressions). */
export const labWorker: WorkerFactory = () =>
  testPage()
    ? new Worker(new URL('../worker/lab.worker.ts', import.meta.url), { type: 'module', name: 'svdd-lab test' })
    : new Worker(new URL('../worker/lab.worker.ts', import.meta.url), { type: 'module', name: 'svdd-lab' });

/** float64 values copied per task when the page's dataset is copied for the worker (8 MB) */
export const COPY_SLICE = 1 << 20;

/** Yields to the event loop (a message, not a clamped timer), so the page can draw between two slices of work. */
export const nextTask = (): Promise<void> => new Promise((resolve) => {
  if (typeof MessageChannel === 'undefined') return void setTimeout(resolve, 0);
  const ch = new MessageChannel();
  ch.port1.onmessage = () => (ch.port1.close(), resolve());
  ch.port2.postMessage(0);
});

/** A copy of `values` made `per` values a task, so a large matrix is never copied in one long task. */
export async function copyInSlices(values: Float64Array, per = COPY_SLICE, pause = nextTask): Promise<Float64Array> {
  const out = new Float64Array(values.length);
  for (let a = 0; a < values.length; a += per) {
    if (a > 0) await pause();
    out.set(values.subarray(a, a + per), a);
  }
  return out;
}

export class LabClient implements LabPort {
  private readonly worker: WorkerLike;
  /** commands sent while a large dataset is being copied: they follow it, in order */
  private waiting: Command[] | null = null;

  constructor(onMessage: (ev: WorkerMessage) => void, onCrash: (message: string) => void, make: WorkerFactory = labWorker, private readonly copySlice = COPY_SLICE) {
    this.worker = make();
    this.worker.onmessage = (e: MessageEvent<WorkerMessage>) => onMessage(e.data);
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      onCrash(`The training worker crashed: ${e.message || 'unknown error'}.`);
    };
    this.worker.onmessageerror = () => onCrash('A message from the training worker could not be read.');
  }

  send(cmd: Command): void {
    if (this.waiting) {
      this.waiting.push(cmd);
      return;
    }
    if (cmd.type !== 'setData') return this.worker.postMessage(cmd);
    // the page keeps its copy for plotting; the worker gets its own, transferred (a large one copied a slice a task)
    if (cmd.data.values.length <= this.copySlice) return this.postData(cmd, cmd.data.values.slice());
    this.waiting = [];
    void copyInSlices(cmd.data.values, this.copySlice).then((values) => {
      this.postData(cmd, values);
      const rest = this.waiting ?? [];
      this.waiting = null;
      while (rest.length > 0) {
        this.send(rest.shift()!);
        // another large dataset started copying: the rest waits for it
        if (this.waiting) {
          (this.waiting as Command[]).push(...rest);
          break;
        }
      }
    });
  }

  private postData(cmd: Extract<Command, { type: 'setData' }>, values: Float64Array): void {
    const data: RawData = { ...cmd.data, values, labels: cmd.data.labels ? cmd.data.labels.slice() : null };
    this.worker.postMessage({ ...cmd, data }, [values.buffer]);
  }

  terminate(): void {
    this.worker.terminate();
  }
}
