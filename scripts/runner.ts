// The CLI's view of the lab's runner (src/worker/compare.ts over src/engine/seedRun.ts): a spec from flags, seeds 1..N.
import type { Preset } from '../src/core/choices';
import { configKey, type SeedRun } from '../src/engine/seedRun';
import type { Loss, Mode, Query, RunConfig } from '../src/core/types';
import { requestConfig } from '../src/worker/compare';
import { runSeed, runSeedGroup as runGroupOf } from '../src/engine/runSeed';
import type { CompareRunRequest } from '../src/protocol';
import type { RawData } from '../src/core/types';

export interface RunSpec {
  loss: Loss;
  query: Query;
  pseudo: boolean;
  mode: Mode;
  pollution: number | null;
  preset?: Preset;
  /** queries per round; null = the dataset's size table */
  k?: number | null;
  overrides?: Partial<RunConfig>;
}

/** The panel's request for the same configuration: the CLI and the page build configs by one rule. */
export function specRequest(spec: RunSpec): CompareRunRequest {
  const { loss, query, pseudo, mode, pollution } = spec;
  return { key: configKey(spec), config: { preset: spec.preset ?? 'paper', overrides: { loss, query, pseudo, mode, pollution, ...spec.overrides }, k: spec.k ?? null } };
}

/** Seeds 1..n (a number) or the given list, one run each, as the panel's runOne but keeping no loss curve (a SeedRun holds
 * none), so NCE skips its pair term's value: the same numbers, far less time on large labelled sets (nslkdd). */
export async function runSeeds(raw: RawData, spec: RunSpec, seeds: number | number[], onSeed?: (s: number) => void): Promise<SeedRun[]> {
  if (!raw.labels) throw new Error('The experiment runner needs labelled data (the simulated oracle answers from the labels).');
  const list = typeof seeds === 'number' ? Array.from({ length: seeds }, (_, i) => i + 1) : seeds;
  const req = specRequest(spec);
  const out: SeedRun[] = [];
  for (const seed of list) {
    out.push(await runSeed(raw, requestConfig(raw, req.config, seed), { keepLosses: false }, req.key));
    onSeed?.(seed);
  }
  return out;
}

/** One seed of configurations (engine/runSeed.ts runSeedGroup): stage 0 trained once per family, autoencoders reused
 * across the seed; no loss curve kept, as runSeeds. */
export function runSeedGroup(raw: RawData, specs: RunSpec[], seed: number, hooks: Parameters<typeof runGroupOf>[3] = {}): Promise<SeedRun[]> {
  const reqs = specs.map(specRequest);
  return runGroupOf(raw, reqs.map((r) => requestConfig(raw, r.config, seed)), reqs.map((r) => r.key), { keepLosses: false, ...hooks });
}

/** One metric as a seeds x stages matrix (NaN where a stage has none), as the JSON output and parity use it. */
export function perSeed(runs: SeedRun[], metric: 'auroc' | 'ap' | 'aurocUnlabelled' | 'pauc' | 'precision' | 'found' | 'seconds'): number[][] {
  return runs.map((r) => r.stages.map((s) => s[metric] ?? NaN));
}
