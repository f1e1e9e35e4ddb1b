// The test commands' effects: a lost device at the next epoch, a crash (now or at the next epoch), a silent stop.
import type { ProgressEvent } from '../core/types';
import type { TestCommand } from '../protocol';

export interface SabotageHooks {
  /** obey the test commands (a page opened with ?test); otherwise they are refused */
  testHooks?: boolean;
  /** how the worker dies for debugCrash (an uncaught error) and debugStop (a silent close) */
  crash?(): void;
  stop?(): void;
}

export class Sabotage {
  /** training halts here (the gate never opens) until the crash, which comes outside the engine's error handling */
  frozen = false;
  private failNext = false;
  private crashArmed = false;

  constructor(private readonly hooks: SabotageHooks) {}

  /** Carries out a test command; the refusal as a sentence when the page did not ask for them. */
  obey(cmd: TestCommand): string | null {
    if (!this.hooks.testHooks) return `The test command '${cmd.type}' is only obeyed on a page opened with ?test.`;
    if (cmd.type === 'debugFailNext') this.failNext = true;
    else if (cmd.type === 'debugStop') this.hooks.stop?.();
    else if (cmd.atNextEpoch) this.crashArmed = true;
    else this.crash();
    return null;
  }

  /** Called at every progress callback of the engine: where armed sabotage strikes. */
  onProgress(e: ProgressEvent): void {
    if (this.crashArmed && e.epoch > 0) {
      this.crashArmed = false;
      this.crash();
    }
    if (this.failNext) {
      this.failNext = false;
      throw new Error('Simulated GPU device loss (test hook).');
    }
  }

  private crash(): void {
    this.frozen = true;
    this.hooks.crash?.();
  }
}
