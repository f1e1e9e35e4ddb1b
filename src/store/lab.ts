// The lab's zustand store: settings, dataset, worker state, snapshots, progress, curves and hover.
// Persistence and URL state plug in through `settings` + `applySettings` (see src/store/urlState.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Label, Phase, ProgressEvent, RawData } from '../core/types';
import { DEFAULT_SETTINGS, configOverrides, type LabSettings } from './urlState';
import type { BackendReport, Command, EpochLoss, SnapshotMessage, WorkerEvent, WorkerState } from '../protocol';
import type { RunCurve } from '../ui/plots/learningCurve';
import { curveFromSnapshots } from '../ui/plots/learningCurve';
import { trackEpochs, type EpochRates, type PhaseClock } from './labEta';

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
  /** a person's answers for the open queue, not yet sent */
  answers: Map<number, Label>;
  error: string | null;
}

export interface LabActions {
  attach(port: { send(cmd: Command): void }, load: (s: LabSettings) => Promise<{ raw: RawData; source: DataSource; notices: string[] }>): void;
  /** Change settings; the run restarts when the data or the configuration changes. */
  applySettings(patch: Partial<LabSettings>): Promise<void>;
  loadData(): Promise<void>;
  trainRound(): void;
  runRounds(n: number): void;
  step(): void;
  pause(): void;
  resume(): void;
  cancel(): void;
  reset(): void;
  setAnswer(index: number, label: Label | null): void;
  setHover(index: number | null): void;
  setShowTruth(on: boolean): void;
  /** Keep the current run's curve in the overlay (also done on reset and on a settings change). */
  keepCurve(): void;
  clearCurves(): void;
  handleEvent(ev: WorkerEvent): void;
  /** send a command for a side panel (the comparison batch) to the worker */
  send(cmd: Command): void;
  setError(message: string | null): void;
}

export type LabState = LabData & LabActions;

const IDLE: WorkerState = {
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
    case 'state':
      return { run: ev.state, roundsLeft: ev.state.busy ? st.roundsLeft : 0 };
    case 'progress': {
      const { clock, rates } = trackEpochs(st.clock, st.rates, ev.progress);
      return { progress: ev.progress, lossLog: ev.losses.length ? [...st.lossLog, ...ev.losses] : st.lossLog, clock, rates };
    }
    case 'phase':
      return { lastPhase: { phase: ev.phase, stage: ev.stage } };
    case 'snapshot': {
      const msg: SnapshotMessage = { snapshot: ev.snapshot, grid: ev.grid, order: ev.order };
      const snaps = st.snapshots.filter((s) => s.snapshot.stage !== ev.snapshot.stage);
      snaps.push(msg);
      snaps.sort((a, b) => a.snapshot.stage - b.snapshot.stage);
      // a new stage arrived: the previous queue was answered
      const answers = snaps.length !== st.snapshots.length ? new Map<number, Label>() : st.answers;
      const left = snaps.length !== st.snapshots.length && st.roundsLeft > 0 ? st.roundsLeft - 1 : st.roundsLeft;
      return { snapshots: snaps, answers, roundsLeft: left };
    }
    case 'inputProjection':
      return st.data ? { data: { ...st.data, xy: ev.xy, explained: ev.explained } } : {};
    case 'error':
      return { error: ev.message };
    case 'weights':
    case 'preview':
    case 'compareProgress':
    case 'compareResult':
    case 'compareDone':
      return {};
  }
}

/** Listeners for worker events that side panels own (the strategy comparison); true = consumed. */
const sideListeners = new Set<(ev: WorkerEvent) => boolean>();
export function onWorkerEvent(listener: (ev: WorkerEvent) => boolean): () => void {
  sideListeners.add(listener);
  return () => sideListeners.delete(listener);
}

/** Clears the run; a run with results is kept as a curve, labelled with the settings it ran with. */
function freshRun(st: LabData, ranWith: LabSettings = st.settings): Partial<LabData> {
  const curves = [...st.curves];
  if (st.snapshots.length > 1 || (st.snapshots.length === 1 && st.snapshots[0]!.snapshot.auroc !== null)) {
    const id = `run${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
    curves.push({ id, label: runLabel(ranWith), points: curveFromSnapshots(st.snapshots.map((s) => s.snapshot)) });
  }
  return {
    curves: curves.slice(-6), snapshots: [], lossLog: [], progress: null, clock: null, lastPhase: null, answers: new Map(), hover: null, error: null, roundsLeft: 0,
  };
}

export function createLabStore(initial: Partial<LabData> = {}): StoreApi<LabState> {
  let port: { send(cmd: Command): void } | null = null;
  let loader: ((s: LabSettings) => Promise<{ raw: RawData; source: DataSource; notices: string[] }>) | null = null;
  const send = (cmd: Command) => port?.send(cmd);

  return createStore<LabState>()((set, get) => {
    const configure = () => {
      const { settings, data } = get();
      if (!data) return;
      const o = configOverrides(settings);
      send({ type: 'configure', config: { preset: settings.preset, overrides: o, k: settings.k === 'auto' ? null : settings.k } });
    };
    const answersList = (): Array<[number, Label]> => [...get().answers.entries()];

    return {
      settings: LAB_DEFAULTS,
      hidden: new Set(),
      data: null,
      loading: false,
      backend: null,
      run: IDLE,
      progress: null,
      lossLog: [],
      rates: { pretrain: null, train: null },
      clock: null,
      snapshots: [],
      curves: [],
      lastPhase: null,
      roundsLeft: 0,
      hover: null,
      showTruth: false,
      answers: new Map(),
      error: null,
      ...initial,

      attach(p, load) {
        port = p;
        loader = load;
      },

      async applySettings(patch) {
        const before = get().settings;
        const settings = { ...before, ...patch };
        const changed = (k: keyof LabSettings) => settings[k] !== before[k];
        const restarts = ['dataset', 'loss', 'query', 'pseudo', 'pollution', 'seed', 'preset', 'k'].some((k) => changed(k as keyof LabSettings));
        set(restarts ? { ...freshRun(get(), before), settings } : { settings });
        if (changed('backend')) send({ type: 'setBackend', backend: settings.backend });
        if (changed('dataset') || (changed('seed') && get().data?.source === 'synthetic')) {
          await get().loadData();
          return;
        }
        if (restarts) configure();
      },

      async loadData() {
        if (!loader) return;
        const settings = get().settings;
        set({ loading: true, error: null });
        try {
          const { raw, source, notices } = await loader(settings);
          if (get().settings.dataset !== settings.dataset) return; // a newer choice won
          const is2d = raw.d === 2;
          set({
            ...freshRun(get()),
            data: { raw, source, notices, xy: is2d ? Float32Array.from(raw.values) : null, pca: !is2d, explained: null },
            loading: false,
          });
          send({ type: 'setData', data: raw });
          configure();
        } catch (e) {
          set({ loading: false, error: e instanceof Error ? e.message : String(e) });
        }
      },

      trainRound() {
        set({ error: null });
        send({ type: 'trainRound', oracle: get().settings.oracle, answers: answersList() });
      },
      runRounds(n) {
        set({ error: null, roundsLeft: n });
        send({ type: 'runRounds', rounds: n });
      },
      step() {
        set({ error: null });
        send({ type: 'step', oracle: get().settings.oracle, answers: answersList() });
      },
      pause: () => send({ type: 'pause' }),
      resume: () => send({ type: 'resume' }),
      cancel: () => send({ type: 'cancel' }),
      reset() {
        if (get().run.busy) send({ type: 'cancel' });
        set(freshRun(get()));
        send({ type: 'reset' });
      },
      setAnswer(index, label) {
        const answers = new Map(get().answers);
        if (label === null) answers.delete(index);
        else answers.set(index, label);
        set({ answers });
      },
      setHover(index) {
        if (get().hover !== index) set({ hover: index });
      },
      setShowTruth: (on) => set({ showTruth: on }),
      keepCurve() {
        const st = get();
        if (!st.snapshots.length) return;
        const id = `run${Date.now()}`;
        set({ curves: [...st.curves, { id, label: runLabel(st.settings), points: curveFromSnapshots(st.snapshots.map((s) => s.snapshot)) }].slice(-6) });
      },
      clearCurves: () => set({ curves: [] }),
      handleEvent(ev) {
        for (const l of sideListeners) if (l(ev)) return;
        set(reduceEvent(get(), ev));
      },
      send,
      setError: (message) => set({ error: message }),
    };
  });
}
