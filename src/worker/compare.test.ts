import { beforeAll, describe, expect, it } from 'vitest';
import { cpuBackend } from '../engine/testing';
import { makeSynthetic } from '../engine/synthetic';
import { runSeeds } from '../../scripts/runner';
import { runBatch } from './compare';
import { compareRuns } from './compareConfigs';
import type { SeedRun } from '../engine/seedRun';

/** The metrics of a run without its wall-clock times. */
const metrics = (r: SeedRun) => r.stages.map(({ seconds: _s, ...rest }) => rest);

beforeAll(cpuBackend);

describe('comparison batch', () => {
  it('gives exactly the numbers of the CLI runner for the same configuration and seeds', async () => {
    const raw = makeSynthetic('blobs', 3, 300);
    const overrides = { aeEpochs: 2, occEpochs: 2, rounds: 2 };
    const runs = compareRuns({ losses: ['nce'], queries: ['mlp', 'random'], pseudo: false, preset: 'paper', pollution: null, k: null, extra: overrides });
    const seen: string[] = [];
    const out = await runBatch(raw, runs, [1, 2], { onResult: (run, of, r) => seen.push(`${run}/${of}:${r.key}:${r.seed}`) });
    expect(seen).toEqual(['0/4:nce/mlp/ps0:1', '1/4:nce/mlp/ps0:2', '2/4:nce/random/ps0:1', '3/4:nce/random/ps0:2']);
    const cli = await runSeeds(raw, { loss: 'nce', query: 'mlp', pseudo: false, mode: 'reference', pollution: null, overrides }, 2);
    expect(out.slice(0, 2).map(metrics)).toEqual(cli.map(metrics));
    expect(out.slice(0, 2).map((r) => r.summary)).toEqual(cli.map((r) => r.summary));
  });

  it('refuses unlabelled data and bad seed lists with a clear message', async () => {
    const raw = { ...makeSynthetic('blobs', 3, 100), labels: null };
    const runs = compareRuns({ losses: ['nce'], queries: ['abs'], pseudo: true, preset: 'paper', pollution: null, k: null });
    await expect(runBatch(raw, runs, [1, 2])).rejects.toThrow(/no labels/);
    await expect(runBatch(makeSynthetic('blobs', 3, 100), runs, [])).rejects.toThrow(/at least one seed/);
    await expect(runBatch(makeSynthetic('blobs', 3, 100), runs, [1, 1])).rejects.toThrow(/repeat/);
    await expect(runBatch(makeSynthetic('blobs', 3, 100), runs, [1.5])).rejects.toThrow(/Seed 1.5 is not a whole number/);
  });
});

describe('any list of seeds', () => {
  it('runs the given seeds in order, and seed 7 alone gives the numbers of seed 7 in a longer list', async () => {
    const raw = makeSynthetic('blobs', 3, 300);
    const runs = compareRuns({ losses: ['nce'], queries: ['margin'], pseudo: true, preset: 'paper', pollution: null, k: null, extra: { aeEpochs: 2, occEpochs: 2, rounds: 1 } });
    const one = await runBatch(raw, runs, [7]);
    const two = await runBatch(raw, runs, [3, 7]);
    expect(two.map((r) => r.seed)).toEqual([3, 7]);
    expect(metrics(two[1]!)).toEqual(metrics(one[0]!));
    expect(two[0]!.stages[1]!.auroc).not.toEqual(one[0]!.stages[1]!.auroc);
  });
});
