// Main-thread side of the worker: starts it, sends typed commands, hands events to one listener. No tfjs here.
import type { RawData } from '../core/types';
import type { Command, WorkerEvent } from './protocol';

export interface LabPort {
  send(cmd: Command): void;
}

export class LabClient implements LabPort {
  private readonly worker: Worker;

  constructor(onEvent: (ev: WorkerEvent) => void, onCrash: (message: string) => void) {
    this.worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'svdd-lab' });
    this.worker.onmessage = (e: MessageEvent<WorkerEvent>) => onEvent(e.data);
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      onCrash(`The training worker crashed: ${e.message || 'unknown error'}. Reload the page to start again.`);
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
