// Typed messages between the page and the lab worker: plain data and typed arrays only (structured clone + transfer).
import type { Label, LabelEvent, Phase, ProgressEvent, RawData, RunConfig, SessionState, StageSnapshot } from '../core/types';
import type { BackendChoice, BackendName, OracleKind, Preset } from '../core/choices';
import type { SeedRun } from '../engine/seedRun';

/** What the page may change in a run (everything else comes from makeConfig's preset). */
export interface ConfigRequest {
  preset: Preset;
  overrides: Partial<RunConfig>;
  /** queries per round; null = the dataset's size table */
  k?: number | null;
}

/** One backend as detected and (maybe) probed in this browser. */
export interface BackendProbe {
  name: BackendName;
  /** present and initialised */
  available: boolean;
  /** software implementation (WebGPU fallback adapter, SwiftShader WebGL) */
  software: boolean;
  /** adapter / renderer / SIMD description */
  detail: string;
  /** median time of one training step of the probe MLP, null when not probed */
  stepMs: number | null;
  /** why it was skipped or failed, null when probed fine */
  note: string | null;
}

export interface BackendReport {
  active: BackendName;
  /** auto choice, URL/menu override, or fallback after a failure */
  how: 'auto' | 'requested' | 'fallback';
  probes: BackendProbe[];
  /** one sentence for the page: which backend runs and why */
  reason: string;
  /** what trains on it: the host trainer (wasm, cpu) or tfjs tensor ops (GPU backends) */
  trainer?: string;
}

export type Command =
  | { type: 'init'; backend: BackendChoice; probeAll?: boolean }
  | { type: 'setData'; data: RawData; inputProjection?: boolean }
  | { type: 'configure'; config: ConfigRequest }
  /** answer the open queue (simulated oracle, or the given answers), then train, score and query one stage */
  | { type: 'trainRound'; oracle: OracleKind; answers?: Array<[number, Label]> }
  | { type: 'runRounds'; rounds: number }
  /** one phase of the stage (the teaching stepper) */
  | { type: 'step'; oracle: OracleKind; answers?: Array<[number, Label]> }
  | { type: 'submitLabels'; answers: Array<[number, Label]> }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' }
  | { type: 'reset' }
  | { type: 'setBackend'; backend: BackendChoice }
  /** test hook: the next progress callback throws like a lost GPU device */
  | { type: 'debugFailNext' }
  /** change or remove a label given earlier (history edit, plot label outside the open queue); used at the next training */
  | { type: 'relabel'; index: number; label: Label | null }
  /** rebuild the model after a reload or crash: replay the label history up to `stage`, then (reopen) train and query it again */
  | { type: 'restore'; events: LabelEvent[]; stage: number; reopen: boolean }
  /** ask for the trained weights (answered by a 'weights' event with the same id) */
  | { type: 'getWeights'; id: number }
  /** test hook: the worker throws an uncaught error (the page restarts it), now or armed for the next training epoch */
  | { type: 'debugCrash'; atNextEpoch?: boolean }
  /** run each configuration for each seed with the simulated oracle in separate Sessions (the user's session is left alone) */
  | { type: 'compare'; id: number; runs: CompareRunRequest[]; seeds: number[] }
  /** stop the comparison batch `id` (acts at once) */
  | { type: 'compareCancel'; id: number };

/** One configuration of a comparison: makeConfig(data, preset, { ...overrides, seed }) for each seed. */
export interface CompareRunRequest {
  key: string;
  config: ConfigRequest;
}

/** One finished (configuration, seed) run: the engine's one result shape (per-stage metrics, summaries, collapse). */
export type CompareRunResult = SeedRun;

/** The trained model as plain arrays (Session.weights()), with the stage it finished. */
export interface WeightsMessage {
  theta: Float32Array;
  slots: Array<{ name: string; offset: number; shape: number[] }>;
  center: Float32Array;
  radius: number;
  stage: number;
}

/** Losses of finished epochs since the last progress message (progress itself is throttled). */
export interface EpochLoss {
  stage: number;
  phase: Phase;
  epoch: number;
  loss: number;
}

/** Score field over a regular grid of the 2-D input plane (raw units), row-major ny x nx. */
export interface ScoreGrid {
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
}

export interface SnapshotMessage {
  snapshot: StageSnapshot;
  /** present for 2-D data */
  grid: ScoreGrid | null;
  /** pool row -> original row, so the page can draw the raw inputs */
  order: Int32Array;
}

export interface WorkerState {
  state: SessionState;
  stage: number;
  nextPhase: Phase;
  /** a command is running */
  busy: boolean;
  paused: boolean;
  /** what is running, in words */
  activity: string;
  queue: number[];
  labelled: number;
  config: RunConfig | null;
  n: number;
}

export type WorkerEvent =
  | { type: 'ready'; backend: BackendReport }
  | { type: 'progress'; progress: ProgressEvent; losses: EpochLoss[] }
  | ({ type: 'snapshot' } & SnapshotMessage)
  | { type: 'inputProjection'; xy: Float32Array; explained: [number, number] }
  | { type: 'phase'; phase: Phase; stage: number }
  | { type: 'state'; state: WorkerState }
  | { type: 'error'; message: string; fatal: boolean }
  | { type: 'weights'; id: number; weights: WeightsMessage | null }
  /** comparison batch: run `run` of `of` (0-based) is in this phase and epoch */
  | { type: 'compareProgress'; id: number; run: number; of: number; key: string; seed: number; stage: number; phase: Phase; epoch: number; epochs: number }
  | { type: 'compareResult'; id: number; run: number; of: number; result: CompareRunResult }
  | { type: 'compareDone'; id: number; cancelled: boolean; error: string | null; backend: string | null };

/** Transfer list for a snapshot message: the buffers belong to fresh copies made for sending. */
export function snapshotTransfer(m: SnapshotMessage): Transferable[] {
  const t: Transferable[] = [m.snapshot.scores.buffer, m.snapshot.embedding.buffer, m.snapshot.center.buffer, m.order.buffer];
  if (m.grid) t.push(m.grid.x.buffer, m.grid.y.buffer, m.grid.z.buffer);
  return t as Transferable[];
}

/** Copy a snapshot's typed arrays so the engine keeps its own (transfer detaches the sent buffers). */
export function cloneSnapshot(s: StageSnapshot): StageSnapshot {
  return {
    ...s,
    scores: s.scores.slice(),
    embedding: s.embedding.slice(),
    center: s.center.slice(),
    queued: [...s.queued],
    pseudo: [...s.pseudo],
    labelled: s.labelled.map(([i, l]) => [i, l] as [number, Label]),
    aeLoss: [...s.aeLoss],
    occLoss: [...s.occLoss],
  };
}
