// Commands from the page to the lab worker: plain data and typed arrays only (structured clone + transfer).
import type { Label, RawData, ReplayEvent, RunConfig } from '../core/types';
import type { BackendChoice, OracleKind, Preset } from '../core/choices';

/** What the page may change in a run (everything else comes from makeConfig's preset). */
export interface ConfigRequest {
  preset: Preset;
  overrides: Partial<RunConfig>;
  /** queries per round; null = the dataset's size table */
  k?: number | null;
}

export type LabCommand =
  | { type: 'init'; backend: BackendChoice; probeAll?: boolean }
  | { type: 'setData'; data: RawData }
  | { type: 'configure'; config: ConfigRequest }
  /** answer the open queue (simulated oracle, or the given answers), then train, score and query one stage */
  | { type: 'trainRound'; oracle: OracleKind; answers?: Array<[number, Label]> }
  | { type: 'runRounds'; rounds: number }
  /** one phase of the stage (the teaching stepper) */
  | { type: 'step'; oracle: OracleKind; answers?: Array<[number, Label]> }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' }
  | { type: 'reset' }
  | { type: 'setBackend'; backend: BackendChoice }
  /** change or remove a label given earlier (history edit, plot label outside the open queue); used at the next training */
  | { type: 'relabel'; index: number; label: Label | null }
  /** rebuild the model after a reload or crash: replay the label history up to `stage`, then (reopen) train and query it again */
  | { type: 'restore'; events: ReplayEvent[]; stage: number; reopen: boolean }
  /** ask for the trained weights (answered by a 'weights' event with the same id) */
  | { type: 'getWeights'; id: number }
  /** run each configuration for each seed with the simulated oracle in separate Sessions (the user's session is left alone) */
  | { type: 'compare'; id: number; runs: CompareRunRequest[]; seeds: number[] }
  /** stop the comparison batch `id` (acts at once) */
  | { type: 'compareCancel'; id: number }
  /** are you there? answered at once by a 'pong' with the same id, even while a long command runs */
  | { type: 'ping'; id: number };

/** Sabotage for the end-to-end tests: obeyed only by a worker started for a page opened with ?test. */
export type TestCommand =
  /** the next progress callback throws like a lost GPU device */
  | { type: 'debugFailNext' }
  /** the worker throws an uncaught error (the page restarts it), now or armed for the next training epoch */
  | { type: 'debugCrash'; atNextEpoch?: boolean }
  /** the worker closes itself without a word (no error event): the page must notice by the missing pongs */
  | { type: 'debugStop' };

export type Command = LabCommand | TestCommand;

export const TEST_COMMANDS: ReadonlyArray<TestCommand['type']> = ['debugFailNext', 'debugCrash', 'debugStop'];

/** One configuration of a comparison: makeConfig(data, preset, { ...overrides, seed }) for each seed. */
export interface CompareRunRequest {
  key: string;
  config: ConfigRequest;
}

