// The paper grid's pieces on generated results: tasks, shards, resume file names, claims, figures and the report.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedRunOf, type StageResult } from '../src/engine/seedRun';
import { checkClaims, pairs, verdict } from './paper-claims';
import { curveSvg, niceTicks, svgToPng } from './paper-figures';
import { gridTasks, groupTasks, NCE_RUN_SECONDS, parseConfigs, parseShard, PAPER_CONFIGS, resultFile, runCost, shardUnits } from './paper-grid';
import { loadResults, writeReport } from './paper-report';
import type { ResultFile } from './paper-worker';
import { aggregate } from '../src/engine/resultTable';

const ok = { distinct: 10, std: 1, range: 2, nearC: 0, collapsed: false };
function result(dataset: string, key: string, seed: number, aurocs: number[]): ResultFile {
  const stages: StageResult[] = aurocs.map((a, t) => ({ stage: t, labels: 6 * t, found: t, precision: t ? 1 / 6 : null, auroc: a, ap: a / 2, aurocUnlabelled: a, pauc: a, seconds: 0.1, collapse: ok }));
  const [loss, query, ps] = key.split('/');
  return { dataset, key, loss: loss!, query: query!, pseudo: ps === 'ps1' ? 1 : 0, beyond: false, mode: 'reference', backend: 'wasm', seed, run: seedRunOf(key, seed, stages, 1) };
}

describe('paper grid tasks', () => {
  it('has the 18 configurations of algorithm.md 9.2 and parses --configs', () => {
    expect(PAPER_CONFIGS).toHaveLength(18);
    expect(PAPER_CONFIGS.filter((c) => c.query === 'db').map((c) => c.key)).toEqual(['soft_boundary/db/ps1', 'soft_boundary_nce/db/ps1']);
    expect(parseConfigs('beyond').map((c) => c.key)).toEqual(['nce/margin/ps1', 'nce/diverse/ps1', 'nce/density/ps1']);
    expect(parseConfigs('all')).toHaveLength(21);
    expect(parseConfigs('nce/abs/ps1, dsad/mlp/ps0').map((c) => c.key)).toEqual(['nce/abs/ps1', 'dsad/mlp/ps0']);
    expect(() => parseConfigs('nce/best/ps1')).toThrow(/'nce\/best\/ps1' is not/);
  });
  it('splits the grid into shards that cover it once, small datasets first, seed by seed', () => {
    const ds = [{ name: 'glass', path: 'g.csv' }, { name: 'mnist_tab', path: 'm.csv' }];
    const cf = parseConfigs('nce/abs/ps1,nce/random/ps0');
    const all = gridTasks(ds, cf, [1, 2, 3], '/out', [1, 1]);
    expect(all).toHaveLength(12);
    expect(all.map((t) => `${t.dataset}:${t.seed}:${t.config.query}`).slice(0, 4)).toEqual(['glass:1:abs', 'glass:1:random', 'glass:2:abs', 'glass:2:random']);
    expect(all[11]!.dataset).toBe('mnist_tab');
    const shards = [1, 2, 3].map((i) => gridTasks(ds, cf, [1, 2, 3], '/out', [i, 3]));
    expect(shards.flat().map((t) => t.file).sort()).toEqual(all.map((t) => t.file).sort());
    expect(new Set(shards.flat().map((t) => t.file)).size).toBe(12);
    // by (dataset, seed), largest first onto the least loaded: each shard one mnist_tab seed and one glass seed
    expect(shards.map((sh) => [...new Set(sh.map((t) => `${t.dataset}:${t.seed}`))])).toEqual([['glass:1', 'mnist_tab:1'], ['glass:2', 'mnist_tab:2'], ['glass:3', 'mnist_tab:3']]);
    expect(resultFile('/out', 'glass', 'nce/abs/ps1', 3)).toBe('/out/glass/nce-abs-ps1-seed3.json');
    expect(parseShard('2/4')).toEqual([2, 4]);
    expect(() => parseShard('5/4')).toThrow(/1 <= i <= n/);
    expect(() => parseShard('x')).toThrow(/i\/n/);
  });
  it('weighs the time left by dataset and, where the pair term is large, by the NCE losses', () => {
    expect(runCost('glass', 'nce')).toBe(0.02);
    expect(runCost('nslkdd', 'one_class')).toBe(22);
    // 22 s a stage, plus the NCE run's extra seconds spread over its 6 stages
    expect(runCost('nslkdd', 'soft_boundary_nce')).toBe(22 + NCE_RUN_SECONDS.nslkdd! / 6);
    expect(runCost('nslkdd', 'soft_boundary_uai')).toBe(22);
  });
});

describe('grid groups', () => {
  it('groups a seed\'s runs, costliest group first, and a shard groups only its own', () => {
    const ds = [{ name: 'glass', path: 'g.csv' }, { name: 'cardio', path: 'c.csv' }];
    const tasks = gridTasks(ds, parseConfigs('all'), [1, 2], '/out', [1, 1]);
    const groups = groupTasks(tasks);
    expect(groups.map((g) => `${g.dataset}:${g.seed}:${g.tasks.length}`)).toEqual(['cardio:1:21', 'cardio:2:21', 'glass:1:21', 'glass:2:21']);
    expect(groups[0]!.tasks.map((t) => t.config.key)).toEqual(parseConfigs('all').map((c) => c.key));
    // every run in exactly one group
    expect(groups.flatMap((g) => g.tasks.map((t) => t.file)).sort()).toEqual(tasks.map((t) => t.file).sort());
    // cardio's seeds (0.27 x 3 each) go to shards 1 and 2, then glass's (0.02 x 3) likewise, ties to the first
    const mine = gridTasks(ds, parseConfigs('nce/abs/ps1,nce/random/ps0,soft_boundary/abs/ps1'), [1, 2], '/out', [2, 2]);
    expect(groupTasks(mine).map((g) => `${g.dataset}:${g.seed}:${g.tasks.map((t) => t.config.key).join(',')}`)).toEqual([
      'cardio:2:nce/abs/ps1,nce/random/ps0,soft_boundary/abs/ps1', 'glass:2:nce/abs/ps1,nce/random/ps0,soft_boundary/abs/ps1']);
  });
  it('splits finer when a seed per shard would leave machines idle: five NSL-KDD seeds on two, four and eight', () => {
    const ds = [{ name: 'nslkdd', path: 'n.csv' }];
    const cf = parseConfigs('nce/abs/ps1,one_class/abs/ps1,soft_boundary/abs/ps1');
    const seeds = [1, 2, 3, 4, 5];
    const shares = (n: number) => Array.from({ length: n }, (_, i) => gridTasks(ds, cf, seeds, '/out', [i + 1, n]));
    // 2 shards: whole seeds (5 >= 4 units); 4: by loss family (10 units); 8: single runs (15)
    expect(shares(2).map((sh) => new Set(sh.map((t) => t.seed)).size)).toEqual([3, 2]);
    const four = shares(4);
    expect(four.every((sh) => sh.length > 0)).toBe(true);
    for (const sh of four) for (const t of sh.filter((x) => x.config.key === 'nce/abs/ps1')) {
      // a seed's one-class family stays on one shard
      expect(sh.some((x) => x.seed === t.seed && x.config.key === 'one_class/abs/ps1')).toBe(true);
    }
    const eight = shares(8);
    // an NCE run (22 + 540 / 6 = 112) alone on each of five shards, the ten others (22 each) 4 + 3 + 3 on the last three
    expect(eight.map((sh) => sh.length)).toEqual([1, 1, 1, 1, 1, 4, 3, 3]);
    expect(eight.flat().map((t) => t.file).sort()).toEqual(shares(1)[0]!.map((t) => t.file).sort());
  });
  it('balances shards by cost, largest unit first, ties to the first shard', () => {
    const w = shardUnits([{ id: 'a', cost: 1 }, { id: 'b', cost: 5 }, { id: 'c', cost: 4 }, { id: 'd', cost: 2 }, { id: 'e', cost: 2 }], 2);
    // b -> 0 (5), c -> 1 (4), d -> 1 (6), e -> 0 (7), a -> 1 (7)
    expect(Object.fromEntries(w)).toEqual({ b: 0, c: 1, d: 1, e: 0, a: 1 });
    expect(Object.fromEntries(shardUnits([{ id: 'x', cost: 3 }], 1))).toEqual({ x: 0 });
  });
});

describe('claims', () => {
  const rs = [1, 2, 3, 4, 5].flatMap((seed) => [
    result('glass', 'nce/abs/ps1', seed, [0.7, [0.81, 0.82, 0.83, 0.84, 0.85][seed - 1]!]),
    result('glass', 'nce/random/ps0', seed, [0.7, 0.75]),
    result('cardio', 'nce/abs/ps1', seed, [0.7, 0.9]),
  ]);
  it('pairs runs by dataset and seed, and only over the given datasets', () => {
    const p = pairs(rs, 'nce/abs/ps1', 'nce/random/ps0', 'final AUROC', ['glass', 'cardio']);
    expect(p.x).toEqual([0.81, 0.82, 0.83, 0.84, 0.85]);
    expect(p.y).toEqual([0.75, 0.75, 0.75, 0.75, 0.75]);
  });
  it('ABS beats random on all five pairs: W+ = 15, exact p = 0.0625, not shown at 5%', () => {
    const [final] = checkClaims(rs, ['glass']);
    expect(final!.claim).toBe('ABS beats random (NCE loss)');
    expect(final!.test).toMatchObject({ n: 5, wins: 5, statistic: 15 });
    expect(final!.test.pValue).toBeCloseTo(0.0625, 12);
    expect(verdict(final!.test)).toBe('not shown (p = 0.063)');
    expect(verdict({ ...final!.test, pValue: 0.01 })).toBe('holds (p = 0.010)');
  });
});

describe('figures and report', () => {
  it('picks round ticks', () => {
    expect(niceTicks(52, 97)).toEqual([50, 60, 70, 80, 90, 100]);
    expect(niceTicks(0.2, 0.9)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });
  it('draws a band and a mean line per configuration, escapes labels, and renders a PNG', () => {
    const rows = aggregate([{ key: 'nce/abs/ps1', label: 'a <b>' }], [1, 2].map((s) => result('glass', 'nce/abs/ps1', s, [0.7, 0.8 + s / 10]).run));
    const svg = curveSvg({ title: 'glass & co', rows });
    expect(svg.match(/class="band"/g)).toHaveLength(1);
    expect(svg.match(/class="mean"/g)).toHaveLength(1);
    expect(svg).toContain('glass &amp; co');
    expect(svg).toContain('a &lt;b&gt; (2 seeds)');
    const png = svgToPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
  it('merges whatever result files exist, skips broken ones, and writes tables, claims and figures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-'));
    const out = join(dir, 'out');
    for (const r of [1, 2].flatMap((s) => [result('glass', 'nce/abs/ps1', s, [0.7, 0.9]), result('glass', 'nce/random/ps0', s, [0.7, 0.8])])) {
      const f = resultFile(out, r.dataset, r.key, r.seed);
      mkdirSync(join(out, r.dataset), { recursive: true });
      writeFileSync(f, JSON.stringify(r));
    }
    writeFileSync(join(out, 'glass', 'broken.json'), '{"trunc');
    expect(loadResults(out).results).toHaveLength(4);
    const rep = writeReport(out, join(dir, 'report'));
    expect(rep.results).toBe(4);
    const md = readFileSync(rep.path, 'utf8');
    expect(md).toContain('Unreadable result files (ignored): glass/broken.json');
    expect(md).toContain('| nce/abs/ps1 | 2 | 70.00 +- 0.0 | 90.00 +- 0.0 |');
    expect(md).toContain('| configuration | glass | mean |');
    expect(md).toContain('| nce/random/ps0 | 80.00 (2) | 80.00 |');
    expect(md).toMatch(/\| ABS beats random \(NCE loss\) \| nce\/abs\/ps1 \| nce\/random\/ps0 \| final AUROC \| 2 \| 10.00 \| 2 \/ 0 \/ 0 \| 1.00 \| 3 \|/);
    expect(existsSync(join(dir, 'report', 'figures', 'glass-queries-nce.png'))).toBe(true);
    expect(readFileSync(join(dir, 'report', 'figures', 'glass-queries-nce.svg'), 'utf8')).toContain('<svg');
    expect(() => writeReport(join(dir, 'nothing'), join(dir, 'r2'))).toThrow(/No result files under .*nothing: run the grid first/);
  });
});
