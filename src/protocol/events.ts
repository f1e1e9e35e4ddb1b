// Events from the lab worker to the page: plain data and typed arrays only (structured clone + transfer).
import type { Phase, ProgressEvent, RunConfig, SessionState, StageSnapshot } from '../core/types';
import type { BackendName } from '../core/choices';
import type { SeedRun } from '../engine/seedRun';
import type { CollapseStats } from '../engine/collapse';
import type { FittedCoords } from '../engine/latentPlane';

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
  /** score rank per pool row (1 = highest), computed in the worker so the page does not sort every score */
  rank?: Int32Array;
  /** how spread the scores are (the collapse guard), from the worker: the page does not scan every score */
  collapse?: CollapseStats;
  /** the latent view's plane (fitted coordinates and the two directions), from the worker: no O(n) pass on the page */
  latent?: { fitted: FittedCoords; axes: [Float64Array, Float64Array] | null };
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
  /** the stepper's view of the cloud after the centre or train phase (not a stage result) */
  | ({ type: 'preview'; phase: 'center' | 'train' } & SnapshotMessage)
  | { type: 'inputProjection'; xy: Float32Array; explained: [number, number] }
  | { type: 'phase'; phase: Phase; stage: number }
  | { type: 'state'; state: WorkerState }
  | { type: 'error'; message: string; fatal: boolean }
  | { type: 'weights'; id: number; weights: WeightsMessage | null }
  /** comparison batch: run `run` of `of` (0-based) is in this phase and epoch */
  | { type: 'compareProgress'; id: number; run: number; of: number; key: string; seed: number; stage: number; phase: Phase; epoch: number; epochs: number }
  | { type: 'compareResult'; id: number; run: number; of: number; result: CompareRunResult }
  | { type: 'compareDone'; id: number; cancelled: boolean; error: string | null; backend: string | null };


/** The answer to a 'ping': only the worker client sees it (it is how a silent worker is noticed). */
export interface PongEvent { type: 'pong'; id: number }

/** Everything the worker posts. */
export type WorkerMessage = WorkerEvent | PongEvent;
