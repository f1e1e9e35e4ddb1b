// npm run experiment -- --dataset PATH_OR_NAME --loss LOSS --query QUERY --pseudo 0|1 --seeds N
//   [--mode reference|improved] [--pollution R] [--backend wasm|cpu] [--json OUT] [--grid paper]
//   [--preset paper|interactive] [--k QUERIES_PER_ROUND]
import { writeFileSync } from 'node:fs';
import { parseArgs } from './args';
import { loadDataset } from './load-dataset';
import { nodeBackend } from './node-backend';
import { runSeeds, type RunSpec } from './runner';
import { fmt, column, stageTable } from './table';
import { PRESETS, paperGrid } from '../src/engine/config';
import type { Preset } from '../src/core/choices';
import { paperSizes } from '../src/engine/sizes';
import { LOSSES, QUERIES, type Loss, type Mode, type Query } from '../src/core/types';

const USAGE = `usage: npm run experiment -- --dataset PATH_OR_NAME --loss LOSS --query QUERY --pseudo 0|1 --seeds N
       [--mode reference|improved] [--pollution R] [--backend wasm|cpu] [--json OUT] [--grid paper]
       [--preset paper|interactive] [--k QUERIES_PER_ROUND]
losses: ${LOSSES.join(', ')}; queries: ${QUERIES.join(', ')}`;

function oneOf<T extends string>(name: string, v: string | undefined, allowed: readonly T[], dflt?: T): T {
  if (v === undefined && dflt !== undefined) return dflt;
  if (!allowed.includes(v as T)) throw new Error(`--${name} must be one of ${allowed.join(', ')} (got ${v ?? 'nothing'}).`);
  return v as T;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2), ['dataset', 'loss', 'query', 'pseudo', 'seeds', 'mode', 'pollution', 'backend', 'json', 'grid', 'preset', 'k', 'threads']);
  if (!a.dataset) throw new Error('--dataset is required.');
  const backend = oneOf('backend', a.backend, ['wasm', 'cpu'] as const, 'wasm');
  const preset = oneOf<Preset>('preset', a.preset, ['paper', 'interactive'], 'paper');
  // a preset brings its mode (paper: reference, interactive: improved) unless --mode says otherwise
  const mode = oneOf<Mode>('mode', a.mode, ['reference', 'improved'], PRESETS[preset].mode);
  const k = a.k === undefined ? null : Number(a.k);
  if (k !== null && !(Number.isInteger(k) && k >= 1)) throw new Error(`--k must be a positive integer (got ${a.k}).`);
  const seeds = Number(a.seeds ?? 5);
  if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`--seeds must be a positive integer (got ${a.seeds}).`);
  const pollution = a.pollution === undefined ? null : Number(a.pollution);
  if (pollution !== null && !(pollution > 0 && pollution <= 1)) throw new Error(`--pollution must be in (0, 1] (got ${a.pollution}).`);
  await nodeBackend(backend, Number(a.threads ?? 2));
  const raw = await loadDataset(a.dataset);
  console.log(`${raw.name}: ${raw.n} rows x ${raw.d} features, ${preset} preset, ${mode} mode, ${backend} backend, seeds 1..${seeds}`);
  const base = { mode, pollution, preset, overrides: k === null ? {} : { sizes: { ...paperSizes(raw.name, raw.n, raw.d), k } } };

  if (a.grid !== undefined) {
    if (a.grid !== 'paper') throw new Error(`--grid takes 'paper' (got ${a.grid}).`);
    const all = [];
    console.log(`config${' '.repeat(30)}${[0, 1, 2, 3, 4, 5].map((t) => `stage ${t}`.padEnd(15)).join('')}`);
    for (const g of paperGrid()) {
      const spec: RunSpec = { ...g, ...base };
      const r = await runSeeds(raw, spec, seeds);
      const key = `${g.loss}/${g.query}/ps${g.pseudo ? 1 : 0}`;
      console.log(`${key.padEnd(36)}${r.auroc[0].map((_, t) => fmt(column(r.auroc, t)).padEnd(15)).join('')}`);
      all.push({ dataset: raw.name, loss: g.loss, query: g.query, pseudo: g.pseudo ? 1 : 0, mode, backend, ...r });
    }
    if (a.json) writeFileSync(a.json, JSON.stringify(all, null, 1));
    return;
  }
  const spec: RunSpec = {
    loss: oneOf<Loss>('loss', a.loss, LOSSES), query: oneOf<Query>('query', a.query, QUERIES),
    pseudo: oneOf('pseudo', a.pseudo, ['0', '1'] as const, '0') === '1', ...base,
  };
  const r = await runSeeds(raw, spec, seeds, (s) => console.error(`seed ${s} done`));
  console.log(`${spec.loss} / ${spec.query} / pseudo ${spec.pseudo ? 1 : 0}`);
  console.log(stageTable(r));
  if (a.json) {
    const { seeds: sd, auroc, ap, stage_seconds } = r;
    const out = { dataset: raw.name, loss: spec.loss, query: spec.query, pseudo: spec.pseudo ? 1 : 0, mode, backend, seeds: sd, auroc, ap, stage_seconds };
    if (preset !== 'paper' || k !== null) Object.assign(out, { preset, k: k ?? undefined });
    writeFileSync(a.json, JSON.stringify(out, null, 1));
    console.log(`wrote ${a.json}`);
  }
}

main().catch((e: Error) => {
  console.error(`error: ${e.message}\n${USAGE}`);
  if (process.env.DEBUG) console.error(e.stack);
  process.exit(2);
});
