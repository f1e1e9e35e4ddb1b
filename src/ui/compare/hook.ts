// The comparison's part of window.__lab (e2e tests and the console): read the batch, start one with any overrides.
import type { Loss, Query, RunConfig } from '../../core/types';
import type { Preset } from '../../core/choices';
import { labStore } from '../useLab';
import { compareStore } from '../../store/panels';
import { aggregate } from './table';

export interface CompareHook {
  state(): {
    status: string;
    configs: Array<{ key: string; label: string }>;
    seeds: number[];
    results: Array<{ key: string; seed: number; auroc: Array<number | null>; ap: Array<number | null>; labels: number[]; seconds: number; collapsed: boolean }>;
    rows: ReturnType<typeof aggregate>;
    /** performance.now() at start and end of the batch */
    startedAt: number | null;
    finishedAt: number | null;
    backend: string | null;
    error: string | null;
    command: string[];
  };
  /** queries x losses (default: the current loss) with the current settings' pseudo, pollution and k */
  start(opts: { queries: Query[]; losses?: Loss[]; /** a count n means seeds 1..n */ seeds: number | number[]; preset: Preset; pseudo?: boolean; extra?: Partial<RunConfig> }): void;
  cancel(): void;
}

export const compareHook: CompareHook = {
  state() {
    const s = compareStore.getState();
    return {
      status: s.status, configs: s.configs, seeds: s.seeds, startedAt: s.startedAt, finishedAt: s.finishedAt, backend: s.backend, error: s.error,
      results: s.results.map((r) => ({ key: r.key, seed: r.seed, auroc: r.stages.map((x) => x.auroc), ap: r.stages.map((x) => x.ap), labels: r.stages.map((x) => x.labels), seconds: r.seconds, collapsed: r.collapsed })),
      rows: aggregate(s.configs, s.results),
      command: s.command?.lines ?? [],
    };
  },
  start(o) {
    const st = labStore.getState();
    const set = st.settings;
    compareStore.getState().start(st.send, {
      pick: {
        losses: o.losses ?? [set.loss], queries: o.queries, pseudo: o.pseudo ?? set.pseudo, preset: o.preset,
        pollution: set.pollution === 'full' ? null : set.pollution, k: set.k === 'auto' ? null : set.k, extra: o.extra,
      },
      seeds: typeof o.seeds === 'number' ? Array.from({ length: o.seeds }, (_, i) => i + 1) : o.seeds, dataset: set.dataset, source: st.data?.source ?? 'bundled', dataSeed: set.seed,
    });
  },
  cancel: () => compareStore.getState().cancel(labStore.getState().send),
};
