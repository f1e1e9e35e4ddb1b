// One grid task in a worker thread: load the dataset once per thread, run one (configuration, seed), write its file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadDataset } from './load-dataset';
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
  run: SeedRun;
}

let ready: Promise<void> | null = null;
const cache = new Map<string, Promise<RawData>>();

export default async function runTask(task: Task & { backend: 'wasm' | 'cpu' }): Promise<{ file: string; seconds: number; end: number | null; collapsed: boolean }> {
  // one thread per worker: the pool already keeps every core busy
  ready ??= nodeBackend(task.backend, 1);
  await ready;
  if (!cache.has(task.path)) cache.set(task.path, loadDataset(task.path));
  const raw = { ...(await cache.get(task.path)!), name: task.dataset };
  const { loss, query, pseudo } = task.config;
  const [run] = await runSeeds(raw, { loss, query, pseudo, mode: 'reference', pollution: null }, [task.seed]);
  const out: ResultFile = { dataset: task.dataset, key: task.config.key, loss, query, pseudo: pseudo ? 1 : 0, beyond: task.config.beyond, mode: 'reference', backend: task.backend, seed: task.seed, run: run! };
  mkdirSync(dirname(task.file), { recursive: true });
  // written whole, then renamed: an interrupted run never leaves half a file for the resume to trust
  writeFileSync(`${task.file}.tmp`, JSON.stringify(out));
  renameSync(`${task.file}.tmp`, task.file);
  return { file: task.file, seconds: run!.seconds, end: run!.stages[run!.stages.length - 1]!.auroc, collapsed: run!.collapsed };
}
