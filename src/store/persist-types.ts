// The saved-session record: one shape for IndexedDB and for the exported session file.
import type { RawData, RunConfig, StageSnapshot, WeightTensor } from '../core/types';
import type { LogRecord } from './log';
import type { LabSettings } from './urlState';

/** 3: the labels are a log of records (one key each) instead of a list rewritten on every decision */
export const SCHEMA_VERSION = 3;

/** A bundled dataset is saved by name; an imported one is saved whole (typed arrays included). */
export type DatasetRef =
  | { source: 'bundled'; name: string }
  | { source: 'imported'; data: RawData; fileName?: string };

export type { WeightTensor } from '../core/types';

export interface ModelWeights {
  /** the stage these weights finished training */
  stage: number;
  tensors: WeightTensor[];
  /** hypersphere center */
  c: Float32Array;
  /** soft-boundary radius */
  R: number;
}

export interface SessionRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  name: string;
  /** ms since the epoch */
  createdAt: number;
  updatedAt: number;
  dataset: DatasetRef;
  settings: LabSettings;
  /** the exact engine config of the run (seed, sizes, epochs); null before the first run */
  config: RunConfig | null;
  /** the decision log, in log order */
  log: LogRecord[];
  /** the run the rounds and model belong to: a writer of an older run cannot set them back */
  runId: string;
  /** one per scored stage, in stage order */
  rounds: StageSnapshot[];
  model: ModelWeights | null;
}

/** What the session list shows (no heavy data). */
export interface SessionSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  dataset: string;
  rounds: number;
  decisions: number;
  /** why the stored session cannot be opened, when it is known to be damaged */
  problem?: string;
}

/** How much room a session takes in the browser's storage (estimated from what is stored). */
export interface SessionSize {
  id: string;
  name: string;
  bytes: number;
}

export function datasetName(d: DatasetRef): string {
  return d.source === 'bundled' ? d.name : d.data.name;
}
