/// <reference lib="webworker" />
// The lab worker: owns tfjs and the engine Session; runs commands one at a time, streams progress and snapshots.
import { tf } from '../engine/tf';
import { Session } from '../engine/session';
import type { BackendName, OracleKind } from '../core/choices';
import type { Label, LabelEvent, Phase, ProbeShape, ProgressEvent, RawData, RunConfig } from '../core/types';
import { DEFAULT_PROBE, selectBackend, startBackend } from './backends';
import { backendTitle, fallbackOrder } from './choice';
import { pca2 } from './pca';
import { requestConfig, runBatch } from './compare';
import {
  cloneSnapshot, snapshotTransfer,
  type BackendReport, type Command, type ConfigRequest, type EpochLoss,
  type ScoreGrid, type SnapshotMessage, type WorkerEvent, type WorkerState,
} from './protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;
const GRID = 64;
const PROGRESS_EVERY_MS = 100;

let data: RawData | null = null;
let configReq: ConfigRequest = { preset: 'interactive', overrides: {} };
let session: Session | null = null;
let report: BackendReport | null = null;
const failed: BackendName[] = [];
let busy = false;
let activity = 'idle';
let paused = false;
let resumeGate: (() => void) | null = null;
let pauseWait: Promise<void> | null = null;
let controller = new AbortController();
let simulateLoss = false;
let deviceLost = false;
let pendingLosses: EpochLoss[] = [];
let lastProgressSent = 0;
let lastPhase: Phase | null = null;
let lastProgress: ProgressEvent | null = null;

function post(ev: WorkerEvent, transfer: Transferable[] = []): void {
  ctx.postMessage(ev, transfer);
}

function flushProgress(): void {
  if (!lastProgress) return;
  post({ type: 'progress', progress: lastProgress, losses: pendingLosses });
  pendingLosses = [];
  lastProgressSent = performance.now();
}

let crashArmed = false;
let frozen = false;
/** Outside the engine's error handling (a timer), so the worker dies as on a real crash; training halts until then. */
function crashNow(): void {
  frozen = true;
  setTimeout(() => {
    throw new Error('Simulated worker crash (test hook).');
  }, 0);
}

// hooks are one mutable object: the engine's Ticker reads signal and gate from it at every yield
const hooks = {
  signal: controller.signal as AbortSignal | undefined,
  gate: (): Promise<void> => (frozen ? new Promise<void>(() => {}) : paused && pauseWait ? pauseWait : Promise.resolve()),
  onProgress(e: ProgressEvent): void {
    if (crashArmed && e.epoch > 0) {
      crashArmed = false;
      crashNow();
    }
    if (simulateLoss) {
      simulateLoss = false;
      throw new Error('Simulated GPU device loss (test hook).');
    }
    if (e.loss !== null && e.epoch > 0 && (e.phase === 'pretrain' || e.phase === 'train')) {
      pendingLosses.push({ stage: e.stage, phase: e.phase, epoch: e.epoch, loss: e.loss });
    }
    lastProgress = e;
    const now = performance.now();
    if (e.phase !== lastPhase || now - lastProgressSent >= PROGRESS_EVERY_MS || e.epoch === e.epochs) {
      lastPhase = e.phase;
      flushProgress();
    }
  },
};

function currentConfig(): RunConfig | null {
  // the same request-to-config rule as the comparison runs, so both match the command line
  return data ? requestConfig(data, configReq, configReq.overrides.seed ?? 1) : null;
}

function ensureSession(): Session {
  if (session) return session;
  if (!data) throw new Error('No dataset is loaded yet.');
  session = new Session(data, currentConfig()!, hooks);
  return session;
}

function stateMessage(): WorkerState {
  const s = session;
  return {
    state: s?.state ?? 'ready',
    stage: s?.stage ?? 0,
    nextPhase: s?.nextPhase ?? 'pretrain',
    busy,
    paused,
    activity,
    queue: s ? [...s.queue] : [],
    labelled: s?.labels.size ?? 0,
    config: s?.config ?? currentConfig(),
    n: s?.n ?? data?.n ?? 0,
  };
}

function postState(): void {
  post({ type: 'state', state: stateMessage() });
}

async function scoreGrid(s: Session): Promise<ScoreGrid | null> {
  if (!data || data.d !== 2 || s.snapshots.length === 0) return null;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < data.n; i++) {
    const a = data.values[2 * i]!;
    const b = data.values[2 * i + 1]!;
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  const mx = (x1 - x0) * 0.08 || 1;
  const my = (y1 - y0) * 0.08 || 1;
  const gx = Float32Array.from({ length: GRID }, (_, i) => x0 - mx + ((x1 - x0 + 2 * mx) * i) / (GRID - 1));
  const gy = Float32Array.from({ length: GRID }, (_, i) => y0 - my + ((y1 - y0 + 2 * my) * i) / (GRID - 1));
  const pts = new Float64Array(GRID * GRID * 2);
  for (let r = 0; r < GRID; r++) for (let c = 0; c < GRID; c++) {
    pts[2 * (r * GRID + c)] = gx[c]!;
    pts[2 * (r * GRID + c) + 1] = gy[r]!;
  }
  return { x: gx, y: gy, z: await s.scoreRaw(pts) };
}

let gridCache: { stage: number; session: Session; grid: ScoreGrid } | null = null;

async function postSnapshot(): Promise<void> {
  const s = session;
  if (!s || s.snapshots.length === 0) return;
  const snap = s.snapshots[s.snapshots.length - 1]!;
  let grid: ScoreGrid | null = null;
  if (gridCache && gridCache.session === s && gridCache.stage === snap.stage) grid = gridCache.grid;
  else {
    grid = await scoreGrid(s);
    if (grid) gridCache = { stage: snap.stage, session: s, grid };
  }
  const msg: SnapshotMessage = {
    snapshot: cloneSnapshot(snap),
    grid: grid ? { x: grid.x.slice(), y: grid.y.slice(), z: grid.z.slice() } : null,
    order: Int32Array.from(s.order),
  };
  post({ type: 'snapshot', ...msg }, snapshotTransfer(msg));
}

function truthOf(s: Session): Uint8Array {
  if (!s.pool.labels) throw new Error('This dataset has no labels, so the simulated oracle cannot answer: switch the oracle to "human".');
  return s.pool.labels;
}

/** The label phase: the simulated oracle answers from the truth; a person's answers come with the command. */
async function label(s: Session, oracle: OracleKind, answers: Array<[number, Label]> | undefined): Promise<void> {
  if (oracle === 'simulated') {
    const truth = truthOf(s);
    s.submitLabels(s.queue.map((i) => [i, truth[i] as Label]));
  } else s.submitLabels(answers ?? []);
  await postSnapshot();
}

/** One phase, then the messages the page needs for it. */
async function onePhase(s: Session): Promise<Phase> {
  activity = `stage ${s.stage}: ${s.nextPhase}`;
  postState();
  post({ type: 'phase', phase: s.nextPhase, stage: s.stage });
  const phase = await s.step();
  flushProgress();
  if (phase === 'score' || phase === 'query') await postSnapshot();
  return phase;
}

/** A page round: answer the open queue (if any), then train, score and query the next stage. */
async function round(oracle: OracleKind, answers?: Array<[number, Label]>): Promise<void> {
  const s = ensureSession();
  if (s.nextPhase === 'label') await label(s, oracle, answers);
  do await onePhase(s);
  while (s.nextPhase !== 'label');
}

async function step(oracle: OracleKind, answers?: Array<[number, Label]>): Promise<void> {
  const s = ensureSession();
  if (s.nextPhase === 'label') {
    post({ type: 'phase', phase: 'label', stage: s.stage });
    await label(s, oracle, answers);
    return;
  }
  await onePhase(s);
}

async function healthy(): Promise<boolean> {
  if (deviceLost) return false;
  try {
    const t = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)));
    const v = await Promise.race([t.data(), new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
    t.dispose();
    return v !== null && v[0] === 2;
  } catch {
    return false;
  }
}

function watchDevice(): void {
  deviceLost = false;
  if (report?.active !== 'webgpu') return;
  const dev = (tf.backend() as unknown as { device?: GPUDevice }).device;
  dev?.lost.then(() => {
    deviceLost = true;
  });
}

/** Rebuild the session on the next backend and replay the labels up to the last completed stage. */
async function fallBack(why: string): Promise<void> {
  const from = report!.active;
  failed.push(from);
  const history: LabelEvent[] = session?.history() ?? [];
  try {
    session?.dispose();
  } catch {
    // the broken backend may not even free its memory
  }
  session = null;
  gridCache = null;
  for (const b of fallbackOrder(report!.probes, failed)) {
    if (await startBackend(b)) {
      report = { ...report!, active: b, how: 'fallback', reason: `${backendTitle(from)} failed (${why}); continuing on ${backendTitle(b)} from the last completed stage.` };
      watchDevice();
      post({ type: 'ready', backend: report });
      if (history.length) {
        activity = `replaying ${history.length} labels on ${backendTitle(b)}`;
        postState();
        await ensureSession().replay(history);
      }
      return;
    }
    failed.push(b);
  }
  throw new Error(`Every backend failed; the last error was: ${why}`);
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

/** Long commands: run with the current abort signal; on a backend failure fall back and retry once per backend. */
async function runLong(name: string, body: () => Promise<void>): Promise<void> {
  controller = new AbortController();
  hooks.signal = controller.signal;
  busy = true;
  activity = name;
  postState();
  try {
    for (;;) {
      try {
        await body();
        break;
      } catch (e) {
        if (isAbort(e)) {
          activity = 'cancelled';
          break;
        }
        const msg = e instanceof Error ? e.message : String(e);
        const suspect = /simulated gpu|device|lost|webgpu|webgl|context|out of memory/i.test(msg) || !(await healthy());
        if (!suspect || !report || report.active === 'cpu') throw e;
        await fallBack(msg);
      }
    }
  } finally {
    busy = false;
    paused = false;
    flushProgress();
    if (activity !== 'cancelled') activity = 'idle';
    postState();
  }
}

async function handle(cmd: Command): Promise<void> {
  switch (cmd.type) {
    case 'init': {
      activity = 'choosing the fastest backend';
      postState();
      const shape: ProbeShape = data ? { ...DEFAULT_PROBE, d: data.d } : DEFAULT_PROBE;
      report = await selectBackend(cmd.backend, shape, cmd.probeAll ?? false);
      watchDevice();
      activity = 'idle';
      post({ type: 'ready', backend: report });
      postState();
      return;
    }
    case 'setBackend': {
      const history = session?.history() ?? [];
      session?.dispose();
      session = null;
      gridCache = null;
      report = await selectBackend(cmd.backend, data ? { ...DEFAULT_PROBE, d: data.d } : DEFAULT_PROBE);
      watchDevice();
      post({ type: 'ready', backend: report });
      if (history.length) await runLong('replaying labels on the new backend', async () => ensureSession().replay(history));
      else postState();
      return;
    }
    case 'setData': {
      session?.dispose();
      session = null;
      gridCache = null;
      data = cmd.data;
      if (cmd.data.d !== 2) {
        const { xy, explained } = pca2(cmd.data.values, cmd.data.n, cmd.data.d);
        post({ type: 'inputProjection', xy, explained }, [xy.buffer]);
      }
      postState();
      return;
    }
    case 'configure':
      session?.dispose();
      session = null;
      gridCache = null;
      configReq = cmd.config;
      postState();
      return;
    case 'reset':
      session?.dispose();
      session = null;
      gridCache = null;
      activity = 'idle';
      postState();
      return;
    case 'trainRound':
      await runLong('training one round', () => round(cmd.oracle, cmd.answers));
      return;
    case 'runRounds':
      await runLong(`running ${cmd.rounds} rounds`, async () => {
        for (let r = 0; r < cmd.rounds; r++) await round('simulated');
      });
      return;
    case 'step':
      await runLong('one stage step', () => step(cmd.oracle, cmd.answers));
      return;
    case 'relabel':
      ensureSession().relabel(cmd.index, cmd.label);
      postState();
      return;
    case 'restore':
      await runLong(`restoring: replaying ${cmd.events.length} labels`, async () => {
        session?.dispose();
        session = null;
        gridCache = null;
        const s = ensureSession();
        await s.replay(cmd.events);
        // stages whose queue was all skipped have no events: train and pass them too
        while (s.stage < cmd.stage) {
          await s.trainStage();
          s.query();
          s.submitLabels([]);
        }
        if (cmd.reopen) {
          await s.trainStage();
          s.query();
        }
      });
      return;
    case 'getWeights': {
      const w = (await session?.weights()) ?? null;
      const weights = w
        ? { theta: w.theta.slice(), slots: w.layout.slots.map((x) => ({ name: x.name, offset: x.offset, shape: [...x.shape] })), center: w.center.slice(), radius: w.radius, stage: session!.stage }
        : null;
      post({ type: 'weights', id: cmd.id, weights }, weights ? [weights.theta.buffer, weights.center.buffer] : []);
      return;
    }
    case 'compare':
      await runCompare(cmd);
      return;
    case 'submitLabels': {
      const s = ensureSession();
      s.submitLabels(cmd.answers);
      await postSnapshot();
      postState();
      return;
    }
    default:
      return;
  }
}

// the strategy comparison: its own Sessions and abort signal, so the user's session and controls are untouched
let compareCtl: { id: number; ctl: AbortController } | null = null;
const compareCancelled = new Set<number>();

async function runCompare(cmd: Extract<Command, { type: 'compare' }>): Promise<void> {
  const ctl = new AbortController();
  compareCtl = { id: cmd.id, ctl };
  if (compareCancelled.delete(cmd.id)) ctl.abort();
  let sentAt = 0;
  let sentPhase = '';
  try {
    if (!data) throw new Error('No dataset is loaded yet.');
    if (ctl.signal.aborted) throw new DOMException('cancelled', 'AbortError');
    await runBatch(data, cmd.runs, cmd.seeds, {
      signal: ctl.signal,
      onProgress(run, of, key, seed, e) {
        const now = performance.now();
        const tag = `${run}:${e.stage}:${e.phase}`;
        if (tag === sentPhase && now - sentAt < 250) return;
        sentAt = now;
        sentPhase = tag;
        post({ type: 'compareProgress', id: cmd.id, run, of, key, seed, stage: e.stage, phase: e.phase, epoch: e.epoch, epochs: e.epochs });
      },
      onResult: (run, of, result) => post({ type: 'compareResult', id: cmd.id, run, of, result }),
    });
    post({ type: 'compareDone', id: cmd.id, cancelled: false, error: null, backend: report?.active ?? null });
  } catch (e) {
    const cancelled = isAbort(e) || ctl.signal.aborted;
    post({ type: 'compareDone', id: cmd.id, cancelled, error: cancelled ? null : e instanceof Error ? e.message : String(e), backend: report?.active ?? null });
  } finally {
    compareCtl = null;
  }
}

let chain: Promise<void> = Promise.resolve();

ctx.onmessage = (e: MessageEvent<Command>) => {
  const cmd = e.data;
  // control commands act at once, even while a long command runs
  switch (cmd.type) {
    case 'pause':
      if (!paused) {
        paused = true;
        pauseWait = new Promise((r) => (resumeGate = r));
      }
      postState();
      return;
    case 'resume':
      paused = false;
      resumeGate?.();
      postState();
      return;
    case 'cancel':
      controller.abort();
      paused = false;
      resumeGate?.();
      return;
    case 'debugFailNext':
      simulateLoss = true;
      return;
    case 'compareCancel':
      if (compareCtl?.id === cmd.id) compareCtl.ctl.abort();
      else compareCancelled.add(cmd.id);
      return;
    case 'debugCrash':
      if (cmd.atNextEpoch) crashArmed = true;
      else crashNow();
      return;
    default:
  }
  chain = chain
    .then(() => handle(cmd))
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      post({ type: 'error', message, fatal: cmd.type === 'init' });
      postState();
    });
};
