// Progress to the page at most every 100 ms (and at each new phase and last epoch), with the epoch losses since.
import type { ProgressEvent } from '../core/types';
import type { EpochLoss, WorkerEvent } from '../protocol';

const PROGRESS_EVERY_MS = 100;

export class ProgressRelay {
  private pending: EpochLoss[] = [];
  private sentAt = 0;
  private lastPhase: string | null = null;
  private last: ProgressEvent | null = null;

  constructor(private readonly post: (ev: WorkerEvent) => void) {}

  add(e: ProgressEvent): void {
    if (e.loss !== null && e.epoch > 0 && (e.phase === 'pretrain' || e.phase === 'train')) {
      this.pending.push({ stage: e.stage, phase: e.phase, epoch: e.epoch, loss: e.loss });
    }
    this.last = e;
    const now = performance.now();
    if (e.phase !== this.lastPhase || now - this.sentAt >= PROGRESS_EVERY_MS || e.epoch === e.epochs) {
      this.lastPhase = e.phase;
      this.flush();
    }
  }

  /** Sends what is held back (the last progress and its losses), if anything arrived since the last send. */
  flush(): void {
    if (!this.last) return;
    this.post({ type: 'progress', progress: this.last, losses: this.pending });
    this.pending = [];
    this.sentAt = performance.now();
  }
}
