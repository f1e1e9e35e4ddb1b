// The lab worker as a class: owns the engine Session, runs commands one at a time, streams progress and snapshots.
import { Session } from '../engine/session';
import type { Label, ProgressEvent, RawData, RunConfig } from '../core/types';
import type { OracleKind } from '../core/choices';
import { TEST_COMMANDS, type Command, type ConfigRequest, type LabCommand, type TestCommand, type WorkerMessage, type WorkerState } from '../protocol';
import { BackendKeeper, DEFAULT_PROBE, type BackendOps } from './backendKeeper';
import { backendTitle } from './choice';
import { CompareJobs, isAbort } from './compareJobs';
import { ProgressRelay } from './progressRelay';
import { SnapshotOut, weightsMessage } from './stageOut';
import { Sabotage, type SabotageHooks } from './sabotage';
import { requestConfig } from './compare';
import { pca2 } from './pca';

export type Post = (ev: WorkerMessage, transfer?: Transferable[]) => void;

export interface LabHostOptions extends SabotageHooks {
  backends: BackendOps;
}

const never = new Promise<void>(() => {});

export class LabHost {
  private data: RawData | null = null;
  private configReq: ConfigRequest = { preset: 'interactive', overrides: {} };
  private session: Session | null = null;
  private busy = false;
  private activity = 'idle';
  private paused = false;
  private resumeGate: (() => void) | null = null;
  private pauseWait: Promise<void> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private readonly backends: BackendKeeper;
  private readonly compare: CompareJobs;
  private readonly progress: ProgressRelay;
  private readonly out: SnapshotOut;
  private readonly sabotage: Sabotage;
  // one mutable object: the engine's Ticker reads signal and gate from it at every yield
  private readonly hooks = {
    signal: undefined as AbortSignal | undefined,
    gate: (): Promise<void> => (this.sabotage.frozen ? never : this.paused && this.pauseWait ? this.pauseWait : Promise.resolve()),
    onProgress: (e: ProgressEvent): void => this.onProgress(e),
  };
  private controller = new AbortController();

  constructor(private readonly post: Post, opts: LabHostOptions) {
    this.backends = new BackendKeeper(opts.backends);
    this.sabotage = new Sabotage(opts);
    this.compare = new CompareJobs(post);
    this.progress = new ProgressRelay(post);
    this.out = new SnapshotOut(post);
  }

  /** Control and test commands act at once, even while a long command runs; the others queue. */
  receive(cmd: Command): void {
    if (typeof (cmd as { type?: unknown } | null)?.type !== 'string') {
      return this.post({ type: 'error', message: `The worker got a message that is not a command (${JSON.stringify(cmd)?.slice(0, 80)}).`, fatal: false });
    }
    if (TEST_COMMANDS.includes(cmd.type as TestCommand['type'])) {
      const refused = this.sabotage.obey(cmd as TestCommand);
      return refused ? this.post({ type: 'error', message: refused, fatal: false }) : undefined;
    }
    switch (cmd.type) {
      case 'ping':
        return this.post({ type: 'pong', id: cmd.id });
      case 'pause':
        if (!this.paused) {
          this.paused = true;
          this.pauseWait = new Promise((r) => (this.resumeGate = r));
        }
        return this.postState();
      case 'resume':
        this.paused = false;
        this.resumeGate?.();
        return this.postState();
      case 'cancel':
        this.controller.abort();
        this.paused = false;
        this.resumeGate?.();
        return;
      case 'compareCancel':
        return this.compare.cancel(cmd.id);
    }
    this.chain = this.chain
      .then(() => this.handle(cmd as LabCommand))
      .catch((err: unknown) => {
        this.post({ type: 'error', message: err instanceof Error ? err.message : String(err), fatal: cmd.type === 'init' });
        this.postState();
      });
  }

  /** Resolves once every queued command has run (tests wait on it). */
  idle(): Promise<void> {
    return this.chain;
  }

  private onProgress(e: ProgressEvent): void {
    this.sabotage.onProgress(e);
    this.progress.add(e);
  }

  private async handle(cmd: LabCommand): Promise<void> {
    switch (cmd.type) {
      case 'init':
        this.activity = 'choosing the fastest backend';
        this.postState();
        this.post({ type: 'ready', backend: await this.backends.select(cmd.backend, this.probeShape(), cmd.probeAll ?? false) });
        this.activity = 'idle';
        return this.postState();
      case 'setBackend': {
        const history = this.session?.history() ?? [];
        this.drop();
        this.post({ type: 'ready', backend: await this.backends.select(cmd.backend, this.probeShape()) });
        if (history.length) return this.runLong('replaying labels on the new backend', () => this.ensureSession().replay(history));
        return this.postState();
      }
      case 'setData':
        this.drop();
        this.data = cmd.data;
        if (cmd.data.d !== 2) {
          const { xy, explained } = pca2(cmd.data.values, cmd.data.n, cmd.data.d);
          this.post({ type: 'inputProjection', xy, explained }, [xy.buffer]);
        }
        return this.postState();
      case 'configure':
        this.drop();
        this.configReq = cmd.config;
        return this.postState();
      case 'reset':
        this.drop();
        this.activity = 'idle';
        return this.postState();
      case 'trainRound':
        return this.runLong('training one round', () => this.round(cmd.oracle, cmd.answers));
      case 'runRounds':
        return this.runLong(`running ${cmd.rounds} rounds`, async () => {
          for (let r = 0; r < cmd.rounds; r++) await this.round('simulated');
        });
      case 'step':
        return this.runLong('one stage step', () => this.step(cmd.oracle, cmd.answers));
      case 'relabel':
        this.ensureSession().relabel(cmd.index, cmd.label);
        return this.postState();
      case 'restore':
        return this.runLong(`restoring: replaying ${cmd.events.length} labels`, async () => {
          this.drop();
          await this.ensureSession().restore(cmd.events, cmd.stage, cmd.reopen);
          // the reopened round again: the page may have lost its results in a reload (same numbers when it has them)
          if (cmd.reopen) await this.postSnapshot();
        });
      case 'getWeights':
        return this.postWeights(cmd.id);
      case 'compare':
        return this.compare.run(cmd, this.data, this.backends.report?.active ?? null);
      default:
        throw new Error(`Unknown command '${(cmd as { type?: unknown }).type}': the page and the worker are out of step (reload the page).`);
    }
  }

  /** Forget the session (and its cached score field): the next training starts from the current data and config. */
  private drop(): void {
    try {
      this.session?.dispose();
    } catch {
      // a broken backend may not even free its memory
    }
    this.session = null;
    this.out.clear();
  }

  private probeShape() {
    return this.data ? { ...DEFAULT_PROBE, d: this.data.d } : DEFAULT_PROBE;
  }

  private currentConfig(): RunConfig | null {
    // the same request-to-config rule as the comparison runs, so both match the command line
    return this.data ? requestConfig(this.data, this.configReq, this.configReq.overrides.seed ?? 1) : null;
  }

  private ensureSession(): Session {
    if (this.session) return this.session;
    if (!this.data) throw new Error('No dataset is loaded yet.');
    this.session = new Session(this.data, this.currentConfig()!, this.hooks);
    return this.session;
  }

  private postState(): void {
    const s = this.session;
    const state: WorkerState = {
      state: s?.state ?? 'ready', stage: s?.stage ?? 0, nextPhase: s?.nextPhase ?? 'pretrain',
      busy: this.busy, paused: this.paused, activity: this.activity,
      queue: s ? [...s.queue] : [], labelled: s?.labels.size ?? 0,
      config: s?.config ?? this.currentConfig(), n: s?.n ?? this.data?.n ?? 0,
    };
    this.post({ type: 'state', state });
  }

  private async postSnapshot(): Promise<void> {
    if (this.session) await this.out.send(this.session, this.data!);
  }

  private async postWeights(id: number): Promise<void> {
    const weights = await weightsMessage(this.session);
    this.post({ type: 'weights', id, weights }, weights ? [weights.theta.buffer, weights.center.buffer] : []);
  }

  /** The label phase: the simulated oracle answers from the truth; a person's answers come with the command. */
  private async label(s: Session, oracle: OracleKind, answers: Array<[number, Label]> | undefined): Promise<void> {
    if (oracle === 'simulated') {
      const truth = s.pool.labels;
      if (!truth) throw new Error('This dataset has no labels, so the simulated oracle cannot answer: switch the oracle to "human".');
      s.submitLabels(s.queue.map((i) => [i, truth[i] as Label]));
    } else s.submitLabels(answers ?? []);
    await this.postSnapshot();
  }

  /** One phase, then the messages the page needs for it; the stepper also gets the latent cloud after centre and train. */
  private async onePhase(s: Session, preview = false): Promise<void> {
    this.activity = `stage ${s.stage}: ${s.nextPhase}`;
    this.postState();
    this.post({ type: 'phase', phase: s.nextPhase, stage: s.stage });
    const phase = await s.step();
    this.progress.flush();
    if (phase === 'score' || phase === 'query') await this.postSnapshot();
    else if (preview && (phase === 'center' || phase === 'train')) await this.out.preview(s, phase);
  }

  /** A page round: answer the open queue (if any), then train, score and query the next stage. */
  private async round(oracle: OracleKind, answers?: Array<[number, Label]>): Promise<void> {
    const s = this.ensureSession();
    if (s.nextPhase === 'label') await this.label(s, oracle, answers);
    do await this.onePhase(s);
    while (s.nextPhase !== 'label');
  }

  private async step(oracle: OracleKind, answers?: Array<[number, Label]>): Promise<void> {
    const s = this.ensureSession();
    if (s.nextPhase !== 'label') return this.onePhase(s, true);
    this.post({ type: 'phase', phase: 'label', stage: s.stage });
    await this.label(s, oracle, answers);
  }

  /** Long commands: run with a fresh abort signal; on a backend failure move to the next backend and retry. */
  private async runLong(name: string, body: () => Promise<void>): Promise<void> {
    this.controller = new AbortController();
    this.hooks.signal = this.controller.signal;
    this.busy = true;
    this.activity = name;
    this.postState();
    try {
      for (;;) {
        try {
          return await body();
        } catch (e) {
          if (isAbort(e)) {
            this.activity = 'cancelled';
            return;
          }
          const why = e instanceof Error ? e.message : String(e);
          if (!(await this.backends.suspect(why))) throw e;
          const history = this.session?.history() ?? [];
          this.drop();
          this.post({ type: 'ready', backend: await this.backends.next(why) });
          if (history.length) {
            this.activity = `replaying ${history.length} labels on ${backendTitle(this.backends.report!.active)}`;
            this.postState();
            await this.ensureSession().replay(history);
          }
        }
      }
    } finally {
      this.busy = false;
      this.paused = false;
      this.progress.flush();
      if (this.activity !== 'cancelled') this.activity = 'idle';
      this.postState();
    }
  }
}
