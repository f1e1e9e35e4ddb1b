// The runner itself (a real Session with the simulated oracle), apart from seedRun.ts's records and metrics, so
// the page's main thread can use those without loading the tensor engine.
import { Session, simulatedOracle, type SessionHooks } from './session';
import { configKey, seedRunOf, stageResult, type SeedRun } from './seedRun';
import type { RawData, RunConfig } from '../core/types';
import { stageZeroFamily } from './stageZero';

/** The whole protocol (initial stage + config.rounds query rounds) in its own Session. */
export async function runSeed(data: RawData, config: RunConfig, hooks: SessionHooks = {}, key = configKey(config)): Promise<SeedRun> {
  if (!data.labels) throw new Error(`Dataset ${data.name} has no labels, so the simulated oracle cannot answer: runs need labelled data.`);
  const t0 = performance.now();
  return finish(new Session(data, config, hooks), key, t0);
}

async function finish(session: Session, key: string, t0: number): Promise<SeedRun> {
  try {
    const snaps = await session.run(simulatedOracle(session.pool.labels!));
    const stages = snaps.map((s) => stageResult(s, session.pool.labels));
    return seedRunOf(key, session.config.seed, stages, (performance.now() - t0) / 1000);
  } finally {
    session.dispose();
  }
}

/** Runs of one family (stageZero.ts) for one seed: stage 0 trained once, then forked for each configuration. The
 * results are those of runSeed, bit for bit; each run's seconds count the shared stage 0 in full. */
export interface FamilyHooks {
  /** stage 0 trained (before the first fork) */
  onShared?(): void;
  /** configuration i finished */
  onRun?(i: number, run: SeedRun): void;
  /** as SessionHooks.keepLosses, for the trunk and every fork */
  keepLosses?: boolean;
}

export async function runFamily(data: RawData, configs: RunConfig[], keys = configs.map(configKey), hooks: FamilyHooks = {}): Promise<SeedRun[]> {
  if (!data.labels) throw new Error(`Dataset ${data.name} has no labels, so the simulated oracle cannot answer: runs need labelled data.`);
  if (configs.length === 0) return [];
  const family = stageZeroFamily(configs[0]!.loss);
  const other = configs.find((c) => stageZeroFamily(c.loss) !== family);
  if (other) throw new Error(`${other.loss} does not share stage 0 with ${configs[0]!.loss}.`);
  const t0 = performance.now();
  const trunk = new Session(data, configs[0]!, { keepLosses: hooks.keepLosses });
  try {
    await trunk.trainStage();
    const shared = (performance.now() - t0) / 1000;
    hooks.onShared?.();
    const out: SeedRun[] = [];
    for (let i = 0; i < configs.length; i++) {
      const t1 = performance.now() - shared * 1000;
      out.push(await finish(trunk.fork(configs[i]!, { keepLosses: hooks.keepLosses }), keys[i]!, t1));
      hooks.onRun?.(i, out[i]!);
    }
    return out;
  } finally {
    trunk.dispose();
  }
}
