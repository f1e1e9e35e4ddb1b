// Shard folders merged into one report: a run found twice counts once, different numbers for one run are named, costs project.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedRunOf, type StageResult } from '../src/engine/seedRun';
import { costMd, costs, loadResults } from './paper-merge';
import { resultFile } from './paper-grid';
import { writeReport } from './paper-report';
import type { ResultFile } from './paper-worker';

const ok = { distinct: 10, std: 1, range: 2, nearC: 0, collapsed: false };
function result(dataset: string, key: string, seed: number, aurocs: number[], cpuSeconds?: number): ResultFile {
  const stages: StageResult[] = aurocs.map((a, t) => ({ stage: t, labels: 6 * t, found: t, precision: t ? 1 / 6 : null, auroc: a, ap: a / 2, aurocUnlabelled: a, pauc: a, seconds: 0.1, collapse: ok }));
  const [loss, query, ps] = key.split('/');
  const r: ResultFile = { dataset, key, loss: loss!, query: query!, pseudo: ps === 'ps1' ? 1 : 0, beyond: false, mode: 'reference', backend: 'wasm', seed, run: seedRunOf(key, seed, stages, 1) };
  return cpuSeconds === undefined ? r : { ...r, cpuSeconds, wallSeconds: 2 * cpuSeconds };
}

function write(out: string, rs: ResultFile[]): void {
  for (const r of rs) {
    mkdirSync(join(out, r.dataset), { recursive: true });
    writeFileSync(resultFile(out, r.dataset, r.key, r.seed), JSON.stringify(r));
  }
}

describe('merging result folders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paper-merge-'));
  const a = join(dir, 'shard1');
  const b = join(dir, 'shard2');
  write(a, [result('glass', 'nce/abs/ps1', 1, [0.7, 0.9]), result('glass', 'nce/random/ps0', 1, [0.7, 0.8]), result('glass', 'nce/abs/ps1', 2, [0.6, 0.9])]);
  // shard 2: seed 2 of random, the abs seed 1 run again with its cost measured, and abs seed 2 with other numbers
  write(b, [result('glass', 'nce/random/ps0', 2, [0.6, 0.7], 3), result('glass', 'nce/abs/ps1', 1, [0.7, 0.9], 5), result('glass', 'nce/abs/ps1', 2, [0.6, 0.95])]);

  it('keeps a run found twice once, fills in its measured cost, and names runs whose numbers differ', () => {
    const m = loadResults([a, b]);
    expect(m.results.map((r) => `${r.key}:${r.seed}`).sort()).toEqual(['nce/abs/ps1:1', 'nce/abs/ps1:2', 'nce/random/ps0:1', 'nce/random/ps0:2']);
    expect(m.duplicates).toBe(1);
    expect(m.conflicts).toEqual(['glass nce/abs/ps1 seed 2']);
    expect(m.results.find((r) => r.key === 'nce/abs/ps1' && r.seed === 1)!.cpuSeconds).toBe(5);
    expect(m.results.find((r) => r.key === 'nce/abs/ps1' && r.seed === 2)!.run.stages[1]!.auroc).toBe(0.9);
    expect(() => loadResults([a, join(dir, 'shard3')])).toThrow(`--out: no folder ${join(dir, 'shard3')} among the 2 to merge.`);
  });

  it('compares every number but the timings: another pAUC is a conflict, another wall time is not', () => {
    const base = result('cardio', 'nce/abs/ps1', 1, [0.7, 0.9]);
    const slower = { ...base, run: { ...base.run, seconds: 9, stages: base.run.stages.map((s) => ({ ...s, seconds: 3 })) } };
    const otherPauc = { ...base, seed: 2, run: { ...base.run, seed: 2, stages: base.run.stages.map((s, t) => ({ ...s, pauc: t === 1 ? 0.91 : s.pauc })) } };
    const c = join(dir, 'c');
    const d = join(dir, 'd');
    write(c, [base, { ...base, seed: 2, run: { ...base.run, seed: 2 } }]);
    write(d, [slower, otherPauc]);
    const m = loadResults([c, d]);
    expect(m.duplicates).toBe(1);
    expect(m.conflicts).toEqual(['cardio nce/abs/ps1 seed 2']);
  });

  it('writes one report over both folders, pairing seeds across shards', () => {
    const rep = writeReport([a, b], join(dir, 'report'));
    expect(rep.results).toBe(4);
    const md = readFileSync(rep.path, 'utf8');
    expect(md).toContain('Merged 2 folders: 1 runs found twice with the same numbers (kept once); DIFFERENT numbers for the same run (the first folder\'s kept): glass nce/abs/ps1 seed 2.');
    // seeds 1 and 2 of abs and random pair across the two folders: differences 0.1 and 0.2
    expect(md).toMatch(/\| ABS beats random \(NCE loss\) \| nce\/abs\/ps1 \| nce\/random\/ps0 \| final AUROC \| 2 \| 15.00 \| 2 \/ 0 \/ 0 \|/);
    expect(md).toContain('## Cost of a run');
  });

  it('projects an idle machine from the mean CPU per run: (5 + 3) / 2 s x 8 runs / 2 cores', () => {
    const m = loadResults([a, b]);
    expect(costs(m.results, ['glass'])).toEqual([{ dataset: 'glass', runs: 4, timed: 2, cpuMean: 4, cpuMedian: 4, wallMedian: 8, reused: null }]);
    // one pretraining reused of the two files' 2 + 2
    const [r0] = m.results.filter((r) => r.dataset === 'glass');
    expect(costs([{ ...r0!, pretrainsReused: 1 }, { ...r0!, pretrainsReused: 0 }], ['glass'])[0]!.reused).toBe(1 / (2 * r0!.run.stages.length));
    const md = costMd(m.results, ['glass', 'cardio'], 8, 2, { glass: 0.5 });
    expect(md[2]).toBe('| glass | 4 | 2 | 4.00 | 4.00 | 8.00 | n/a | 32 |');
    expect(md[3]).toBe('| cardio | 0 | 0 | n/a | n/a | n/a | n/a | n/a |');
    expect(md[5]).toBe('Projection (not a measurement): 32 CPU s / 2 cores = **0.3 min** of wall time on an idle 2-core machine with `--jobs 2`, assuming both cores stay busy and a run costs its measured CPU time; without cardio (no run timed).');
    // 0.5 s a stage x 2 stages x 8 runs / 2 cores
    expect(md[7]).toBe('From the one-thread stage times of an idle machine instead (glass 0.5 s; x 2 stages x 8 runs): 8 CPU s / 2 cores = **0.1 min** (also a projection, with every stage trained in full: the shared stage 0 and the reused autoencoders make the grid cheaper).');
  });
});
