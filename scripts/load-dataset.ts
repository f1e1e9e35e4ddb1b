// Resolve a dataset argument: a file path, or the name of a bundled dataset in public/datasets.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundled } from '../src/io/bundled';
import { parseManifest } from '../src/io/catalogue';
import { importFile, type ImportOptions } from '../src/io/importFile';
import { withPrep, type PreparedData } from '../src/io/preprocess/prepared';

const BUNDLED = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'datasets');

/** The paper's protocol keeps constant columns (they scale to 0), so the network sizes match its table. */
export const PAPER_PROTOCOL: ImportOptions = { keepConstant: true };

/** The manifest entry of a bundled dataset (the lab reads it with io/bundled.ts, and so does this). */
function bundledEntry(name: string) {
  const manifest = join(BUNDLED, 'manifest.json');
  if (!existsSync(manifest)) return null;
  return parseManifest(JSON.parse(readFileSync(manifest, 'utf8'))).datasets.find((d) => d.name === name) ?? null;
}

/** The same import as the lab's dialog (or its bundled sets) with the same choices and defaults; notices go to stderr as "note: ...". */
export async function loadDataset(arg: string, prep: ImportOptions = {}, log: (s: string) => void = (s) => console.error(s)): Promise<PreparedData> {
  const file = existsSync(arg);
  const path = file ? arg : join(BUNDLED, `${arg}.csv`);
  if (!existsSync(path)) throw new Error(`No file '${arg}' and no bundled dataset of that name in public/datasets.`);
  const entry = file ? null : bundledEntry(arg);
  if (entry) {
    const { raw, notices } = importBundled(readFileSync(path, 'utf8'), entry, prep);
    for (const note of notices) log(`note: ${note}`);
    return raw;
  }
  const res = await importFile(basename(path), new Uint8Array(readFileSync(path)), prep);
  for (const note of res.notices) log(`note: ${note}`);
  // the paper's sizes are keyed by dataset name: 'cardio.csv' -> 'cardio'
  const data = { ...res.data, name: basename(path).replace(/\.gz$/i, '').replace(/\.[^.]*$/, '') };
  return withPrep(data, basename(path), res.format, prep, res.recipe ?? null);
}
