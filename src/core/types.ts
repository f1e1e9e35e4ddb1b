// The shared types of every layer: plain data only, so they cross the worker boundary and serialise to JSON.

export const LOSSES = [
  'soft_boundary', 'one_class', 'dsad', 'nce', 'soft_boundary_nce', 'one_class_uai', 'soft_boundary_uai',
] as const;
export type Loss = (typeof LOSSES)[number];

export const QUERIES = ['random', 'mlp', 'db', 'abs', 'no', 'margin', 'diverse', 'density'] as const;
/** The paper's five query strategies; the others are beyond the paper (engine/boundary.ts). */
export const PAPER_QUERIES = ['random', 'mlp', 'db', 'abs', 'no'] as const;
export type Query = (typeof QUERIES)[number];

/** reference = reproduce the authors' code (quirks marked Keep); improved = plain defects fixed. */
export const MODES = ['reference', 'improved'] as const;
export type Mode = (typeof MODES)[number];

/** Data label: 0 normal, 1 anomaly. */
export type Label = 0 | 1;

export interface DataKind { type: 'tabular' | 'image'; shape?: [number, number] }

/** A raw numeric table as loaded (before scaling). Row-major n x d. */
export interface RawData {
  name: string;
  n: number;
  d: number;
  values: Float64Array;
  /** 0 normal / 1 anomaly per row, or null when the data has no labels (only a person can answer). */
  labels: Uint8Array | null;
  featureNames: string[];
  kind?: DataKind;
}

/** Network and protocol sizes for one dataset (algorithm.md 3.1, 7.2, 2.5). */
export interface Sizes {
  hDims: number[];
  repDim: number;
  batchSize: number;
  /** queries per round (k) */
  k: number;
}

/** Everything that defines one run; with the data and the backend it fixes the scores bit for bit. */
export interface RunConfig {
  loss: Loss;
  query: Query;
  /** pseudo-abnormal samples on/off (algorithm.md 7.6) */
  pseudo: boolean;
  mode: Mode;
  seed: number;
  /** anomaly ratio to subsample to; null = the full data (the paper's setting) */
  pollution: number | null;
  aeEpochs: number;
  occEpochs: number;
  /** query rounds after the initial stage (paper: 5, so 6 stages) */
  rounds: number;
  /** improved mode only: keep network, c and optimiser between stages instead of retraining from scratch */
  warmStart: boolean;
  sizes: Sizes;
  lr: number;
  weightDecay: number;
}

/** The steps of one stage, in order; the teaching stepper walks these. */
export const PHASES = ['pretrain', 'center', 'train', 'score', 'query', 'label'] as const;
export type Phase = (typeof PHASES)[number];

export type SessionState =
  | 'ready' // nothing trained yet, or between phases
  | 'running'
  | 'awaiting_labels' // queue is out; an external oracle must answer
  | 'done'
  | 'cancelled'
  | 'error';

export interface ProgressEvent {
  stage: number;
  phase: Phase;
  epoch: number;
  epochs: number;
  /** mean loss of the last finished epoch, null before the first */
  loss: number | null;
  elapsedMs: number;
}

/** What one stage produced: enough to draw every plot and to resume. Typed arrays transfer cheaply. */
export interface StageSnapshot {
  stage: number;
  /** D(x) = ||phi(x) - c||^2 for every row */
  scores: Float32Array;
  /** phi(x), row-major n x repDim */
  embedding: Float32Array;
  repDim: number;
  center: Float32Array;
  /** soft-boundary radius R (0 where the loss never updates it) */
  radius: number;
  /** ABS query quantile position used for this stage's query, null for other strategies */
  qp: number | null;
  /** score (D) at the ABS boundary, null for other strategies */
  absBoundary: number | null;
  /** indices queried after this stage, in query order */
  queued: number[];
  /** pseudo-abnormal indices chosen after this stage's query */
  pseudo: number[];
  /** labels known (cumulative) when this stage trained: index -> 0 normal / 1 anomaly */
  labelled: Array<[number, Label]>;
  auroc: number | null;
  ap: number | null;
  /** AUROC over the samples that were unlabelled when this stage trained */
  aurocUnlabelled: number | null;
  aeLoss: number[];
  occLoss: number[];
  seconds: number;
}

/** Answers a query: returns labels for the given indices (possibly later: a person). */
export interface Oracle {
  label(indices: number[]): Promise<Label[]>;
}

/** One answer of the oracle: `label` for pool row `index`, given after stage `stage` trained. */
export interface LabelEvent {
  stage: number;
  index: number;
  label: Label;
}

/** A change replayed after stage `stage`: a label given then, or (null) one taken back then, as the live model got it. */
export interface ReplayEvent {
  stage: number;
  index: number;
  label: Label | null;
}

/** Shape of the network a timing probe trains: like the real encoder for the current data. */
export interface ProbeShape {
  d: number;
  hDims: number[];
  repDim: number;
  batch: number;
}

/** A person's answer for one queued sample ('skip': not sure). */
export type Decision = 'normal' | 'anomaly' | 'skip';
export type DecisionSource = 'key' | 'plot' | 'simulated';

/** One decision as the page lists it (folded from the decision log). */
export interface HistoryEntry {
  /** position of this decision in the log (edit and remove address entries by it) */
  seq: number;
  /** pool index of the sample */
  index: number;
  label: Decision;
  /** the round (stage) whose queue this decision belongs to */
  round: number;
  /** ms since the epoch */
  time: number;
  source: DecisionSource;
}

/** One weight tensor, row-major float32 (tfjs order). */
export interface WeightTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}
