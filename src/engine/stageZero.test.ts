// Stage 0 shared by a loss family: the forked runs are the separate runs, bit for bit; forks that would differ are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from './synthetic';
import { runFamily, runSeed } from './runSeed';
import { Session } from './session';
import { checkFork, stageZeroFamily } from './stageZero';
import { cpuBackend } from './testing';
import { makeConfig, paperGrid } from './config';
import type { Loss, Query, RunConfig } from '../core/types';
import type { SeedRun } from './seedRun';

beforeAll(cpuBackend);

const raw = makeSynthetic('blobs', 2, 240);
const cfg = (loss: Loss, query: Query, pseudo: boolean, seed = 4): RunConfig =>
  makeConfig(raw, 'paper', { loss, query, pseudo, seed, aeEpochs: 3, occEpochs: 3, rounds: 2, sizes: { hDims: [8], repDim: 3, batchSize: 32, k: 5 } });
// the timing is the one field two identical runs do not share
const numbers = (r: SeedRun) => ({ ...r, seconds: 0, stages: r.stages.map((s) => ({ ...s, seconds: 0 })) });

describe('stage-0 families', () => {
  it('groups the losses whose unlabelled stage 0 is one training', () => {
    expect(['one_class', 'nce', 'dsad', 'soft_boundary', 'soft_boundary_nce', 'one_class_uai', 'soft_boundary_uai'].map((l) => stageZeroFamily(l as Loss)))
      .toEqual(['one_class', 'one_class', 'one_class', 'soft_boundary', 'soft_boundary', 'one_class_uai', 'soft_boundary_uai']);
    // the paper's 18 configurations: 9 + 8 + 1
    const counts = new Map<string, number>();
    for (const g of paperGrid()) counts.set(stageZeroFamily(g.loss), (counts.get(stageZeroFamily(g.loss)) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ soft_boundary: 8, one_class: 9, one_class_uai: 1 });
  });

  it('a family run from one stage 0 gives each configuration exactly its own run', async () => {
    const family = [cfg('one_class', 'random', false), cfg('nce', 'abs', true), cfg('dsad', 'mlp', false), cfg('nce', 'diverse', true)];
    const shared = await runFamily(raw, family);
    for (let i = 0; i < family.length; i++) expect(numbers(shared[i]!)).toEqual(numbers(await runSeed(raw, family[i]!)));
    // the queries differ after stage 0, so the forks really went their own ways
    expect(new Set(shared.map((r) => r.stages[2]!.auroc)).size).toBeGreaterThan(1);
  });

  it('the soft-boundary family too (R is trained in stage 0)', async () => {
    const family = [cfg('soft_boundary', 'db', true), cfg('soft_boundary_nce', 'random', false)];
    const shared = await runFamily(raw, family);
    for (let i = 0; i < family.length; i++) expect(numbers(shared[i]!)).toEqual(numbers(await runSeed(raw, family[i]!)));
  });

  it('refuses to mix families, to fork after a label, and to change the seed or the sizes', async () => {
    await expect(runFamily(raw, [cfg('nce', 'abs', true), cfg('soft_boundary', 'abs', true)])).rejects.toThrow(/soft_boundary does not share stage 0 with nce/);
    const base = cfg('nce', 'abs', true);
    const at = { stage: 0, labels: 0, phase: 'query' as const, state: 'ready' as const };
    expect(() => checkFork(base, cfg('nce', 'abs', true, 5), at)).toThrow(/only the loss, the query and pseudo-abnormals may change/);
    expect(() => checkFork(base, { ...base, sizes: { ...base.sizes, k: 6 } }, at)).toThrow(/only the loss/);
    expect(() => checkFork(base, cfg('one_class_uai', 'mlp', false), at)).toThrow(/Stage 0 trained with nce is not the stage 0 of one_class_uai/);
    // before training any loss may follow; at stage 1 nothing may
    expect(() => checkFork(base, cfg('one_class_uai', 'mlp', false), { ...at, phase: 'pretrain' })).not.toThrow();
    expect(() => checkFork(base, cfg('nce', 'mlp', false), { ...at, stage: 1, labels: 5, phase: 'pretrain' })).toThrow(/only before its first label \(it is at stage 1, 5 labels\)/);
    const s = new Session(raw, base);
    try {
      await s.trainStage();
      s.query();
      expect(() => s.fork(cfg('nce', 'random', false))).toThrow(/only before its first label/);
    } finally {
      s.dispose();
    }
  });

  it('a fork is independent: running it leaves the session it came from as it was', async () => {
    const a = new Session(raw, cfg('nce', 'abs', true));
    try {
      await a.trainStage();
      const before = structuredClone(a.snapshots[0]!);
      const f = a.fork(cfg('one_class', 'random', false));
      expect(f.nextPhase).toBe('query'); // the fork keeps the phase: stage 0 is trained
      f.query();
      f.submitLabels([]);
      await f.trainStage();
      f.dispose();
      expect(a.snapshots).toEqual([before]);
      expect(a.nextPhase).toBe('query');
      expect(a.query()).toHaveLength(5);
    } finally {
      a.dispose();
    }
  });
});
