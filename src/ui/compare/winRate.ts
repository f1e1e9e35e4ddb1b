// Each configuration against random with the same loss and pseudo setting: win rate over the shared seeds and the paired test.
import { pairedTest, type PairedResult } from '../../engine/paired';
import type { SeedRun } from '../../engine/seedRun';

export type CompareMetric = 'auroc' | 'ap' | 'aurocUnlabelled' | 'pauc' | 'found' | 'precision';

export interface WinRate {
  /** the random configuration it is paired with */
  baseline: string;
  test: PairedResult;
}

/** 'nce/abs/ps1' -> 'nce/random/ps1'; null for a random configuration itself. */
export function randomTwin(key: string): string | null {
  const [loss, query, ps] = key.split('/');
  return query === 'random' ? null : `${loss}/random/${ps}`;
}

/** The last stage's value of a metric for one run (null when the stage has none). */
export function finalValue(r: SeedRun, m: CompareMetric): number | null {
  const s = r.stages[r.stages.length - 1];
  return s ? s[m] : null;
}

/** Per configuration key: its win rate against random on the last stage's metric, paired by seed. */
export function winRates(keys: string[], results: SeedRun[], metric: CompareMetric = 'auroc'): Map<string, WinRate> {
  const out = new Map<string, WinRate>();
  for (const key of keys) {
    const base = randomTwin(key);
    if (!base || !keys.includes(base)) continue;
    const bySeed = new Map(results.filter((r) => r.key === base).map((r) => [r.seed, r]));
    const a: number[] = [];
    const b: number[] = [];
    for (const r of results) {
      if (r.key !== key) continue;
      const o = bySeed.get(r.seed);
      const va = finalValue(r, metric);
      const vb = o ? finalValue(o, metric) : null;
      if (va === null || vb === null) continue;
      a.push(va);
      b.push(vb);
    }
    if (a.length) out.set(key, { baseline: base, test: pairedTest(a, b) });
  }
  return out;
}
