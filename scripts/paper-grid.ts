// The paper's grid as tasks: datasets x configurations x seeds, result file names, shards and resume.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { paperGrid } from '../src/engine/config';
import { configKey } from '../src/engine/seedRun';
import { stageZeroFamily } from '../src/engine/stageZero';
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

/** '2/4' -> [2, 4]: tasks whose index is 1 (mod 4)... i.e. the i-th of every n, so n machines split one grid. */
export function parseShard(arg: string | undefined): [number, number] {
  if (arg === undefined) return [1, 1];
  const m = /^(\d+)\/(\d+)$/.exec(arg);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n) throw new Error(`--shard takes i/n with 1 <= i <= n (got ${arg}).`);
  return [i, n];
}

/** Every task of the grid in a fixed order (datasets, configurations, seeds), then this shard's share, run smallest dataset
 * first and seed by seed within one, so a grid cut short still pairs every configuration on the seeds it finished. */
export function gridTasks(datasets: Array<{ name: string; path: string }>, configs: GridConfig[], seeds: number[], out: string, shard: [number, number]): Task[] {
  const all: Task[] = [];
  for (const d of datasets) for (const c of configs) for (const seed of seeds) {
    all.push({ dataset: d.name, path: d.path, config: c, seed, file: resultFile(out, d.name, c.key, seed) });
  }
  const [i, n] = shard;
  const mine = all.filter((_, t) => t % n === i - 1);
  const cost = (t: Task) => taskCost(t.dataset);
  const seedRank = (t: Task) => seeds.indexOf(t.seed);
  return mine.map((t, j) => ({ t, j })).sort((a, b) => cost(a.t) - cost(b.t) || seedRank(a.t) - seedRank(b.t) || a.j - b.j).map((x) => x.t);
}

/** The runs of one (dataset, seed, stage-0 family): one worker trains their stage 0 once and forks it for each. */
export interface TaskGroup {
  dataset: string;
  path: string;
  seed: number;
  tasks: Task[];
}

/** Tasks grouped by (dataset, seed, family), in the tasks' order of datasets and seeds, the largest group of a seed
 * first so the pool's last groups are its smallest. */
export function groupTasks(tasks: Task[]): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const t of tasks) {
    const id = `${t.dataset}\0${t.seed}\0${stageZeroFamily(t.config.loss)}`;
    const g = groups.get(id) ?? { dataset: t.dataset, path: t.path, seed: t.seed, tasks: [] };
    g.tasks.push(t);
    groups.set(id, g);
  }
  const list = [...groups.values()];
  const at = new Map(list.map((g, i) => [g, i]));
  const first = (g: TaskGroup) => tasks.indexOf(g.tasks[0]!);
  // stable: by where the group's dataset and seed first appear, then larger groups first
  const seedAt = new Map<string, number>();
  for (const g of list) {
    const k = `${g.dataset}\0${g.seed}`;
    if (!seedAt.has(k)) seedAt.set(k, first(g));
  }
  return list.sort((a, b) => seedAt.get(`${a.dataset}\0${a.seed}`)! - seedAt.get(`${b.dataset}\0${b.seed}`)! || b.tasks.length - a.tasks.length || at.get(a)! - at.get(b)!);
}
