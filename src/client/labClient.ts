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

export class LabClient implements LabPort {
  private readonly worker: WorkerLike;

  constructor(onMessage: (ev: WorkerMessage) => void, onCrash: (message: string) => void, make: WorkerFactory = labWorker) {
    this.worker = make();
    this.worker.onmessage = (e: MessageEvent<WorkerMessage>) => onMessage(e.data);
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      onCrash(`The training worker crashed: ${e.message || 'unknown error'}.`);
    };
    this.worker.onmessageerror = () => onCrash('A message from the training worker could not be read.');
  }

  send(cmd: Command): void {
    if (cmd.type === 'setData') {
      // the page keeps its copy for plotting; the worker gets its own, transferred
      const values = cmd.data.values.slice();
      const data: RawData = { ...cmd.data, values, labels: cmd.data.labels ? cmd.data.labels.slice() : null };
      this.worker.postMessage({ ...cmd, data }, [values.buffer]);
      return;
    }
    this.worker.postMessage(cmd);
  }

  terminate(): void {
    this.worker.terminate();
  }
}
