// The fitted transform from a file's columns to the feature matrix: applied at import and again to score new files.
import { ImportError, quote } from '../errors';
import { canonicalLabel } from '../labels';
import type { TextTable } from '../table';
import { NOT_FINITE_RE, NUMBER_RE, dateSeconds, isMissing } from './cells';

export type Encoder =
  /** a number as written; date: ISO date read as seconds since 1970 (UTC) */
  | { type: 'number'; column: string; fill: number | null; date?: boolean }
  /** one 0/1 column per value, `column=value`; a value not in the list gives all zeros */
  | { type: 'onehot'; column: string; values: string[]; fill: string | null }
  /** one column of ordinal codes: the value's index in `values` (sorted order); a value not in the list gives -1 */
  | { type: 'codes'; column: string; values: string[]; fill: string | null }
  /** one 0/1 column: 1 where the cell is `one` */
  | { type: 'boolean'; column: string; one: string; zero: string; fill: string | null }
  /** 1 where the column's cell was missing (beside an imputed column) */
  | { type: 'was-missing'; column: string };

export interface Recipe {
  version: number;
  /** the file's columns at import, in their order */
  columns: string[];
  label: string | null;
  encoders: Encoder[];
}

export function encoderNames(e: Encoder): string[] {
  switch (e.type) {
    case 'onehot': return e.values.map((v) => `${e.column}=${v}`);
    case 'was-missing': return [`${e.column} (was missing)`];
    default: return [e.column];
  }
}

export function featureNames(r: Recipe): string[] {
  return r.encoders.flatMap(encoderNames);
}

export interface Transformed {
  values: Float64Array;
  n: number;
  d: number;
  /** per column: how many missing cells were filled */
  filled: Map<string, number>;
  /** per one-hot column: values the recipe does not know, with the first row and a count */
  unseen: Map<string, { value: string; row: number; count: number }>;
}

function numberCell(s: string, column: string, row: number, date: boolean): number {
  if (date) {
    const v = dateSeconds(s);
    if (Number.isFinite(v)) return v;
    throw new ImportError('NON_NUMERIC', `Row ${row}, column ${quote(column)} holds ${quote(s)}, which is not a date (YYYY-MM-DD, optionally with a time).`, { row, column });
  }
  if (NUMBER_RE.test(s)) return Number(s);
  if (NOT_FINITE_RE.test(s)) {
    throw new ImportError('NOT_FINITE', `Row ${row}, column ${quote(column)} holds ${quote(s)}, which is not a finite number. Replace it with a number, or delete the row.`, { row, column });
  }
  throw new ImportError(
    'NON_NUMERIC',
    `Row ${row}, column ${quote(column)} holds ${quote(s)}, which is not a number. Fix the cell, exclude the column, or choose it as the label column.`,
    { row, column },
  );
}

function noFill(column: string, row: number): never {
  throw new ImportError(
    'MISSING_VALUE',
    `Row ${row}, column ${quote(column)} is missing, and the model has no value to fill in for it (that column had no missing cells when it was trained). Fill the cell in or delete the row.`,
    { row, column },
  );
}

/** Applies the recipe to the given rows of the table (all rows when `rows` is omitted). */
export function transform(table: TextTable, recipe: Recipe, rows?: ArrayLike<number>, progress?: (f: number) => void): Transformed {
  const at = new Map(table.names.map((nm, j) => [nm, j]));
  const idx = (c: string): number => {
    const j = at.get(c);
    if (j === undefined) throw new ImportError('SHAPE_MISMATCH', `The file has no column ${quote(c)}.`, { column: c });
    return j;
  };
  const n = rows ? rows.length : table.rows.length;
  const d = recipe.encoders.reduce((s, e) => s + (e.type === 'onehot' ? e.values.length : 1), 0);
  const values = new Float64Array(n * d);
  const filled = new Map<string, number>();
  const unseen = new Map<string, { value: string; row: number; count: number }>();
  let o = 0;
  for (const [done, e] of recipe.encoders.entries()) {
    progress?.(done / recipe.encoders.length);
    const j = idx(e.column);
    const lookup = e.type === 'onehot' || e.type === 'codes' ? new Map(e.values.map((v, k) => [v, k])) : null;
    const width = e.type === 'onehot' ? e.values.length : 1;
    let fills = 0;
    for (let r = 0; r < n; r++) {
      const i = rows ? rows[r]! : r;
      const raw = table.rows[i]![j];
      const line = table.rowNumbers[i]!;
      const gone = isMissing(raw);
      const base = r * d + o;
      if (e.type === 'was-missing') {
        values[base] = gone ? 1 : 0;
        continue;
      }
      let s = gone ? null : raw!.trim();
      if (s === null) {
        if (e.fill === null) noFill(e.column, line);
        fills++;
        s = String(e.fill);
      }
      if (e.type === 'number') values[base] = gone ? (e.fill as number) : numberCell(s, e.column, line, !!e.date);
      else if (e.type === 'boolean') values[base] = canonicalLabel(s) === e.one ? 1 : 0;
      else {
        const k = lookup!.get(canonicalLabel(s));
        if (e.type === 'codes') values[base] = k ?? -1;
        else if (k !== undefined) values[base + k] = 1;
        if (k === undefined) {
          const u = unseen.get(e.column);
          if (u) u.count++;
          else unseen.set(e.column, { value: s, row: line, count: 1 });
        }
      }
    }
    if (fills > 0) filled.set(e.column, fills);
    o += width;
  }
  return { values, n, d, filled, unseen };
}
