// One grid group in a worker thread: load the dataset once per thread, run a seed's configurations (stage 0 shared by
// each family, autoencoders by all), write a file per run.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { PAPER_PROTOCOL, loadDataset } from './load-dataset';
import { nodeBackend } from './node-backend';
import { runSeedGroup } from './runner';
import { PretrainCache } from '../src/engine/pretrainCache';
import type { TaskGroup } from './paper-grid';
import type { RawData } from '../src/core/types';
import type { SeedRun } from '../src/engine/seedRun';

/** What a result file holds: enough to rebuild the report without the run. */
export interface ResultFile {
  dataset: string;
  key: string;
  loss: string;
  query: string;
  pseudo: 0 | 1;
  beyond: boolean;
  mode: 'reference';
  backend: string;
  seed: number;
  /** wall seconds of the whole task in its worker thread (includes waiting for a core on a busy machine) */
  wallSeconds?: number;
  /** CPU seconds the worker thread spent on the task (Linux /proc; null elsewhere): the load-independent cost */
  cpuSeconds?: number | null;
  /** how many runs shared this run's stage 0 (trained once, forked); the times include an equal share of it */
  stage0SharedBy?: number;
  /** how many of the run's autoencoder pretrainings were reused from earlier runs of its seed (same generator state,
   * same bits; engine/pretrainCache.ts): its times do not include those */
  pretrainsReused?: number;
  run: SeedRun;
}

/** This thread's user + system CPU seconds from /proc/thread-self/stat (Linux, 100 ticks a second); null elsewhere. */
export function threadCpuSeconds(): number | null {
  try {
    const s = readFileSync('/proc/thread-self/stat', 'utf8');
    // fields after "(name) " start at field 3, so utime (14) and stime (15) are at 11 and 12
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    const t = (Number(f[11]) + Number(f[12])) / 100;
    return Number.isFinite(t) ? t : null;
  } catch { return null; }
}

let ready: Promise<void> | null = null;
const cache = new Map<string, Promise<RawData>>();

export interface TaskDone { file: string; seconds: number; cpuSeconds: number | null; end: number | null; collapsed: boolean; skipped?: boolean; pretrainsReused?: number }

function write(file: string, out: ResultFile): void {
  mkdirSync(dirname(file), { recursive: true });
  // written whole, then renamed: an interrupted run never leaves half a file for the resume to trust
  writeFileSync(`${file}.tmp`, JSON.stringify(out));
  renameSync(`${file}.tmp`, file);
}

/** One group of the grid (paper-grid groupTasks): its missing runs share stage 0 by family and autoencoders by generator
 * state; each run's file is written as
 * it finishes and reported on `port`, so an interrupted group keeps the runs it finished. */
export default async function runGroup(group: TaskGroup & { backend: 'wasm' | 'cpu'; port?: MessagePort }): Promise<TaskDone[]> {
  const done: TaskDone[] = [];
  const report = (d: TaskDone) => { done.push(d); group.port?.postMessage(d); };
  // another process on the same --out (a second shard, a second machine) may have written some since the grid was listed
  const todo = group.tasks.filter((t) => {
    if (!existsSync(t.file)) return true;
    report({ file: t.file, seconds: 0, cpuSeconds: null, end: null, collapsed: false, skipped: true });
    return false;
  });
  if (todo.length === 0) return done;
  // one thread per worker: the pool already keeps every core busy
  ready ??= nodeBackend(group.backend, 1);
  await ready;
  const cpu0 = threadCpuSeconds();
  const wall0 = performance.now();
  if (!cache.has(group.path)) cache.set(group.path, loadDataset(group.path, PAPER_PROTOCOL));
  const raw = { ...(await cache.get(group.path)!), name: group.dataset };
  // a family's shared stage 0 is charged in equal shares to its runs, so the files' times add up
  let shared = { cpu: null as number | null, wall: 0, n: 1 };
  let last = { cpu: cpu0, wall: wall0 };
  const lap = () => {
    const now = { cpu: threadCpuSeconds(), wall: performance.now() };
    const d = { cpu: now.cpu === null || last.cpu === null ? null : now.cpu - last.cpu, wall: (now.wall - last.wall) / 1000 };
    last = now;
    return d;
  };
  const autoencoders = new PretrainCache();
  let hits = 0;
  const specs = todo.map((t) => ({ loss: t.config.loss, query: t.config.query, pseudo: t.config.pseudo, mode: 'reference' as const, pollution: null }));
  await runSeedGroup(raw, specs, group.seed, {
    pretrainCache: autoencoders,
    onShared: (members) => { shared = { ...lap(), n: members.length }; },
    onRun: (i, run) => {
      const own = lap();
      const t = todo[i]!;
      const n = shared.n;
      const cpuSeconds = own.cpu === null || shared.cpu === null ? null : own.cpu + shared.cpu / n;
      const { loss, query, pseudo } = t.config;
      const reused = autoencoders.hits - hits;
      hits = autoencoders.hits;
      write(t.file, {
        dataset: t.dataset, key: t.config.key, loss, query, pseudo: pseudo ? 1 : 0, beyond: t.config.beyond, mode: 'reference', backend: group.backend,
        seed: t.seed, wallSeconds: own.wall + shared.wall / n, cpuSeconds, stage0SharedBy: n, pretrainsReused: reused, run,
      });
      report({ file: t.file, seconds: run.seconds, cpuSeconds, end: run.stages[run.stages.length - 1]!.auroc, collapsed: run.collapsed, pretrainsReused: reused });
    },
  });
  return done;
}
