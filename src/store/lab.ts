// The lab slice's data and the pure part of its event handling (the actions are in slices/lab.ts).
import type { Label, Phase, ProgressEvent, RawData } from '../core/types';
import { DEFAULT_SETTINGS, type LabSettings } from './urlState';
import type { BackendReport, EpochLoss, SnapshotMessage, WorkerEvent, WorkerState } from '../protocol';
import { curveFromSnapshots, type RunCurve } from './curves';
import { trackEpochs, type EpochRates, type PhaseClock } from './labEta';
import { sharePairs } from './replay';

/** The lab opens on the settings table's defaults (a synthetic 2-D set generated in the page, no download). */
export const LAB_DEFAULTS: LabSettings = DEFAULT_SETTINGS;

/** generated in the page, a bundled CSV, or the user's own file */
export type DataSource = 'synthetic' | 'bundled' | 'file';

export interface LoadedData {
  raw: RawData;
  source: DataSource;
  /** per original row, n x 2: the raw plane for 2-D data, else the worker's PCA (null until it arrives) */
  xy: Float32Array | null;
  pca: boolean;
  explained: [number, number] | null;
  notices: string[];
}

/** The one place LoadedData is built: a 2-D set is its own plane; wider data waits for the worker's PCA. */
export function loadedData(raw: RawData, source: DataSource, notices: string[]): LoadedData {
  const is2d = raw.d === 2;
  return { raw, source, notices, xy: is2d ? Float32Array.from(raw.values) : null, pca: !is2d, explained: null };
}

export interface Preview {
  phase: 'center' | 'train';
  msg: SnapshotMessage;
}

export interface LabData {
  settings: LabSettings;
  /** controls the URL asked to hide (the URL helper fills this) */
  hidden: Set<string>;
  data: LoadedData | null;
  loading: boolean;
  backend: BackendReport | null;
  run: WorkerState;
  progress: ProgressEvent | null;
  lossLog: EpochLoss[];
  rates: EpochRates;
  clock: PhaseClock | null;
  snapshots: SnapshotMessage[];
  /** finished runs kept for the learning-curve overlay */
  curves: RunCurve[];
  /** the phase the stepper last ran, and which stage */
  lastPhase: { phase: Phase; stage: number } | null;
  /** rounds still to go in a multi-round run (for the time-left estimate) */
  roundsLeft: number;
  hover: number | null;
  showTruth: boolean;
  /** the stepper's latent cloud after "centre" and "train", until the stage is scored */
  preview: Preview | null;
  /** a person's answers for the open queue, not yet sent */
  answers: Map<number, Label>;
  error: string | null;
}


export const IDLE: WorkerState = {
  state: 'ready', stage: 0, nextPhase: 'pretrain', busy: false, paused: false, activity: 'starting', queue: [], labelled: 0, config: null, n: 0,
};

export function runLabel(s: LabSettings): string {
  return `${s.dataset} · ${s.query} · ${s.loss}${s.pseudo ? ' + pseudo' : ''} · seed ${s.seed}`;
}

/** Pure part of the event handling, testable without a worker. */
export function reduceEvent(st: LabData, ev: WorkerEvent): Partial<LabData> {
  switch (ev.type) {
    case 'ready':
      return { backend: ev.backend };
    case 'state': {
      // a reset run has no preview to show
      const reset = ev.state.stage === 0 && ev.state.nextPhase === 'pretrain' && st.preview !== null;
      return { run: ev.state, roundsLeft: ev.state.busy ? st.roundsLeft : 0, ...(reset ? { preview: null } : {}) };
    }
    case 'progress': {
      const { clock, rates } = trackEpochs(st.clock, st.rates, ev.progress);
      return { progress: ev.progress, lossLog: ev.losses.length ? [...st.lossLog, ...ev.losses] : st.lossLog, clock, rates };
    }
    case 'phase':
      return { lastPhase: { phase: ev.phase, stage: ev.stage } };
    case 'snapshot': {
      // the labels' pair objects shared with the round before (each round lists every label so far)
      const before = st.snapshots.filter((s) => s.snapshot.stage < ev.snapshot.stage).at(-1)?.snapshot;
      const msg: SnapshotMessage = { snapshot: sharePairs(ev.snapshot, before), grid: ev.grid, order: ev.order, ...(ev.rank ? { rank: ev.rank } : {}), ...(ev.collapse ? { collapse: ev.collapse } : {}), ...(ev.latent ? { latent: ev.latent } : {}) };
      const snaps = st.snapshots.filter((s) => s.snapshot.stage !== ev.snapshot.stage);
      snaps.push(msg);
      snaps.sort((a, b) => a.snapshot.stage - b.snapshot.stage);
      // only the latest stage is drawn in the latent view: earlier ones let go of their plane (2 x n values each)
      for (let k = 0; k < snaps.length - 1; k++) delete snaps[k]!.latent;
      // a new stage arrived: the previous queue was answered
      const answers = snaps.length !== st.snapshots.length ? new Map<number, Label>() : st.answers;
      const left = snaps.length !== st.snapshots.length && st.roundsLeft > 0 ? st.roundsLeft - 1 : st.roundsLeft;
      return { snapshots: snaps, answers, roundsLeft: left, preview: null };
    }
    case 'inputProjection':
      return st.data ? { data: { ...st.data, xy: ev.xy, explained: ev.explained } } : {};
    case 'error':
      return { error: ev.message };
    case 'preview':
      return { preview: { phase: ev.phase, msg: { snapshot: ev.snapshot, grid: ev.grid, order: ev.order, ...(ev.latent ? { latent: ev.latent } : {}) } } };
    case 'weights':
    case 'compareProgress':
    case 'compareResult':
    case 'compareDone':
      return {};
  }
}

/** Clears the run; a run with results is kept as a curve, labelled with the settings it ran with. */
export function freshRun(st: LabData, ranWith: LabSettings = st.settings): Partial<LabData> {
  const curves = [...st.curves];
  if (st.snapshots.length > 1 || (st.snapshots.length === 1 && st.snapshots[0]!.snapshot.auroc !== null)) {
    const id = `run${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
    curves.push({ id, label: runLabel(ranWith), points: curveFromSnapshots(st.snapshots.map((s) => s.snapshot)) });
  }
  return {
    curves: curves.slice(-6), snapshots: [], lossLog: [], progress: null, clock: null, lastPhase: null, answers: new Map(), hover: null, error: null, roundsLeft: 0,
  };
}

