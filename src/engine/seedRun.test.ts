// The one runner's record: per-stage metrics from a real session, and a configuration that collapses on purpose.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from './synthetic';
import { makeConfig } from './config';
import { runFamily, runSeed } from './runSeed';
import { Session, simulatedOracle } from './session';
import { cpuBackend } from './testing';
import type { RawData } from '../core/types';

beforeAll(cpuBackend);

const tiny = { aeEpochs: 2, occEpochs: 2, rounds: 2 };

describe('runSeed', () => {
  it('records the discovery curve, the metrics and the summaries of each stage', async () => {
    const raw = makeSynthetic('blobs', 3, 300);
    const r = await runSeed(raw, makeConfig(raw, 'paper', { loss: 'nce', query: 'mlp', pseudo: false, seed: 1, ...tiny }));
    expect(r.key).toBe('nce/mlp/ps0');
    expect(r.stages.map((s) => s.labels)).toEqual([0, 6, 12]);
    for (const s of r.stages) {
      expect(s.found).toBeLessThanOrEqual(s.labels);
      expect(s.pauc).toBeGreaterThan(0);
      expect(s.pauc).toBeLessThanOrEqual(1);
      expect(s.collapse.collapsed).toBe(false);
    }
    expect(r.stages[0]!.precision).toBeNull();
    expect(r.stages[2]!.precision).toBe(r.stages[2]!.found / 12);
    expect(r.summary.auroc.start).toBe(r.stages[0]!.auroc);
    expect(r.summary.auroc.end).toBe(r.stages[2]!.auroc);
    expect(r.collapsed).toBe(false);
  });

  it('flags a collapsed run: identical rows give identical scores, and AUROC still says 0.5', async () => {
    // every row the same point: phi(x) is one vector for all rows, so every score D is the same number
    const n = 80;
    const raw: RawData = {
      name: 'constant', n, d: 3, values: new Float64Array(n * 3).fill(0.5),
      labels: Uint8Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0)), featureNames: ['a', 'b', 'c'],
    };
    const cfg = makeConfig(raw, 'paper', { loss: 'one_class', query: 'margin', pseudo: false, seed: 1, ...tiny, sizes: { hDims: [4], repDim: 2, batchSize: 16, k: 4 } });
    const r = await runSeed(raw, cfg);
    expect(r.collapsed).toBe(true);
    for (const s of r.stages) {
      expect(s.collapse.distinct).toBe(1);
      expect(s.collapse.collapsed).toBe(true);
      expect(s.auroc).toBe(0.5);
    }
  });

  it('keeps the same numbers without a loss curve (NCE then skips its value), and says NaN for the losses it skipped', async () => {
    const raw = makeSynthetic('blobs', 3, 300);
    const cfg = makeConfig(raw, 'paper', { loss: 'nce', query: 'abs', pseudo: true, seed: 2, ...tiny });
    const strip = (r: Awaited<ReturnType<typeof runSeed>>) => JSON.stringify(r.stages.map(({ seconds: _, ...rest }) => rest));
    const kept = await runSeed(raw, cfg);
    const skipped = await runSeed(raw, cfg, { keepLosses: false });
    const last = kept.stages[2]!;
    // both classes labelled, so the NCE term was on
    expect(last.found).toBeGreaterThan(0);
    expect(last.found).toBeLessThan(last.labels);
    expect(strip(skipped)).toBe(strip(kept));
    // the grid's path: stage 0 shared by the family, then forked, also without a loss curve
    const [forked] = await runFamily(raw, [makeConfig(raw, 'paper', { ...cfg, loss: 'one_class' }), cfg], undefined, { keepLosses: false }).then((r) => r.slice(1));
    expect(strip(forked!)).toBe(strip(kept));
    const s = new Session(raw, cfg, { keepLosses: false });
    const snaps = await s.run(simulatedOracle(s.pool.labels!));
    s.dispose();
    expect(snaps[2]!.occLoss).toEqual([NaN, NaN]);
    expect(snaps[2]!.aeLoss.every(Number.isFinite)).toBe(true);
  });

  it('refuses unlabelled data', async () => {
    const raw = { ...makeSynthetic('blobs', 3, 100), labels: null };
    await expect(runSeed(raw, makeConfig(raw, 'paper', tiny))).rejects.toThrow(/no labels/);
  });
});
