// Missing values (NaN) in a numeric matrix (MAT, NPZ, HDF5) get the same plan as a text table's empty cells.
import { ImportError, quote } from '../errors';
import { MISSING_ROWS_SHOWN } from './profile';
import { PREP_VERSION, type PrepOptions } from './options';
import type { Encoder, Recipe } from './recipe';

export interface MatrixMissing {
  values: Float64Array;
  n: number;
  names: string[];
  /** indices of the kept rows in the file's matrix */
  rows: Int32Array;
  /** per kept column: the imputed median (null when the column had no missing cell) */
  fills: Map<string, number>;
  notices: string[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const rowsText = (rows: number[], total: number): string =>
  `${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}${total > rows.length ? ', ...' : ''}`;
const shortNum = (v: number): string => String(Number(v.toPrecision(6)));

function median(xs: Float64Array): number {
  const a = xs.slice().sort();
  const m = a.length >> 1;
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
}

/**
 * NaN cells: impute each column's median (optionally with a "(was missing)" column), drop the rows or drop the columns;
 * an infinity is refused with its place. dropRows: rows already left out (a missing label).
 */
export function fitMatrixMissing(matrixName: string, values: Float64Array, n: number, names: string[], dropRows: Uint8Array | null, o: PrepOptions): MatrixMissing {
  const d = names.length;
  const missing = new Int32Array(d);
  const first: number[][] = names.map(() => []);
  for (let i = 0; i < n; i++) {
    if (dropRows?.[i]) continue;
    for (let k = 0; k < d; k++) {
      const v = values[i * d + k]!;
      if (Number.isFinite(v)) continue;
      if (!Number.isNaN(v)) {
        throw new ImportError('NOT_FINITE', `${matrixName} row ${i + 1}, column ${k + 1} (${names[k]}) is ${String(v)}, not a finite number. ` +
          'Replace or remove such values before loading (NaN is read as a missing value).', { row: i + 1, column: names[k]! });
      }
      if (missing[k]++ < MISSING_ROWS_SHOWN) first[k]!.push(i + 1);
    }
  }
  const gappy = names.map((_, k) => k).filter((k) => missing[k]! > 0);
  // the common case: nothing missing, nothing left out, and no copy of a large matrix
  if (gappy.length === 0 && !dropRows) return { values, n, names, rows: Int32Array.from({ length: n }, (_, i) => i), fills: new Map(), notices: [] };
  const notices: string[] = [];
  const strategy = o.missing ?? 'impute';
  const keepRow = Uint8Array.from({ length: n }, (_, i) => (dropRows?.[i] ? 0 : 1));
  const present = keepRow.reduce((s, x) => s + x, 0);
  const empty = gappy.filter((k) => missing[k] === present);
  let cols = names.map((_, k) => k).filter((k) => !empty.includes(k));
  if (empty.length) notices.push(`Dropped ${plural(empty.length, 'column')} without any value (all NaN): ${empty.map((k) => names[k]).join(', ')}.`);
  const gaps = gappy.filter((k) => !empty.includes(k));
  const describe = (k: number) => `${names[k]} (${missing[k]}, ${rowsText(first[k]!, missing[k]!)})`;
  if (gaps.length && strategy === 'drop-columns') {
    cols = cols.filter((k) => !gaps.includes(k));
    notices.push(`Dropped ${plural(gaps.length, 'column')} with missing values (NaN): ${gaps.map(describe).join(', ')}.`);
  }
  if (gaps.length && strategy === 'drop-rows') {
    let dropped = 0;
    for (let i = 0; i < n; i++) {
      if (keepRow[i] && gaps.some((k) => Number.isNaN(values[i * d + k]!))) {
        keepRow[i] = 0;
        dropped++;
      }
    }
    notices.push(`Dropped ${plural(dropped, 'row')} with missing values (NaN) in ${gaps.map(describe).join(', ')}.`);
  }
  const rows = Int32Array.from({ length: n }, (_, i) => i).filter((i) => keepRow[i] === 1);
  if (cols.length === 0) throw new ImportError('NO_FEATURES', `No feature column is left to learn from (${notices.join(' ')})`);
  const fills = new Map<string, number>();
  const indicator = strategy === 'impute' && !!o.missingIndicator;
  if (strategy === 'impute' && gaps.length) {
    const parts: string[] = [];
    for (const k of gaps) {
      const xs = new Float64Array(rows.length - missing[k]!);
      let m = 0;
      for (const i of rows) if (!Number.isNaN(values[i * d + k]!)) xs[m++] = values[i * d + k]!;
      const fill = median(xs);
      fills.set(names[k]!, fill);
      parts.push(`${names[k]}: ${plural(missing[k]!, 'cell')} (${rowsText(first[k]!, missing[k]!)}) with the median ${shortNum(fill)}`);
    }
    notices.push(`Imputed missing values (NaN; choose "drop rows" or "drop columns" to do otherwise${indicator ? '; a "(was missing)" 0/1 column beside each' : ''}): ${parts.join('; ')}.`);
  }
  const outNames = cols.flatMap((k) => (indicator && fills.has(names[k]!) ? [names[k]!, `${names[k]} (was missing)`] : [names[k]!]));
  const dd = outNames.length;
  const out = new Float64Array(rows.length * dd);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    let o2 = r * dd;
    for (const k of cols) {
      const v = values[i * d + k]!;
      const gone = Number.isNaN(v);
      const fill = fills.get(names[k]!);
      out[o2++] = gone ? fill! : v;
      if (indicator && fill !== undefined) out[o2++] = gone ? 1 : 0;
    }
  }
  return { values: out, n: rows.length, names: outNames, rows, fills, notices };
}

/** The recipe of a matrix import: each kept column by name, with its fill; rebuilt from the final feature names. */
export function matrixRecipe(columns: string[], label: string | null, featureNames: string[], fills: Map<string, number>): Recipe {
  const encoders: Encoder[] = featureNames.map((f) => {
    const base = f.endsWith(' (was missing)') ? f.slice(0, -' (was missing)'.length) : null;
    if (base !== null && fills.has(base) && !columns.includes(f)) return { type: 'was-missing', column: base };
    return { type: 'number', column: f, fill: fills.get(f) ?? null };
  });
  return { version: PREP_VERSION, columns: [...columns], label, encoders };
}

/** Applies a matrix recipe to a new matrix's columns (by name); NaN cells get the training fill, else an error with the place. */
export function transformMatrix(values: Float64Array, n: number, names: string[], recipe: Recipe): { values: Float64Array; d: number; filled: Map<string, number> } {
  const d = recipe.encoders.length;
  const out = new Float64Array(n * d);
  const filled = new Map<string, number>();
  recipe.encoders.forEach((e, o) => {
    if (e.type !== 'number' && e.type !== 'was-missing') throw new ImportError('SHAPE_MISMATCH', `The model encodes ${quote(e.column)} as text categories; score a text file (CSV) with it.`);
    const k = names.indexOf(e.column);
    for (let i = 0; i < n; i++) {
      const v = values[i * names.length + k]!;
      if (e.type === 'was-missing') out[i * d + o] = Number.isNaN(v) ? 1 : 0;
      else if (!Number.isNaN(v)) out[i * d + o] = v;
      else if (e.fill === null) {
        throw new ImportError('MISSING_VALUE', `Row ${i + 1}, column ${quote(e.column)} is NaN, and the model has no value to fill in for it (that column had no missing cells when it was trained). Fill the cell in or delete the row.`, { row: i + 1, column: e.column });
      } else {
        out[i * d + o] = e.fill;
        filled.set(e.column, (filled.get(e.column) ?? 0) + 1);
      }
    }
  });
  return { values: out, d, filled };
}
