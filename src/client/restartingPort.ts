// A worker port that starts a fresh worker when the old one crashes or falls silent, within a crash budget.
import type { Command, WorkerEvent, WorkerMessage } from '../protocol';
import { CrashBudget } from './crashBudget';
import { LabClient, labWorker, type LabPort, type WorkerFactory } from './labClient';

export interface RestartOptions {
  make?: WorkerFactory;
  /** ping the worker when it has said nothing for this long (ms) */
  pingEveryMs?: number;
  /** a worker that has said nothing (not even a pong) for this long has stopped (ms) */
  silentAfterMs?: number;
  budget?: CrashBudget;
  /** the budget is spent: the worker stays down; `why` is the last crash, `crashes` how many fell in the window */
  onGiveUp?(why: string, crashes: number): void;
  now?(): number;
}

export class RestartingPort implements LabPort {
  private client: LabClient;
  private heardAt: number;
  private pings = 0;
  private down = false;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly make: WorkerFactory;
  private readonly silentAfterMs: number;
  private readonly pingEveryMs: number;
  private readonly budget: CrashBudget;
  private readonly now: () => number;

  constructor(
    private readonly onEvent: (ev: WorkerEvent) => void,
    private readonly onRestart: (why: string) => void,
    private readonly opts: RestartOptions = {},
  ) {
    this.make = opts.make ?? labWorker;
    this.pingEveryMs = opts.pingEveryMs ?? 2000;
    this.silentAfterMs = opts.silentAfterMs ?? 20_000;
    this.budget = opts.budget ?? new CrashBudget();
    this.now = opts.now ?? Date.now;
    this.heardAt = this.now();
    this.client = this.start();
    this.timer = setInterval(() => this.watch(), Math.min(this.pingEveryMs, this.silentAfterMs / 4));
  }

  send(cmd: Command): void {
    if (!this.down) this.client.send(cmd);
  }

  /** Stops watching and ends the worker (a page that closes its lab). */
  dispose(): void {
    clearInterval(this.timer);
    this.down = true;
    this.client.terminate();
  }

  private start(): LabClient {
    this.heardAt = this.now();
    return new LabClient((m) => this.heard(m), (message) => this.crashed(message.replace(/^The training worker crashed: /, '').replace(/\.$/, '')), this.make);
  }

  private heard(m: WorkerMessage): void {
    this.heardAt = this.now();
    if (m.type !== 'pong') this.onEvent(m);
  }

  private watch(): void {
    if (this.down) return;
    const quiet = this.now() - this.heardAt;
    if (quiet >= this.silentAfterMs) this.crashed(`no answer for ${Math.round(quiet / 1000)} s`);
    else if (quiet >= this.pingEveryMs) this.client.send({ type: 'ping', id: ++this.pings });
  }

  private crashed(why: string): void {
    if (this.down) return;
    this.client.terminate();
    const now = this.now();
    if (!this.budget.record(now)) {
      this.down = true;
      clearInterval(this.timer);
      this.opts.onGiveUp?.(why, this.budget.recent(now));
      return;
    }
    this.client = this.start();
    this.onRestart(why);
  }
}
