// The active-learning loop as a resumable state machine: stage -> scores -> queue -> labels -> next stage.
import { tf, type Tensor2D } from './tf';
import { FlatAdam } from './adam';
import { columnRanges, scalePool, sessionPool } from './data';
import { LabelBook } from './labelBook';
import { AbortError, Ticker, type LoopHooks } from './loop';
import { stageMetrics } from './stageMetrics';
import { type Model, copyModel, disposeModel, netFromAe } from './model';
import { checkFork } from './stageZero';
import { scaleRows, scoreScaled } from './scoreRaw';
import { type ModelWeights, modelWeights } from './weights';
import { disposeBn } from './network';
import { selectPseudoAbnormal } from './pseudo';
import { selectQueries, type AbsState } from './query';
import { Rng } from '../core/rng';
import type { Trainer } from './trainer';
import { chooseTrainer } from './trainers';
import { usesUai } from './losses';
import { type PretrainCache, pretrainVia } from './pretrainCache';
import type { Label, LabelEvent, Oracle, Phase, ProgressEvent, RawData, ReplayEvent, RunConfig, SessionState, StageSnapshot } from '../core/types';

export { makeConfig } from './config';
export { simulatedOracle } from './oracle';

export interface SessionHooks extends LoopHooks {
  onProgress?(e: ProgressEvent): void;
  /** false: no loss curve is kept (the CLI's records hold none), so training may skip loss values: same models, NaN losses */
  keepLosses?: boolean;
  /** autoencoders already trained from the same pool and generator state (a grid's runs of one seed): reused, same bits */
  pretrainCache?: PretrainCache;
}

const NEXT: Record<Phase, Phase> = { pretrain: 'center', center: 'train', train: 'score', score: 'query', query: 'label', label: 'pretrain' };

export class Session {
  readonly config: RunConfig;
  readonly pool: RawData;
  /** pool row -> row of the data given to the constructor */
  readonly order: Int32Array;
  readonly n: number;
  stage = 0;
  nextPhase: Phase = 'pretrain';
  state: SessionState = 'ready';
  snapshots: StageSnapshot[] = [];
  queue: number[] = [];

  private readonly rng: Rng;
  private readonly x: Tensor2D;
  private readonly ticker: Ticker;
  private readonly book: LabelBook;
  private readonly abs: AbsState = { qps: [] };
  private lastLabels: number[] = [];
  private round = 0;
  private model: Model | null = null;
  private optimizer: FlatAdam | null = null;
  private partial = { aeLoss: [] as number[], occLoss: [] as number[], started: 0, seconds: 0 };
  private readonly colMin: Float64Array;
  private readonly colRange: Float64Array;

  /** `trainer`: by default the one the current backend trains fastest with (engine/trainers.ts). */
  constructor(
    data: RawData, config: RunConfig, private readonly hooks: SessionHooks = {}, readonly trainer: Trainer = chooseTrainer(), from?: Session,
  ) {
    this.config = config;
    this.rng = from ? from.rng.clone() : new Rng(config.seed);
    const { data: pool, order } = from ? { data: from.pool, order: from.order } : sessionPool(data, config, this.rng);
    this.pool = pool;
    this.order = order;
    this.n = pool.n;
    if (config.sizes.batchSize > this.n) throw new Error(`Batch size ${config.sizes.batchSize} exceeds the ${this.n} samples.`);
    this.x = tf.tensor2d(scalePool(pool), [pool.n, pool.d]);
    this.book = new LabelBook(this.n, config.mode);
    this.ticker = new Ticker(hooks);
    [this.colMin, this.colRange] = columnRanges(pool);
  }

  /** An independent copy going on under another configuration of this run: before the first label, the losses of one
   * family train alike (engine/stageZero.ts), so the grid trains stage 0 once. */
  fork(config: RunConfig, hooks: SessionHooks = {}): Session {
    checkFork(this.config, config, { stage: this.stage, labels: this.book.events.length, phase: this.nextPhase, state: this.state });
    const s = new Session(this.pool, config, hooks, this.trainer, this);
    Object.assign(s, { stage: this.stage, nextPhase: this.nextPhase, state: this.state, queue: [...this.queue] });
    s.snapshots = this.snapshots.map((x) => structuredClone(x));
    s.partial = { ...this.partial, aeLoss: [...this.partial.aeLoss], occLoss: [...this.partial.occLoss] };
    s.model = this.model && copyModel(this.model);
    s.optimizer = this.optimizer?.copy() ?? null;
    return s;
  }

  /** Every label now known: row -> 0 normal / 1 anomaly. */
  get labels(): ReadonlyMap<number, Label> {
    return this.book.labels;
  }

  /** Runs exactly one phase; returns the phase it ran. */
  async step(): Promise<Phase> {
    const phase = this.nextPhase;
    if (phase === 'label') throw new Error('The queue is waiting for labels: call submitLabels first.');
    this.state = 'running';
    try {
      await this.run1(phase);
    } catch (e) {
      if (e instanceof AbortError) {
        this.state = 'cancelled';
        this.nextPhase = this.config.warmStart && this.model ? phase : 'pretrain';
      } else this.state = 'error';
      throw e;
    }
    this.nextPhase = NEXT[phase];
    if (this.state === 'running') this.state = this.stage > this.config.rounds ? 'done' : 'ready';
    return phase;
  }

  async trainStage(): Promise<StageSnapshot> {
    if (this.nextPhase === 'query' || this.nextPhase === 'label') throw new Error(`Stage ${this.stage} is already trained.`);
    while ((this.nextPhase as Phase) !== 'query') await this.step();
    return this.snapshots[this.snapshots.length - 1];
  }

  /** The pool's latent cloud now (after centre or train), not kept as a stage result: the stepper shows it. */
  async preview(): Promise<StageSnapshot> {
    if (!this.model?.center) throw new Error('No centre yet: run the centre phase first.');
    return this.scoreSnapshot();
  }

  /** The query phase on the latest scores; the queue then waits for submitLabels. */
  query(): number[] {
    if (this.nextPhase !== 'query') throw new Error('Train and score the stage before querying.');
    const snap = this.snapshots[this.snapshots.length - 1];
    const r = selectQueries({
      strategy: this.config.query, scores: snap.scores, labelKnown: this.book.known, k: this.config.sizes.k,
      radius: snap.radius, mode: this.config.mode, rng: this.rng, abs: this.abs, lastLabels: this.lastLabels, round: this.round,
      embedding: snap.embedding, repDim: snap.repDim,
    });
    snap.queued = r.indices;
    snap.qp = r.qp;
    snap.absBoundary = r.boundaryScore;
    this.queue = r.indices;
    this.nextPhase = 'label';
    this.state = 'awaiting_labels';
    this.emit('query', 0, 0, null);
    return r.indices;
  }

  /** The label phase: record answers (unanswered queue entries count as skipped), pick pseudo-abnormals, next stage. */
  submitLabels(answers: Array<[number, Label]>): void {
    if (this.nextPhase !== 'label') throw new Error('There is no queue waiting for labels.');
    const given = this.book.check(answers);
    // the queue order (duplicates included in reference mode) feeds NCE and the ABS update, as in the reference
    const inQueue = new Set(this.queue);
    const ordered = [...this.queue.filter((i) => given.has(i)), ...[...given.keys()].filter((i) => !inQueue.has(i))];
    this.lastLabels = this.queue.filter((i) => given.has(i)).map((i) => given.get(i)!);
    for (const i of ordered) this.book.record(i, given.get(i)!, this.stage);
    const snap = this.snapshots[this.snapshots.length - 1];
    if (this.config.pseudo) {
      const chosen = selectPseudoAbnormal({
        scores: snap.scores, labelKnown: this.book.known, labels: this.book.answers, k: this.config.sizes.k, mode: this.config.mode, rng: this.rng,
      });
      this.book.setPseudo(chosen);
      snap.pseudo = chosen;
    }
    this.queue = [];
    this.round += 1;
    this.stage += 1;
    this.nextPhase = 'pretrain';
    this.state = this.stage > this.config.rounds ? 'done' : 'ready';
  }

  /** Change or remove a label given earlier; it takes effect at the next training. */
  relabel(index: number, label: Label | null): void {
    this.book.relabel(index, label, this.stage);
  }

  async runRound(oracle: Oracle): Promise<StageSnapshot> {
    // a fork made after the stage trained goes straight to its own query
    const snap = this.nextPhase === 'query' ? this.snapshots[this.snapshots.length - 1]! : await this.trainStage();
    const queue = this.query();
    const labels = await oracle.label(queue);
    this.submitLabels(queue.map((i, j) => [i, labels[j]]));
    return snap;
  }

  /** The paper's protocol: `rounds` query rounds, then the last stage trained and scored (6 stages for 5 rounds). */
  async run(oracle: Oracle, rounds = this.config.rounds): Promise<StageSnapshot[]> {
    while (this.stage < rounds) await this.runRound(oracle);
    if (this.nextPhase !== 'query') await this.trainStage();
    this.state = 'done';
    return this.snapshots;
  }

  /** Every label in the order given, with the stage after which it was given. */
  history(): LabelEvent[] {
    return this.book.events.map((e) => ({ ...e }));
  }

  /** Rebuild a session from its label history: retrain each stage and feed the recorded changes (deterministic). */
  async replay(events: ReplayEvent[]): Promise<void> {
    const last = events.reduce((m, e) => Math.max(m, e.stage), -1);
    while (this.stage <= last) {
      await this.trainStage();
      this.query();
      this.submitLabels(this.book.replayed(events.filter((e) => e.stage === this.stage), this.stage));
    }
  }

  /** Rebuild after a reload or crash: replay the label history up to `stage` (all-skipped stages have no events, so they
   * are trained and passed too); `reopen` trains and queries `stage` again so its queue is open. */
  async restore(events: ReplayEvent[], stage: number, reopen: boolean): Promise<void> {
    await this.replay(events);
    while (this.stage < stage) {
      await this.trainStage();
      this.query();
      this.submitLabels([]);
    }
    if (reopen) {
      await this.trainStage();
      this.query();
    }
  }

  /** Scores of raw (unscaled) points, e.g. a grid over the 2-D input plane. */
  scoreRaw(points: Float64Array | number[]): Promise<Float32Array> {
    if (!this.model?.center) throw new Error('No trained model yet.');
    return scoreScaled(this.trainer, this.model, scaleRows(points, this.colMin, this.colRange));
  }

  /** Trained weights as plain arrays (for export), with c, R and the BatchNorm statistics (modelWeights). */
  async weights(): Promise<ModelWeights | null> {
    return this.model ? modelWeights(this.model) : null;
  }

  dispose(): void {
    disposeModel(this.model);
    this.model = null;
    this.optimizer?.dispose();
    this.optimizer = null;
    this.x.dispose();
  }

  private emit(phase: Phase, epoch: number, epochs: number, loss: number | null): void {
    this.hooks.onProgress?.({ stage: this.stage, phase, epoch, epochs, loss, elapsedMs: performance.now() - this.partial.started });
  }

  private async run1(phase: Phase): Promise<void> {
    const c = this.config;
    const opt = { lr: c.lr, weightDecay: c.weightDecay };
    switch (phase) {
      case 'pretrain': {
        this.partial = { aeLoss: [], occLoss: [], started: performance.now(), seconds: 0 };
        this.emit('pretrain', 0, c.aeEpochs, null);
        if (c.warmStart && this.model) return;
        disposeModel(this.model);
        this.model = null;
        const onEpoch = (e: number, l: number) => { this.partial.aeLoss.push(l); this.emit('pretrain', e + 1, c.aeEpochs, l); };
        const ae = await pretrainVia(this.hooks.pretrainCache, this.pool, this.trainer, this.x, c, this.rng, this.ticker, onEpoch,
          (ls) => { this.partial.aeLoss.push(...ls.slice(0, -1)); onEpoch(ls.length - 1, ls[ls.length - 1]!); });
        this.model = netFromAe(this.pool.d, c.sizes, usesUai(c.loss), ae.theta, ae.bn, this.rng);
        ae.theta.dispose();
        disposeBn(ae.bn);
        return;
      }
      case 'center':
        this.emit('center', 0, 0, null);
        if (!(c.warmStart && this.model!.center)) await this.trainer.center(this.model!, this.x, c.sizes.batchSize, this.rng);
        return;
      case 'train': {
        const t0 = performance.now();
        if (c.warmStart && !this.optimizer) this.optimizer = new FlatAdam(this.model!.layout.size, opt);
        this.emit('train', 0, c.occEpochs, null);
        this.partial.occLoss = await this.trainer.train(this.model!, {
          loss: c.loss, x: this.x, semi: this.book.semi(),
          nceNormal: this.book.nceNormal, nceAbnormal: this.book.nceAbnormal, sizes: c.sizes, epochs: c.occEpochs,
          lr: c.lr, weightDecay: c.weightDecay, trainModeEpochs: 1, optimizer: this.optimizer ?? undefined, lossValues: this.hooks.keepLosses !== false,
        }, this.rng, this.ticker, (e, l) => this.emit('train', e + 1, c.occEpochs, l));
        this.partial.seconds += (performance.now() - t0) / 1000;
        return;
      }
      case 'score':
        this.emit('score', 0, 0, null);
        this.snapshots.push(await this.scoreSnapshot());
        return;
      case 'query':
        this.query();
        return;
      case 'label':
        return;
    }
  }

  private async scoreSnapshot(): Promise<StageSnapshot> {
    const m = this.model!;
    const { scores, embedding } = await this.trainer.score(m, this.x);
    return {
      stage: this.stage, scores, embedding, repDim: this.config.sizes.repDim, center: m.center!.slice(),
      radius: m.radius, qp: null, absBoundary: null, queued: [], pseudo: [], labelled: [...this.book.labels.entries()],
      ...stageMetrics(scores, this.pool.labels, this.book.known),
      aeLoss: this.partial.aeLoss, occLoss: this.partial.occLoss, seconds: (performance.now() - this.partial.started) / 1000,
    };
  }
}
