// Resolve a dataset argument: a file path, or the name of a bundled dataset in public/datasets.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../src/io/importFile';
import type { RawData } from '../src/core/types';

const BUNDLED = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'datasets');

export async function loadDataset(arg: string): Promise<RawData> {
  const path = existsSync(arg) ? arg : join(BUNDLED, `${arg}.csv`);
  if (!existsSync(path)) throw new Error(`No file '${arg}' and no bundled dataset of that name in public/datasets.`);
  // the paper's protocol keeps constant columns (they scale to 0), so the network sizes match its table
  const res = await importFile(basename(path), new Uint8Array(readFileSync(path)), { keepConstant: true });
  for (const note of res.notices) console.error(`note: ${note}`);
  // the paper's sizes are keyed by dataset name: 'cardio.csv' -> 'cardio'
  return { ...res.data, name: basename(path).replace(/\.[^.]*$/, '') };
}
