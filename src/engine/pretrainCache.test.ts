// A grid's runs of one seed reuse autoencoders trained from the same generator state: the results stay runSeed's, bit for bit.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from './synthetic';
import { runSeed, runSeedGroup } from './runSeed';
import { PretrainCache, poolPrint } from './pretrainCache';
import { cpuBackend } from './testing';
import { makeConfig } from './config';
import { Rng } from '../core/rng';
import type { Loss, Query, RawData, RunConfig } from '../core/types';
import type { SeedRun } from './seedRun';

beforeAll(cpuBackend);

const raw = makeSynthetic('blobs', 2, 240);
const cfg = (loss: Loss, query: Query, pseudo: boolean, data: RawData = raw): RunConfig =>
  makeConfig(data, 'paper', { loss, query, pseudo, seed: 4, aeEpochs: 3, occEpochs: 3, rounds: 2, sizes: { hDims: [8], repDim: 3, batchSize: 32, k: 5 } });
const numbers = (r: SeedRun) => ({ ...r, seconds: 0, stages: r.stages.map((s) => ({ ...s, seconds: 0 })) });

describe('pretrain cache', () => {
  it('names a pool by its values and shape', () => {
    const a: RawData = { name: 'a', n: 2, d: 2, values: Float64Array.from([0, 1, 2, 3]), labels: null, featureNames: ['x', 'y'] };
    const b = { ...a, values: Float64Array.from([0, 1, 2, 3.0000001]) };
    expect(poolPrint(a)).toBe(poolPrint({ ...a, name: 'other' }));
    expect(poolPrint(a)).not.toBe(poolPrint(b));
    expect(poolPrint(a)).not.toBe(poolPrint({ ...a, n: 1, d: 4 }));
    // FNV-1a of nothing is its offset basis
    expect(poolPrint({ ...a, n: 0, d: 2, values: new Float64Array(0) })).toBe('0x2:811c9dc5');
  });

  it('a generator moved to another one\'s state draws what that one draws', () => {
    const a = new Rng(7);
    a.normal();
    const b = new Rng(99);
    b.copyFrom(a);
    expect(b.stateKey()).toBe(a.stateKey());
    expect([b.normal(), b.next(), b.normal()]).toEqual([a.normal(), a.next(), a.normal()]);
  });

  it('a seed\'s configurations of three families, sharing autoencoders, give exactly their separate runs', async () => {
    const configs = [cfg('nce', 'abs', true), cfg('soft_boundary', 'db', false), cfg('one_class', 'abs', false), cfg('one_class_uai', 'mlp', false), cfg('soft_boundary_nce', 'abs', true)];
    const cache = new PretrainCache();
    const seen: number[] = [];
    const runs = await runSeedGroup(raw, configs, undefined, { pretrainCache: cache, onRun: (i) => seen.push(i) });
    for (let i = 0; i < configs.length; i++) expect(numbers(runs[i]!)).toEqual(numbers(await runSeed(raw, configs[i]!)));
    // families largest first (one_class: 2, soft_boundary: 2, then the UAI one), reported with the caller's indices
    expect(seen).toEqual([0, 2, 1, 4, 3]);
    // one trunk per family at stage 0, then every configuration's stages 1 and 2: 3 + 5 x 2 pretrainings asked for
    expect(cache.hits + cache.misses).toBe(13);
    // stage 0 starts from the seed's one state in every family: trained once, reused twice
    expect(cache.hits).toBeGreaterThanOrEqual(2);
    expect(cache.size).toBe(cache.misses);
  });

  it('another pool never reuses an autoencoder, even from the same generator state', async () => {
    const other = makeSynthetic('blobs', 11, 240);
    expect(poolPrint(other)).not.toBe(poolPrint(raw));
    const cache = new PretrainCache();
    const a = await runSeedGroup(raw, [cfg('nce', 'abs', true)], undefined, { pretrainCache: cache });
    const b = await runSeedGroup(other, [cfg('nce', 'abs', true, other)], undefined, { pretrainCache: cache });
    expect(cache.hits).toBe(0);
    expect(numbers(b[0]!)).toEqual(numbers(await runSeed(other, cfg('nce', 'abs', true, other))));
    expect(numbers(a[0]!)).not.toEqual(numbers(b[0]!));
  });
});
