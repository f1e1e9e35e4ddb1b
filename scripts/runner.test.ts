import { beforeAll, describe, expect, it } from 'vitest';
import { cpuBackend } from '../src/engine/testing';
import { makeSynthetic } from '../src/engine/synthetic';
import { parseArgs } from './args';
import { cellOk, compare } from './parity-check';
import { perSeed, runSeeds } from './runner';
import { stageTable } from './table';

beforeAll(cpuBackend);

describe('experiment runner', () => {
  it('runs seeds 1..N and collects one value per stage and seed', async () => {
    const raw = makeSynthetic('blobs', 3, 300);
    const r = await runSeeds(raw, {
      loss: 'nce', query: 'mlp', pseudo: false, mode: 'reference', pollution: null,
      overrides: { aeEpochs: 2, occEpochs: 2, rounds: 2 },
    }, 2);
    expect(r.map((x) => x.seed)).toEqual([1, 2]);
    expect(r.map((x) => x.stages.length)).toEqual([3, 3]);
    expect(r[1]!.stages.map((s) => s.labels)).toEqual([0, 6, 12]);
    for (const v of perSeed(r, 'auroc').flat()) expect(v).toBeGreaterThan(0);
    for (const x of r) expect(x.collapsed).toBe(false);
    const table = stageTable(r).split('\n');
    expect(table).toHaveLength(5);
    expect(table[3]).toMatch(/^2 +12 +\d+\.\d \+- \d+\.\d +\d+\.\d\d \+- \d+\.\d/);
    expect(table[4]).toMatch(/^AUROC curve: start /);
  });

  it('parses --flag value pairs and rejects unknown flags', () => {
    expect(parseArgs(['--loss', 'nce', '--seeds=3'], ['loss', 'seeds'])).toEqual({ loss: 'nce', seeds: '3' });
    expect(() => parseArgs(['--lr', '1'], ['loss'])).toThrow(/Unknown flag --lr/);
    expect(() => parseArgs(['--loss'], ['loss'])).toThrow(/needs a value/);
  });
});

describe('parity criterion', () => {
  it('allows 2.5 standard errors of the difference plus one AUROC point', () => {
    // sqrt((3^2 + 4^2) / 5) = sqrt(5) = 2.236; tolerance 2.5 * 2.236 + 1 = 6.59
    expect(cellOk(80, 3, 86.5, 4)).toBe(true);
    expect(cellOk(80, 3, 86.7, 4)).toBe(false);
  });
  it('needs 90% of the cells and a mean signed difference within +-2', () => {
    const ref = { 'nce/abs/ps1': { mean: [80, 90], std: [0, 0] } };
    const res = compare(ref, { 'nce/abs/ps1': [[0.8, 0.905], [0.8, 0.905]] });
    expect(res.rows.map((r) => r.ok)).toEqual([true, true]);
    expect(res.meanDiff).toBeCloseTo(0.25, 9);
    expect(res.pass).toBe(true);
    expect(compare(ref, { 'nce/abs/ps1': [[0.8, 0.95]] }).pass).toBe(false);
  });
});
