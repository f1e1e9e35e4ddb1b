// The configurations a comparison runs: losses x queries from the panel, pseudo and the rest from the current settings.
import type { Preset } from '../core/choices';
import type { Loss, Query, RunConfig } from '../core/types';
import { configTitle } from '../engine/names';
import { configKey } from '../engine/seedRun';
import type { CompareRunRequest } from '../protocol';

export interface ComparePick {
  losses: Loss[];
  queries: Query[];
  pseudo: boolean;
  preset: Preset;
  /** anomaly ratio, null = the full data */
  pollution: number | null;
  /** queries per round, null = the dataset's size table */
  k: number | null;
  /** extra makeConfig overrides (tests: tiny epochs); they have no command-line flag */
  extra?: Partial<RunConfig>;
}

/** Losses outer, queries inner; overrides hold what the CLI's specConfig passes to makeConfig (seed is added per run). */
export function compareRuns(p: ComparePick): Array<CompareRunRequest & { label: string; loss: Loss; query: Query }> {
  if (p.losses.length === 0) throw new Error('Pick at least one loss to compare.');
  if (p.queries.length === 0) throw new Error('Pick at least one query strategy to compare.');
  return p.losses.flatMap((loss) => p.queries.map((query) => ({
    key: configKey({ loss, query, pseudo: p.pseudo }),
    label: configTitle(loss, query, p.pseudo),
    loss, query,
    config: {
      preset: p.preset,
      overrides: { loss, query, pseudo: p.pseudo, pollution: p.pollution, ...p.extra },
      k: p.k,
    },
  })));
}
