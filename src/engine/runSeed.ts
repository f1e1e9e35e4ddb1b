// The runner itself (a real Session with the simulated oracle), apart from seedRun.ts's records and metrics, so
// the page's main thread can use those without loading the tensor engine.
import { Session, simulatedOracle, type SessionHooks } from './session';
import { configKey, seedRunOf, stageResult, type SeedRun } from './seedRun';
import type { RawData, RunConfig } from '../core/types';
import { stageZeroFamily } from './stageZero';
import { PretrainCache } from './pretrainCache';

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
  /** shared by the trunk and every fork (and by other families of the seed: runSeedGroup) */
  pretrainCache?: PretrainCache;
}

export async function runFamily(data: RawData, configs: RunConfig[], keys = configs.map(configKey), hooks: FamilyHooks = {}): Promise<SeedRun[]> {
  if (!data.labels) throw new Error(`Dataset ${data.name} has no labels, so the simulated oracle cannot answer: runs need labelled data.`);
  if (configs.length === 0) return [];
  const family = stageZeroFamily(configs[0]!.loss);
  const other = configs.find((c) => stageZeroFamily(c.loss) !== family);
  if (other) throw new Error(`${other.loss} does not share stage 0 with ${configs[0]!.loss}.`);
  const t0 = performance.now();
  const own = { keepLosses: hooks.keepLosses, pretrainCache: hooks.pretrainCache };
  const trunk = new Session(data, configs[0]!, own);
  try {
    await trunk.trainStage();
    const shared = (performance.now() - t0) / 1000;
    hooks.onShared?.();
    const out: SeedRun[] = [];
    for (let i = 0; i < configs.length; i++) {
      const t1 = performance.now() - shared * 1000;
      out.push(await finish(trunk.fork(configs[i]!, own), keys[i]!, t1));
      hooks.onRun?.(i, out[i]!);
    }
    return out;
  } finally {
    trunk.dispose();
  }
}

/** Every configuration of one seed, family by family (largest first), all sharing one PretrainCache: a run's autoencoder
 * is reused whenever another run of the seed reached the same generator state, so the results are runSeed's, bit for
 * bit. `onShared(family)` and `onRun(i)` use the indices of `configs`. */
export async function runSeedGroup(
  data: RawData, configs: RunConfig[], keys = configs.map(configKey),
  hooks: Omit<FamilyHooks, 'onShared'> & { onShared?(members: number[]): void } = {},
): Promise<SeedRun[]> {
  const families = new Map<string, number[]>();
  configs.forEach((c, i) => families.set(stageZeroFamily(c.loss), [...(families.get(stageZeroFamily(c.loss)) ?? []), i]));
  const cache = hooks.pretrainCache ?? new PretrainCache();
  const out: SeedRun[] = new Array(configs.length);
  for (const members of [...families.values()].sort((a, b) => b.length - a.length)) {
    const runs = await runFamily(data, members.map((i) => configs[i]!), members.map((i) => keys[i]!), {
      keepLosses: hooks.keepLosses, pretrainCache: cache,
      onShared: () => hooks.onShared?.(members),
      onRun: (j, run) => hooks.onRun?.(members[j]!, run),
    });
    runs.forEach((r, j) => { out[members[j]!] = r; });
  }
  return out;
}
