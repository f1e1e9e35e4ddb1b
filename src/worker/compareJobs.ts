// The strategy comparison in the worker: its own Sessions and abort signal, so the user's session is untouched.
import type { RawData } from '../core/types';
import type { LabCommand, WorkerEvent } from '../protocol';
import { runBatch } from './compare';

type CompareCommand = Extract<LabCommand, { type: 'compare' }>;

export class CompareJobs {
  private running: { id: number; ctl: AbortController } | null = null;
  private readonly cancelled = new Set<number>();

  constructor(private readonly post: (ev: WorkerEvent) => void) {}

  /** Stops batch `id` at once, or before it starts when it is still queued. */
  cancel(id: number): void {
    if (this.running?.id === id) this.running.ctl.abort();
    else this.cancelled.add(id);
  }

  async run(cmd: CompareCommand, data: RawData | null, backend: string | null): Promise<void> {
    const ctl = new AbortController();
    this.running = { id: cmd.id, ctl };
    if (this.cancelled.delete(cmd.id)) ctl.abort();
    let sentAt = 0;
    let sentPhase = '';
    try {
      if (!data) throw new Error('No dataset is loaded yet.');
      if (ctl.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      await runBatch(data, cmd.runs, cmd.seeds, {
        signal: ctl.signal,
        onProgress: (run, of, key, seed, e) => {
          const now = performance.now();
          const tag = `${run}:${e.stage}:${e.phase}`;
          if (tag === sentPhase && now - sentAt < 250) return;
          sentAt = now;
          sentPhase = tag;
          this.post({ type: 'compareProgress', id: cmd.id, run, of, key, seed, stage: e.stage, phase: e.phase, epoch: e.epoch, epochs: e.epochs });
        },
        onResult: (run, of, result) => this.post({ type: 'compareResult', id: cmd.id, run, of, result }),
      });
      this.post({ type: 'compareDone', id: cmd.id, cancelled: false, error: null, backend });
    } catch (e) {
      const cancelled = isAbort(e) || ctl.signal.aborted;
      this.post({ type: 'compareDone', id: cmd.id, cancelled, error: cancelled ? null : e instanceof Error ? e.message : String(e), backend });
    } finally {
      this.running = null;
    }
  }
}

export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
