// npm run parity [-- --dataset ionosphere|glass] [--seeds 5] [--ref PATH] [--json OUT] [--from JSON]
// Reference mode against ../shared/reference/parity.json: all 18 configurations of the paper's grid.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from './args';
import { PAPER_PROTOCOL, loadDataset } from './load-dataset';
import { nodeBackend } from './node-backend';
import { perSeed, runSeeds } from './runner';
import { compare, type RefCell } from './parity-check';
import { paperGrid } from '../src/engine/config';

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2), ['dataset', 'seeds', 'ref', 'json', 'from', 'backend', 'threads']);
  const refPath = a.ref ?? '../shared/reference/parity.json';
  if (!existsSync(refPath)) throw new Error(`No reference results at ${refPath} (pass --ref PATH).`);
  const ref = JSON.parse(readFileSync(refPath, 'utf8')).datasets as Record<string, Record<string, RefCell>>;
  const names = a.dataset ? [a.dataset] : Object.keys(ref);
  const seeds = Number(a.seeds ?? 5);
  const saved: Record<string, Record<string, number[][]>> = a.from ? JSON.parse(readFileSync(a.from, 'utf8')) : {};
  await nodeBackend((a.backend as 'wasm' | 'cpu') ?? 'wasm', Number(a.threads ?? 2));
  let allPass = true;
  for (const name of names) {
    if (!ref[name]) throw new Error(`The reference has no dataset '${name}' (has ${Object.keys(ref).join(', ')}).`);
    const shared = `../shared/datasets/${name}.csv`;
    const raw = await loadDataset(existsSync(shared) ? shared : name, PAPER_PROTOCOL);
    const ours: Record<string, number[][]> = saved[name] ?? {};
    for (const g of paperGrid()) {
      const key = `${g.loss}/${g.query}/ps${g.pseudo ? 1 : 0}`;
      if (ours[key] || !ref[name][key]) continue;
      const t0 = performance.now();
      ours[key] = perSeed(await runSeeds(raw, { ...g, mode: 'reference', pollution: null }, seeds), 'auroc');
      console.error(`${name} ${key}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      saved[name] = ours;
      if (a.json) writeFileSync(a.json, JSON.stringify(saved)); // after each configuration: a crash loses little
    }
    const res = compare(ref[name], ours);
    console.log(`\n${name}: ours vs reference, AUROC x100 mean (std) per stage; * = outside the tolerance`);
    let last = '';
    for (const r of res.rows) {
      if (r.key !== last) process.stdout.write(`\n${r.key.padEnd(30)}`);
      last = r.key;
      process.stdout.write(`${r.ok ? ' ' : '*'}${r.ours.toFixed(1)}(${r.oursStd.toFixed(1)}) vs ${r.ref.toFixed(1)}(${r.refStd.toFixed(1)})  `);
    }
    console.log(`\n${name}: ${(res.share * 100).toFixed(1)}% of ${res.rows.length} cells within tolerance, mean signed difference ${res.meanDiff.toFixed(2)} -> ${res.pass ? 'PARITY HOLDS' : 'PARITY FAILS'}`);
    allPass &&= res.pass;
  }
  process.exitCode = allPass ? 0 : 1;
}

main().catch((e: Error) => {
  console.error(`error: ${e.message}`);
  process.exit(2);
});
