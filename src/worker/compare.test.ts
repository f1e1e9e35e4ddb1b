import { beforeAll, describe, expect, it } from 'vitest';
import { cpuBackend } from '../engine/testing';
import { makeSynthetic } from '../io/synthetic';
import { runSeeds } from '../../scripts/runner';
import { runBatch } from './compare';
import { compareRuns } from '../ui/compare/configs';

beforeAll(cpuBackend);

describe('comparison batch', () => {
  it('gives exactly the numbers of the CLI runner for the same configuration and seeds', async () => {
    const raw = makeSynthetic('blobs', 3, 300);
    const overrides = { aeEpochs: 2, occEpochs: 2, rounds: 2 };
    const runs = compareRuns({ losses: ['nce'], queries: ['mlp', 'random'], pseudo: false, preset: 'paper', pollution: null, k: null, extra: overrides });
    const seen: string[] = [];
    const out = await runBatch(raw, runs, 2, { onResult: (run, of, r) => seen.push(`${run}/${of}:${r.key}:${r.seed}`) });
    expect(seen).toEqual(['0/4:nce/mlp/ps0:1', '1/4:nce/mlp/ps0:2', '2/4:nce/random/ps0:1', '3/4:nce/random/ps0:2']);
    const cli = await runSeeds(raw, { loss: 'nce', query: 'mlp', pseudo: false, mode: 'reference', pollution: null, overrides }, 2);
    expect(out.slice(0, 2).map((r) => r.auroc)).toEqual(cli.auroc);
    expect(out.slice(0, 2).map((r) => r.ap)).toEqual(cli.ap);
    expect(out[1]!.labels).toEqual(cli.labels);
  });

  it('refuses unlabelled data and bad seed counts with a clear message', async () => {
    const raw = { ...makeSynthetic('blobs', 3, 100), labels: null };
    const runs = compareRuns({ losses: ['nce'], queries: ['abs'], pseudo: true, preset: 'paper', pollution: null, k: null });
    await expect(runBatch(raw, runs, 2)).rejects.toThrow(/no labels/);
    await expect(runBatch(makeSynthetic('blobs', 3, 100), runs, 0)).rejects.toThrow(/at least 1/);
  });
});
