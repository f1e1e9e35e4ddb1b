// npm run paper -- [--datasets a,b|paths] [--configs paper|beyond|all|KEYS] [--seeds N | --seed-list L] [--jobs N]
//   [--out DIR] [--shard i/n] [--report DIR] [--run 0|1] [--data-dir DIR] [--backend wasm|cpu] [--strict 1]
//   --run 0 --out A,B,... --report DIR merges the result folders of several shards or machines into one report
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { parseArgs } from './args';
import { MessageChannel } from 'node:worker_threads';
import { datasetPath, gridTasks, groupTasks, parseConfigs, parseShard, PAPER_DATASETS, runCost } from './paper-grid';
import type { TaskDone } from './paper-worker';
import { writeReport } from './paper-report';
import { formatSeedList, parseSeedList } from '../src/engine/seeds';

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: npm run paper -- [--datasets NAMES_OR_PATHS] [--configs paper|beyond|all|LOSS/QUERY/psP,...]
       [--seeds N | --seed-list 1-3,7] [--jobs N] [--out DIR] [--shard i/n] [--report DIR] [--run 0|1]
       [--data-dir DIR] [--backend wasm|cpu] [--strict 1]
       --run 0 --out DIR1,DIR2 --report DIR: one report from the result folders of several shards or machines
datasets: ${PAPER_DATASETS.join(', ')} (CSV files in --data-dir, default ../shared/datasets)`;

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2), ['datasets', 'configs', 'seeds', 'seed-list', 'jobs', 'out', 'shard', 'report', 'run', 'data-dir', 'backend', 'strict']);
  const outs = (a.out ?? 'results/paper').split(',').map((d) => resolve(d.trim()));
  const out = outs[0]!;
  const run = (a.run ?? '1') === '1';
  if (!['0', '1'].includes(a.run ?? '1')) throw new Error(`--run takes 0 or 1 (got ${a.run}).`);
  if (run && outs.length > 1) throw new Error(`--out takes several folders (${outs.length} given) only with --run 0 --report DIR, to merge shards.`);
  if (a.seeds !== undefined && a['seed-list'] !== undefined) throw new Error('Give --seeds N or --seed-list LIST, not both.');
  const n = Number(a.seeds ?? 5);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--seeds must be a positive integer (got ${a.seeds}).`);
  const seeds = a['seed-list'] !== undefined ? parseSeedList(a['seed-list']) : Array.from({ length: n }, (_, i) => i + 1);
  const jobs = Number(a.jobs ?? availableParallelism());
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a positive integer (got ${a.jobs}).`);
  const backend = a.backend ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') throw new Error(`--backend must be wasm or cpu (got ${backend}).`);
  let collapsed = 0;
  if (run) {
    const dir = resolve(a['data-dir'] ?? join('..', 'shared', 'datasets'));
    const names = (a.datasets ?? PAPER_DATASETS.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
    const datasets = names.map((name) => {
      const path = datasetPath(name, dir);
      return { name: name.includes('/') || name.endsWith('.csv') ? name.replace(/^.*\//, '').replace(/\.csv$/, '') : name, path };
    });
    const configs = parseConfigs(a.configs);
    const shard = parseShard(a.shard);
    const tasks = gridTasks(datasets, configs, seeds, out, shard);
    const todo = tasks.filter((t) => !existsSync(t.file));
    console.log(`${datasets.length} datasets x ${configs.length} configurations x seeds ${formatSeedList(seeds)}${shard[1] > 1 ? `, shard ${shard[0]}/${shard[1]}` : ''}: ${tasks.length} runs, ${tasks.length - todo.length} already in ${out}, ${todo.length} to do on ${jobs} worker thread${jobs === 1 ? '' : 's'}`);
    const t0 = performance.now();
    if (todo.length) {
      // a seed's runs share stage 0 by family (engine/stageZero.ts) and autoencoders (engine/pretrainCache.ts): the pool runs such groups
      const groups = groupTasks(todo);
      const threads = Math.min(jobs, groups.length);
      const pool = new Tinypool({ filename: join(HERE, 'paper-worker.mjs'), minThreads: threads, maxThreads: threads, execArgv: [] });
      let done = 0;
      let failed = 0;
      // time left from the cost done so far: the datasets run small to large and NCE costs more, so a plain mean would promise too much
      let totalCost = todo.reduce((a, t) => a + runCost(t.dataset, t.config.loss), 0);
      let doneCost = 0;
      const byFile = new Map(todo.map((t) => [t.file, t]));
      const onDone = (r: TaskDone) => {
        const t = byFile.get(r.file)!;
        done++;
        if (r.skipped) {
          totalCost -= runCost(t.dataset, t.config.loss);
          console.log(`[${done}/${todo.length}] ${t.dataset} ${t.config.key} seed ${t.seed}: written meanwhile by another process, skipped`);
          return;
        }
        doneCost += runCost(t.dataset, t.config.loss);
        if (r.collapsed) collapsed++;
        const el = (performance.now() - t0) / 1000;
        const eta = (el / doneCost) * (totalCost - doneCost);
        console.log(`[${done}/${todo.length}] ${t.dataset} ${t.config.key} seed ${t.seed}: last AUROC ${r.end === null ? 'n/a' : (100 * r.end).toFixed(2)}, ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds === null ? 'n/a' : r.cpuSeconds.toFixed(1)} s, ${r.pretrainsReused ?? 0} autoencoders reused)${r.collapsed ? ' COLLAPSED' : ''}; ${el.toFixed(0)} s elapsed, about ${eta.toFixed(0)} s left`);
      };
      const seen = new Set<string>();
      const once = (r: TaskDone) => { if (!seen.has(r.file)) { seen.add(r.file); onDone(r); } };
      await Promise.all(groups.map(async (g) => {
        const { port1, port2 } = new MessageChannel();
        port1.on('message', once);
        try {
          // each run is reported on the port as it ends; the returned list covers any message still in flight
          const rs: TaskDone[] = await pool.run({ ...g, backend, port: port2 }, { transferList: [port2] });
          rs.forEach(once);
        } catch (e) {
          const left = g.tasks.filter((t) => !existsSync(t.file));
          failed += left.length;
          for (const t of left) console.error(`error: ${t.dataset} ${t.config.key} seed ${t.seed}: ${(e as Error).message}`);
        } finally {
          port1.close();
        }
      }));
      await pool.destroy();
      console.log(`${done} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s wall${failed ? `, ${failed} failed` : ''}`);
      if (failed) process.exitCode = 1;
    }
  }
  if (a.report !== undefined) {
    // with --run 0, --datasets picks the datasets the report's tables cover
    const only = !run && a.datasets !== undefined ? a.datasets.split(',').map((x) => x.trim()).filter(Boolean) : undefined;
    const r = writeReport(outs, resolve(a.report), only);
    console.log(`report: ${r.path} (${r.results} result files, ${r.figures} figures)`);
  }
  if (a.strict === '1' && collapsed > 0) {
    console.error(`error: ${collapsed} runs collapsed (--strict 1)`);
    process.exitCode = 3;
  }
}

main().catch((e: Error) => {
  console.error(`error: ${e.message}\n${USAGE}`);
  if (process.env.DEBUG) console.error(e.stack);
  process.exit(2);
});
