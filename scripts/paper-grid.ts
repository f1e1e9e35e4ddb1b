// The paper's grid as tasks: datasets x configurations x seeds, result file names, shards and resume.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { paperGrid } from '../src/engine/config';
import { stageZeroFamily } from '../src/engine/stageZero';
import { configKey } from '../src/engine/seedRun';
import { LOSSES, QUERIES, type Loss, type Query } from '../src/core/types';

/** The paper's seven datasets (algorithm.md 3.1); the report's claims use the six ODDS sets, as res_read.py did. */
export const PAPER_DATASETS = ['arrhythmia', 'cardio', 'glass', 'ionosphere', 'mnist_tab', 'optdigits', 'nslkdd'];
export const ODDS_DATASETS = PAPER_DATASETS.filter((d) => d !== 'nslkdd');
/** Rough seconds per paper stage on one thread (docs/kernels.md): small datasets first, so an interrupted grid has whole datasets. */
export const STAGE_SECONDS: Record<string, number> = { glass: 0.02, ionosphere: 0.05, cardio: 0.27, optdigits: 0.95, mnist_tab: 3.53, nslkdd: 22, arrhythmia: 0.68 };

/** A dataset's relative cost (seconds per stage on one thread, 1 for an unknown dataset): orders the grid, small first. */
export const taskCost = (dataset: string) => STAGE_SECONDS[dataset] ?? 1;
/** Extra one-thread seconds a run with an NCE loss spends on the pair term over its labelled set (k grows with n, the
 * pairs with k^2), without the loss value: from the idle grid and the nslkdd profile (notes/results/paper-*); 0 where it is noise. */
export const NCE_RUN_SECONDS: Record<string, number> = { mnist_tab: 4, optdigits: 1, nslkdd: 540 };
/** losses.ts's usesNce, without loading the tensor engine into the grid's main thread. */
const withNce = (loss: Loss) => loss === 'nce' || loss === 'soft_boundary_nce';
/** A run's cost in stage-seconds units, NCE included: weighs the time-left estimate. */
export const runCost = (dataset: string, loss: Loss) => taskCost(dataset) + (withNce(loss) ? (NCE_RUN_SECONDS[dataset] ?? 0) / 6 : 0);

export interface GridConfig {
  key: string;
  loss: Loss;
  query: Query;
  pseudo: boolean;
  /** a strategy Kim et al. did not use */
  beyond: boolean;
}

const cfg = (loss: Loss, query: Query, pseudo: boolean, beyond = false): GridConfig => ({ key: configKey({ loss, query, pseudo }), loss, query, pseudo, beyond });

/** The 18 configurations of algorithm.md 9.2. */
export const PAPER_CONFIGS: GridConfig[] = paperGrid().map((g) => cfg(g.loss, g.query, g.pseudo));
/** The strategies beyond the paper, with the paper's headline loss (NCE) and pseudo-abnormals, as nce/abs/ps1. */
export const BEYOND_CONFIGS: GridConfig[] = (['margin', 'diverse', 'density'] as const).map((q) => cfg('nce', q, true, true));

/** 'paper', 'beyond', 'all' or a comma list of keys such as nce/abs/ps1. */
export function parseConfigs(arg: string | undefined): GridConfig[] {
  const a = arg ?? 'paper';
  if (a === 'paper') return PAPER_CONFIGS;
  if (a === 'beyond') return BEYOND_CONFIGS;
  if (a === 'all') return [...PAPER_CONFIGS, ...BEYOND_CONFIGS];
  return a.split(',').map((k) => {
    const m = /^([a-z_]+)\/([a-z]+)\/ps([01])$/.exec(k.trim());
    if (!m || !LOSSES.includes(m[1] as Loss) || !QUERIES.includes(m[2] as Query)) {
      throw new Error(`--configs: '${k}' is not paper, beyond, all or a key LOSS/QUERY/ps0|1 (losses: ${LOSSES.join(', ')}; queries: ${QUERIES.join(', ')}).`);
    }
    const query = m[2] as Query;
    return cfg(m[1] as Loss, query, m[3] === '1', !PAPER_CONFIGS.some((p) => p.query === query) && !['no'].includes(query));
  });
}

export interface Task {
  dataset: string;
  /** the CSV the run reads */
  path: string;
  config: GridConfig;
  seed: number;
  /** the result file */
  file: string;
}

export const resultFile = (out: string, dataset: string, key: string, seed: number) => join(out, dataset, `${key.replace(/\//g, '-')}-seed${seed}.json`);

/** Where a dataset name's CSV is: a path as given, else DIR/name.csv. */
export function datasetPath(name: string, dir: string): string {
  if (name.includes('/') || name.endsWith('.csv')) {
    if (!existsSync(name)) throw new Error(`--datasets: no file ${name}.`);
    return name;
  }
  const p = join(dir, `${name}.csv`);
  if (!existsSync(p)) throw new Error(`--datasets: no ${name}.csv in ${dir} (give --data-dir DIR, or a path to the CSV).`);
  return p;
}

/** '2/4' -> [2, 4]: the second of four shards, so four machines split one grid. */
export function parseShard(arg: string | undefined): [number, number] {
  if (arg === undefined) return [1, 1];
  const m = /^(\d+)\/(\d+)$/.exec(arg);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n) throw new Error(`--shard takes i/n with 1 <= i <= n (got ${arg}).`);
  return [i, n];
}

const seedUnit = (t: { dataset: string; seed: number }) => `${t.dataset}\0${t.seed}`;
/** The units a grid can be sharded by, coarsest (most work shared on one machine) first. */
const UNITS: Array<(t: Task) => string> = [seedUnit, (t) => `${seedUnit(t)}\0${stageZeroFamily(t.config.loss)}`, (t) => t.file];

/** The coarsest unit that gives every shard at least two to balance: (dataset, seed), else (dataset, seed, loss
 * family), else single runs (five NSL-KDD seeds on eight machines). */
export function shardUnitOf(tasks: Task[], n: number): (t: Task) => string {
  return UNITS.find((u) => new Set(tasks.map(u)).size >= 2 * n) ?? UNITS[UNITS.length - 1]!;
}

/** Which shard (0..n-1) each (dataset, seed) goes to: largest first onto the least loaded shard, so the shards cost
 * about the same, and every run of a seed is on one machine, where its stage 0 and autoencoders are shared. */
export function shardUnits(units: Array<{ id: string; cost: number }>, n: number): Map<string, number> {
  const load = new Array<number>(n).fill(0);
  const out = new Map<string, number>();
  const order = units.map((u, j) => ({ u, j })).sort((a, b) => b.u.cost - a.u.cost || a.j - b.j);
  for (const { u } of order) {
    let best = 0;
    for (let k = 1; k < n; k++) if (load[k]! < load[best]!) best = k;
    load[best]! += u.cost;
    out.set(u.id, best);
  }
  return out;
}

/** Every task of the grid (datasets, configurations, seeds), then this shard's units (shardUnitOf), listed smallest
 * dataset first and seed by seed within one. */
export function gridTasks(datasets: Array<{ name: string; path: string }>, configs: GridConfig[], seeds: number[], out: string, shard: [number, number]): Task[] {
  const all: Task[] = [];
  for (const d of datasets) for (const c of configs) for (const seed of seeds) {
    all.push({ dataset: d.name, path: d.path, config: c, seed, file: resultFile(out, d.name, c.key, seed) });
  }
  const [i, n] = shard;
  const unit = shardUnitOf(all, n);
  const costs = new Map<string, number>();
  for (const t of all) costs.set(unit(t), (costs.get(unit(t)) ?? 0) + runCost(t.dataset, t.config.loss));
  const where = shardUnits([...costs].map(([id, cost]) => ({ id, cost })), n);
  const mine = all.filter((t) => where.get(unit(t)) === i - 1);
  const cost = (t: Task) => taskCost(t.dataset);
  const seedRank = (t: Task) => seeds.indexOf(t.seed);
  return mine.map((t, j) => ({ t, j })).sort((a, b) => cost(a.t) - cost(b.t) || seedRank(a.t) - seedRank(b.t) || a.j - b.j).map((x) => x.t);
}

/** The runs of one (dataset, seed): one worker trains each family's stage 0 once and shares autoencoders across all. */
export interface TaskGroup {
  dataset: string;
  path: string;
  seed: number;
  tasks: Task[];
}

/** Tasks grouped by (dataset, seed), the costliest group first (so the pool's last groups are its smallest and the
 * threads end together), ties in the tasks' order. */
export function groupTasks(tasks: Task[]): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const t of tasks) {
    const g = groups.get(seedUnit(t)) ?? { dataset: t.dataset, path: t.path, seed: t.seed, tasks: [] };
    g.tasks.push(t);
    groups.set(seedUnit(t), g);
  }
  const cost = (g: TaskGroup) => g.tasks.reduce((a, t) => a + runCost(t.dataset, t.config.loss), 0);
  return [...groups.values()].map((g, j) => ({ g, j, c: cost(g) })).sort((a, b) => b.c - a.c || a.j - b.j).map((x) => x.g);
}
