// One grid task in a worker thread: load the dataset once per thread, run one (configuration, seed), write its file.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PAPER_PROTOCOL, loadDataset } from './load-dataset';
import { nodeBackend } from './node-backend';
import { runSeeds } from './runner';
import type { Task } from './paper-grid';
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

export interface TaskDone { file: string; seconds: number; cpuSeconds: number | null; end: number | null; collapsed: boolean; skipped?: boolean }

export default async function runTask(task: Task & { backend: 'wasm' | 'cpu' }): Promise<TaskDone> {
  // another process on the same --out (a second shard, a second machine) may have written it since the grid was listed
  if (existsSync(task.file)) return { file: task.file, seconds: 0, cpuSeconds: null, end: null, collapsed: false, skipped: true };
  // one thread per worker: the pool already keeps every core busy
  ready ??= nodeBackend(task.backend, 1);
  await ready;
  const cpu0 = threadCpuSeconds();
  const wall0 = performance.now();
  if (!cache.has(task.path)) cache.set(task.path, loadDataset(task.path, PAPER_PROTOCOL));
  const raw = { ...(await cache.get(task.path)!), name: task.dataset };
  const { loss, query, pseudo } = task.config;
  const [run] = await runSeeds(raw, { loss, query, pseudo, mode: 'reference', pollution: null }, [task.seed]);
  const cpu1 = threadCpuSeconds();
  const cpuSeconds = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
  const wallSeconds = (performance.now() - wall0) / 1000;
  const out: ResultFile = { dataset: task.dataset, key: task.config.key, loss, query, pseudo: pseudo ? 1 : 0, beyond: task.config.beyond, mode: 'reference', backend: task.backend, seed: task.seed, wallSeconds, cpuSeconds, run: run! };
  mkdirSync(dirname(task.file), { recursive: true });
  // written whole, then renamed: an interrupted run never leaves half a file for the resume to trust
  writeFileSync(`${task.file}.tmp`, JSON.stringify(out));
  renameSync(`${task.file}.tmp`, task.file);
  return { file: task.file, seconds: run!.seconds, cpuSeconds, end: run!.stages[run!.stages.length - 1]!.auroc, collapsed: run!.collapsed };
}
