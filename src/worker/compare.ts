// The comparison batch over the engine's one runner (engine/seedRun.ts): configs x seeds, in the lab worker,
// in Node tests and behind the CLI's scripts/runner.ts.
import { makeConfig } from '../engine/config';
import { runSeed } from '../engine/runSeed';
import { PretrainCache } from '../engine/pretrainCache';
import { checkSeeds, type SeedRun } from '../engine/seedRun';
import type { ProgressEvent, RawData, RunConfig } from '../core/types';
import type { CompareRunRequest, ConfigRequest } from '../protocol';

/** A config request (preset, overrides, queries per round) for one seed: the one rule for the lab, the panel and the CLI. */
export function requestConfig(data: RawData, req: ConfigRequest, seed: number): RunConfig {
  const cfg = makeConfig(data, req.preset, { ...req.overrides, seed });
  if (req.k !== undefined && req.k !== null) cfg.sizes = { ...cfg.sizes, k: req.k };
  return cfg;
}

export interface BatchHooks {
  signal?: AbortSignal;
  /** run = 0-based index over all (configuration, seed) pairs, configurations outer, seeds inner */
  onProgress?(run: number, of: number, key: string, seed: number, e: ProgressEvent): void;
  onResult?(run: number, of: number, result: SeedRun): void;
  /** autoencoders shared by the batch's runs (engine/pretrainCache.ts): runBatch makes one */
  pretrainCache?: PretrainCache;
}

/** One whole protocol (initial stage + query rounds) with the simulated oracle, in its own Session. */
export function runOne(data: RawData, req: CompareRunRequest, seed: number, hooks: Omit<BatchHooks, 'onResult'> = {}, run = 0, of = 1): Promise<SeedRun> {
  return runSeed(data, requestConfig(data, req.config, seed), {
    signal: hooks.signal,
    pretrainCache: hooks.pretrainCache,
    onProgress: (e) => hooks.onProgress?.(run, of, req.key, seed, e),
  }, req.key);
}

export { checkSeeds };

/** Every configuration for each seed, one Session after another; a run reuses any autoencoder another run of the batch
 * trained from the same generator state (the same bits, engine/pretrainCache.ts). */
export async function runBatch(data: RawData, runs: CompareRunRequest[], seeds: number[], hooks: BatchHooks = {}): Promise<SeedRun[]> {
  checkSeeds(seeds);
  if (runs.length === 0) throw new Error('Pick at least one configuration to compare.');
  if (!data.labels) throw new Error(`Dataset ${data.name} has no labels, so the simulated oracle cannot answer: comparisons need labelled data.`);
  const of = runs.length * seeds.length;
  const out: SeedRun[] = [];
  const shared = { ...hooks, pretrainCache: hooks.pretrainCache ?? new PretrainCache() };
  for (let c = 0; c < runs.length; c++) {
    for (let j = 0; j < seeds.length; j++) {
      const run = c * seeds.length + j;
      const r = await runOne(data, runs[c]!, seeds[j]!, shared, run, of);
      out.push(r);
      hooks.onResult?.(run, of, r);
    }
  }
  return out;
}
