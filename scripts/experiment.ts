// npm run experiment -- --dataset PATH_OR_NAME --loss LOSS --query QUERY --pseudo 0|1 --seeds N
//   [--seed-list 1-3,7] [--mode reference|improved] [--pollution R] [--backend wasm|cpu] [--json OUT] [--grid paper]
//   [--preset paper|interactive] [--k QUERIES_PER_ROUND] [--strict] [--label COL] [--anomaly V | --normal V] [--drop COL,...]
//   [--missing impute|drop-rows|drop-columns] [--max-categories N]
import { writeFileSync } from 'node:fs';
import { parseArgs } from './args';
import { formatSeedList, parseSeedList } from '../src/engine/seeds';
import { loadDataset } from './load-dataset';
import { PREP_FLAGS, PREP_USAGE, prepOptions } from './prep-args';
import { nodeBackend } from './node-backend';
import { runSeeds, type RunSpec } from './runner';
import { gridLine, stageTable } from './table';
import { runsJson } from './runs-json';
import { PRESETS, paperGrid } from '../src/engine/config';
import type { Preset } from '../src/core/choices';
import { LOSSES, QUERIES, type Loss, type Mode, type Query } from '../src/core/types';

const USAGE = `usage: npm run experiment -- --dataset PATH_OR_NAME --loss LOSS --query QUERY --pseudo 0|1 --seeds N | --seed-list 1-3,7
       [--mode reference|improved] [--pollution R] [--backend wasm|cpu] [--json OUT] [--grid paper]
       [--preset paper|interactive] [--k QUERIES_PER_ROUND] [--threads 1|2] [--strict 1]
${PREP_USAGE}
losses: ${LOSSES.join(', ')}; queries: ${QUERIES.join(', ')}`;

function oneOf<T extends string>(name: string, v: string | undefined, allowed: readonly T[], dflt?: T): T {
  if (v === undefined && dflt !== undefined) return dflt;
  if (!allowed.includes(v as T)) throw new Error(`--${name} must be one of ${allowed.join(', ')} (got ${v ?? 'nothing'}).`);
  return v as T;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2), ['dataset', 'loss', 'query', 'pseudo', 'seeds', 'mode', 'pollution', 'backend', 'json', 'grid', 'preset', 'k', 'threads', 'strict', 'seed-list', ...PREP_FLAGS]);
  const strict = oneOf('strict', a.strict, ['0', '1'] as const, '0') === '1';
  if (!a.dataset) throw new Error('--dataset is required.');
  const backend = oneOf('backend', a.backend, ['wasm', 'cpu'] as const, 'wasm');
  const preset = oneOf<Preset>('preset', a.preset, ['paper', 'interactive'], 'paper');
  // a preset brings its mode (paper: reference, interactive: improved) unless --mode says otherwise
  const mode = oneOf<Mode>('mode', a.mode, ['reference', 'improved'], PRESETS[preset].mode);
  const k = a.k === undefined ? null : Number(a.k);
  if (k !== null && !(Number.isInteger(k) && k >= 1)) throw new Error(`--k must be a positive integer (got ${a.k}).`);
  if (a.seeds !== undefined && a['seed-list'] !== undefined) throw new Error('Give --seeds N or --seed-list LIST, not both.');
  const n = Number(a.seeds ?? 5);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--seeds must be a positive integer (got ${a.seeds}).`);
  const seeds = a['seed-list'] !== undefined ? parseSeedList(a['seed-list']) : Array.from({ length: n }, (_, i) => i + 1);
  const pollution = a.pollution === undefined ? null : Number(a.pollution);
  if (pollution !== null && !(pollution > 0 && pollution <= 1)) throw new Error(`--pollution must be in (0, 1] (got ${a.pollution}).`);
  await nodeBackend(backend, Number(a.threads ?? 2));
  const raw = await loadDataset(a.dataset, prepOptions(a));
  console.log(`${raw.name}: ${raw.n} rows x ${raw.d} features, ${preset} preset, ${mode} mode, ${backend} backend, seeds ${formatSeedList(seeds)}`);
  const base = { mode, pollution, preset, k };

  if (a.grid !== undefined) {
    if (a.grid !== 'paper') throw new Error(`--grid takes 'paper' (got ${a.grid}).`);
    const all = [];
    console.log(`config${' '.repeat(30)}${[0, 1, 2, 3, 4, 5].map((t) => `stage ${t}`.padEnd(15)).join('')}`);
    for (const g of paperGrid()) {
      const spec: RunSpec = { ...g, ...base };
      const runs = await runSeeds(raw, spec, seeds);
      console.log(gridLine(`${g.loss}/${g.query}/ps${g.pseudo ? 1 : 0}`, runs));
      all.push({ dataset: raw.name, loss: g.loss, query: g.query, pseudo: g.pseudo ? 1 : 0, mode, backend, ...runsJson(runs) });
    }
    if (a.json) writeFileSync(a.json, JSON.stringify(all, null, 1));
    if (strict && all.some((r) => r.collapsed)) fail('some runs collapsed (--strict 1)');
    return;
  }
  const spec: RunSpec = {
    loss: oneOf<Loss>('loss', a.loss, LOSSES), query: oneOf<Query>('query', a.query, QUERIES),
    pseudo: oneOf('pseudo', a.pseudo, ['0', '1'] as const, '0') === '1', ...base,
  };
  const runs = await runSeeds(raw, spec, seeds, (s) => console.error(`seed ${s} done`));
  console.log(`${spec.loss} / ${spec.query} / pseudo ${spec.pseudo ? 1 : 0}`);
  console.log(stageTable(runs));
  const json = runsJson(runs);
  if (a.json) {
    const out = { dataset: raw.name, loss: spec.loss, query: spec.query, pseudo: spec.pseudo ? 1 : 0, mode, backend, ...json };
    if (preset !== 'paper' || k !== null) Object.assign(out, { preset, k: k ?? undefined });
    writeFileSync(a.json, JSON.stringify(out, null, 1));
    console.log(`wrote ${a.json}`);
  }
  if (strict && json.collapsed) fail('the scores collapsed (--strict 1)');
}

/** Exit 3: the run finished but its scores collapsed, so its AUROC means nothing. */
function fail(why: string): never {
  console.error(`error: ${why}`);
  process.exit(3);
}

main().catch((e: Error) => {
  console.error(`error: ${e.message}\n${USAGE}`);
  if (process.env.DEBUG) console.error(e.stack);
  process.exit(2);
});
