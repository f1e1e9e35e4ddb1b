// A new file turned into the model's features: the saved recipe (never refitted), with clear words for missing or extra columns.
import { ImportError, listValues } from '../errors';
import { readFile, type ImportFormat } from '../importFile';
import type { PickResult } from '../matrices';
import { transformMatrix } from '../preprocess/matrixFit';
import { transform } from '../preprocess/recipe';
import type { TextTable } from '../table';
import type { PortableMeta } from './modelFile';

export interface ModelInput {
  /** row-major n x d, unscaled (the scaling is the engine's) */
  values: Float64Array;
  n: number;
  d: number;
  /** the file's line (text) or row (matrix) number of each row, 1-based */
  rows: number[];
  format: ImportFormat;
  notices: string[];
}

function missingColumns(have: string[], need: string[], fileName: string): void {
  const absent = need.filter((c) => !have.includes(c));
  if (absent.length === 0) return;
  throw new ImportError(
    'SHAPE_MISMATCH',
    `${fileName} lacks ${absent.length === 1 ? 'the column' : `${absent.length} columns`} the model was trained on: ${listValues(absent)}. ` +
      `The model needs ${listValues(need)}; add ${absent.length === 1 ? 'it' : 'them'} (same names) or score a file with the same columns.`,
    { values: absent },
  );
}

function fromTable(table: TextTable, meta: PortableMeta, fileName: string, format: ImportFormat, notices: string[]): ModelInput {
  const recipe = meta.recipe;
  const need = recipe ? [...new Set(recipe.encoders.map((e) => e.column))] : meta.featureNames;
  missingColumns(table.names, need, fileName);
  const extra = table.names.filter((c) => !need.includes(c));
  if (extra.length) notices.push(`Ignored ${extra.length === 1 ? 'a column' : `${extra.length} columns`} the model does not use: ${listValues(extra)}.`);
  const rec = recipe ?? { version: meta.preprocessVersion, columns: need, label: null, encoders: need.map((c) => ({ type: 'number' as const, column: c, fill: null })) };
  const t = transform(table, rec);
  for (const [col, k] of t.filled) notices.push(`Filled ${k} missing cell${k === 1 ? '' : 's'} of ${col} with the training value.`);
  for (const [col, u] of t.unseen) {
    notices.push(`${col} holds ${u.count} value${u.count === 1 ? '' : 's'} the model never saw (first "${u.value}" in row ${u.row}): encoded as none of the known ones.`);
  }
  if (t.n === 0) throw new ImportError('HEADER_ONLY', `${fileName} has no data rows to score.`);
  return { values: t.values, n: t.n, d: t.d, rows: table.rowNumbers.slice(), format, notices };
}

function fromMatrix(picked: PickResult, meta: PortableMeta, fileName: string, format: ImportFormat, notices: string[]): ModelInput {
  const m = picked.matrix;
  const recipe = meta.recipe;
  const numeric = recipe?.encoders.every((e) => e.type === 'number' || e.type === 'was-missing');
  const names = recipe && numeric ? [...new Set(recipe.encoders.map((e) => e.column))] : meta.featureNames;
  const byName = names.every((c) => m.names.includes(c));
  if (!byName && m.d !== names.length) {
    throw new ImportError('SHAPE_MISMATCH', `${fileName}'s matrix ${m.matrixName} has ${m.d} columns but the model takes ${names.length} (${listValues(names)}).`);
  }
  if (!byName) notices.push(`The matrix's columns are taken by position as ${listValues(names)}.`);
  const rows = Array.from({ length: m.n }, (_, i) => i + 1);
  const all = [...notices, ...picked.notices];
  if (recipe && numeric) {
    // NaN cells get the training fill, as the import imputed them
    const t = transformMatrix(m.values, m.n, byName ? m.names : names, recipe);
    for (const [col, k] of t.filled) all.push(`Filled ${k} missing cell${k === 1 ? '' : 's'} of ${col} with the training value.`);
    return { values: t.values, n: m.n, d: t.d, rows, format, notices: all };
  }
  const cols = byName ? names.map((c) => m.names.indexOf(c)) : names.map((_, j) => j);
  const d = names.length;
  const values = new Float64Array(m.n * d);
  for (let i = 0; i < m.n; i++) for (let k = 0; k < d; k++) values[i * d + k] = m.values[i * m.d + cols[k]!]!;
  return { values, n: m.n, d, rows, format, notices: all };
}

/** Reads any file the import reads and applies the model's recipe; throws ImportError with what is wrong and where. */
export async function modelInput(fileName: string, bytes: Uint8Array, meta: PortableMeta): Promise<ModelInput> {
  const delimiter = meta.options && 'delimiter' in meta.options ? (meta.options as { delimiter?: string }).delimiter : undefined;
  return readFile(fileName, bytes, delimiter ? { delimiter } : {}, {
    table: (table, format, notices) => fromTable(table, meta, fileName, format, notices),
    matrix: (picked, format, notices) => fromMatrix(picked, meta, fileName, format, notices),
  });
}
