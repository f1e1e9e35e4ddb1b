// The runner itself (a real Session with the simulated oracle), apart from seedRun.ts's records and metrics, so
// the page's main thread can use those without loading the tensor engine.
import { Session, simulatedOracle, type SessionHooks } from './session';
import { configKey, seedRunOf, stageResult, type SeedRun } from './seedRun';
import type { RawData, RunConfig } from '../core/types';

/** The whole protocol (initial stage + config.rounds query rounds) in its own Session. */
export async function runSeed(data: RawData, config: RunConfig, hooks: SessionHooks = {}, key = configKey(config)): Promise<SeedRun> {
  if (!data.labels) throw new Error(`Dataset ${data.name} has no labels, so the simulated oracle cannot answer: runs need labelled data.`);
  const t0 = performance.now();
  const session = new Session(data, config, hooks);
  try {
    const snaps = await session.run(simulatedOracle(session.pool.labels!));
    const stages = snaps.map((s) => stageResult(s, session.pool.labels));
    return seedRunOf(key, config.seed, stages, (performance.now() - t0) / 1000);
  } finally {
    session.dispose();
  }
}
