// The comparison batch, engine-only (runs in the lab worker and in Node tests): configs x seeds 1..N, like scripts/runner.ts.
import { makeConfig, Session, simulatedOracle } from '../engine/session';
import type { ProgressEvent, RawData, RunConfig } from '../core/types';
import type { CompareRunRequest, CompareRunResult, ConfigRequest } from './protocol';

/** A page's config request (preset, overrides, queries per round) for one seed, as scripts/runner.ts builds it. */
export function requestConfig(data: RawData, req: ConfigRequest, seed: number): RunConfig {
  const cfg = makeConfig(data, req.preset, { ...req.overrides, seed });
  if (req.k !== undefined && req.k !== null) cfg.sizes = { ...cfg.sizes, k: req.k };
  return cfg;
}

export interface BatchHooks {
  signal?: AbortSignal;
  /** run = 0-based index over all (configuration, seed) pairs, configurations outer, seeds inner */
  onProgress?(run: number, of: number, key: string, seed: number, e: ProgressEvent): void;
  onResult?(run: number, of: number, result: CompareRunResult): void;
}

/** One whole protocol (initial stage + `rounds` query rounds) with the simulated oracle, in its own Session. */
export async function runOne(data: RawData, req: CompareRunRequest, seed: number, hooks: Omit<BatchHooks, 'onResult'> = {}, run = 0, of = 1): Promise<CompareRunResult> {
  const t0 = performance.now();
  const session = new Session(data, requestConfig(data, req.config, seed), {
    signal: hooks.signal,
    onProgress: (e) => hooks.onProgress?.(run, of, req.key, seed, e),
  });
  try {
    if (!session.pool.labels) throw new Error('Comparing strategies needs labelled data: the simulated oracle answers from the labels.');
    const snaps = await session.run(simulatedOracle(session.pool.labels));
    return {
      key: req.key, seed,
      auroc: snaps.map((s) => s.auroc),
      ap: snaps.map((s) => s.ap),
      stageSeconds: snaps.map((s) => s.seconds),
      labels: snaps.map((s) => s.labelled.length),
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    session.dispose();
  }
}

/** Every configuration for seeds 1..seeds, one Session after another. */
export async function runBatch(data: RawData, runs: CompareRunRequest[], seeds: number, hooks: BatchHooks = {}): Promise<CompareRunResult[]> {
  if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`The number of seeds must be a whole number of at least 1 (got ${seeds}).`);
  if (runs.length === 0) throw new Error('Pick at least one configuration to compare.');
  if (!data.labels) throw new Error(`Dataset ${data.name} has no labels, so the simulated oracle cannot answer: comparisons need labelled data.`);
  const of = runs.length * seeds;
  const out: CompareRunResult[] = [];
  for (let c = 0; c < runs.length; c++) {
    for (let seed = 1; seed <= seeds; seed++) {
      const run = c * seeds + seed - 1;
      const r = await runOne(data, runs[c]!, seed, hooks, run, of);
      out.push(r);
      hooks.onResult?.(run, of, r);
    }
  }
  return out;
}
