// The compare slice: the batch sent to the worker, streamed results, progress and the time left.
import type { Phase } from '../../core/types';
import type { Ctx } from './ctx';
import type { DataSource } from '../lab';
import type { Command, CompareRunResult, WorkerEvent } from '../../protocol';
import { experimentCommand, type CommandLine } from '../compare/commandLine';
import { compareRuns, type ComparePick } from '../../worker/compareConfigs';
import { timeLeft } from '../compare/progress';
import { checkSeeds } from '../../engine/seedRun';

export type CompareStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface CompareProgress {
  run: number;
  of: number;
  key: string;
  seed: number;
  stage: number;
  phase: Phase;
  epoch: number;
  epochs: number;
}

export interface CompareData {
  status: CompareStatus;
  id: number;
  configs: Array<{ key: string; label: string }>;
  seeds: number[];
  preset: string;
  dataset: string;
  command: CommandLine | null;
  results: CompareRunResult[];
  progress: CompareProgress | null;
  /** performance.now() at the start of the batch, of the running run, and at the end */
  startedAt: number | null;
  runStartedAt: number | null;
  finishedAt: number | null;
  backend: string | null;
  error: string | null;
}

export interface CompareStart {
  pick: ComparePick;
  seeds: number[];
  dataset: string;
  source: DataSource;
  /** the settings' seed (synthetic data are generated from it) */
  dataSeed: number;
}

export interface CompareActions {
  start(send: (cmd: Command) => void, req: CompareStart): void;
  cancel(send: (cmd: Command) => void): void;
  /** true when the event belonged to the comparison */
  handleEvent(ev: WorkerEvent): boolean;
}

let nextId = 1;

export type CompareSlice = CompareData & CompareActions;

declare module './ctx' {
  interface AppState {
    compare: CompareSlice;
  }
}

export function createCompareSlice(ctx: Ctx): CompareSlice {
  const get = () => ctx.get().compare;
  const set = (p: Partial<CompareSlice>) => ctx.set('compare', p);
  return {
  status: 'idle', id: 0, configs: [], seeds: [], preset: 'paper', dataset: '', command: null, results: [], progress: null,
  startedAt: null, runStartedAt: null, finishedAt: null, backend: null, error: null,

  start(send, req) {
    if (get().status === 'running') return;
    let runs;
    try {
      checkSeeds(req.seeds);
      if (req.seeds.length > 100) throw new Error(`At most 100 seeds (got ${req.seeds.length}).`);
      runs = compareRuns(req.pick);
    } catch (e) {
      set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      return;
    }
    const id = nextId++;
    const now = performance.now();
    set({
      status: 'running', id, configs: runs.map((r) => ({ key: r.key, label: r.label })), seeds: req.seeds, preset: req.pick.preset, dataset: req.dataset,
      command: experimentCommand(req.dataset, req.source, runs, req.seeds, req.dataSeed),
      results: [], progress: null, startedAt: now, runStartedAt: now, finishedAt: null, backend: null, error: null,
    });
    send({ type: 'compare', id, runs: runs.map(({ key, config }) => ({ key, config })), seeds: req.seeds });
  },

  cancel(send) {
    if (get().status === 'running') send({ type: 'compareCancel', id: get().id });
  },

  handleEvent(ev) {
    if (ev.type !== 'compareProgress' && ev.type !== 'compareResult' && ev.type !== 'compareDone') return false;
    if (ev.id !== get().id) return true;
    if (ev.type === 'compareProgress') {
      const { type: _t, id: _i, ...p } = ev;
      set({ progress: p });
    } else if (ev.type === 'compareResult') {
      set({ results: [...get().results, ev.result], runStartedAt: performance.now() });
    } else {
      set({ status: ev.error ? 'error' : ev.cancelled ? 'cancelled' : 'done', error: ev.error, backend: ev.backend, finishedAt: performance.now(), progress: null });
    }
    return true;
  },
  };
}

/** Seconds left in the batch, from the finished runs' wall times. */
export function batchTimeLeft(s: CompareData, now = performance.now()): number | null {
  if (s.status !== 'running') return null;
  const total = s.configs.length * s.seeds.length;
  const elapsed = s.runStartedAt === null ? 0 : (now - s.runStartedAt) / 1000;
  return timeLeft(s.results.map((r) => r.seconds), total, elapsed);
}
