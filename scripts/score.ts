// npm run score -- --model MODEL.zip --data NEW.csv --out scores.csv [--backend wasm|cpu] [--threads 1|2]
// Scores a new file with a model exported from the lab: the model's recipe, scaling and network, as the lab scores it.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from './args';
import { nodeBackend } from './node-backend';
import { scoreFile, scoredCsv, type ScoredFile } from '../src/worker/scoreFile';

const USAGE = 'usage: npm run score -- --model MODEL.zip --data NEW_FILE --out scores.csv [--backend wasm|cpu] [--threads 1|2]';

/** The command without the process around it (the tests call it). */
export async function runScore(argv: string[], log: (s: string) => void = (s) => console.error(s)): Promise<ScoredFile> {
  const a = parseArgs(argv, ['model', 'data', 'out', 'backend', 'threads']);
  if (!a.model || !a.data) throw new Error('--model and --data are required.');
  const backend = a.backend ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') throw new Error(`--backend must be wasm or cpu (got ${backend}).`);
  await nodeBackend(backend, Number(a.threads ?? 1));
  const r = await scoreFile(new Uint8Array(readFileSync(a.model)), basename(a.data), new Uint8Array(readFileSync(a.data)));
  for (const note of r.notices) log(`note: ${note}`);
  const csv = scoredCsv(r);
  if (a.out) writeFileSync(a.out, csv);
  else process.stdout.write(csv);
  const outside = r.radius2 === null ? null : Array.from(r.scores).filter((s) => s > r.radius2!).length;
  log(`${r.n} rows scored${outside === null ? '' : `, ${outside} outside R`}${a.out ? `; wrote ${a.out}` : ''}`);
  return r;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  runScore(process.argv.slice(2)).catch((e: Error) => {
    console.error(`error: ${e.message}\n${USAGE}`);
    if (process.env.DEBUG) console.error(e.stack);
    process.exit(2);
  });
}
