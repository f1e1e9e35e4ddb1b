// Turns a parsed table or matrix into RawData, with a specific error for every kind of bad input.
import type { DataKind, RawData } from '../core/types';
import { ImportError, listValues, quote } from './errors';
import { fitTable } from './preprocess/fit';
import type { PrepOptions } from './preprocess/options';
import type { Progress } from './progress';
import type { ColumnPlan } from './preprocess/plan';
import { fitMatrixMissing, matrixRecipe } from './preprocess/matrixFit';
import { profileTable, type ColumnProfile } from './preprocess/profile';
import type { Recipe } from './preprocess/recipe';
import type { TextTable } from './table';
import { LABEL_NAMES, WEAK_LABEL_NAMES, canonicalLabel, guessAnomalyValue, isLabelName, labelsFromValues } from './labels';

export type { ColumnKind, TextTable } from './table';

/** A numeric matrix (MAT/NPZ/HDF5) plus the other vectors found beside it. */
export interface MatrixInput {
  /** what the file calls the matrix, e.g. X */
  matrixName: string;
  n: number;
  d: number;
  /** row-major n x d */
  values: Float64Array;
  names: string[];
  /** vectors of length n (e.g. y) that can be the label */
  vectors: Array<{ name: string; values: Float64Array }>;
  kind?: DataKind;
}

export type ValidateOptions = PrepOptions & { progress?: Progress };

export interface Validated {
  data: RawData;
  notices: string[];
  labelColumn: string | null;
  anomalyValue: string | null;
  /** columns the UI can offer as the label column */
  columns: string[];
  /** text tables: what each column holds and what was done to it; the recipe that turns such a file into the matrix */
  profile?: ColumnProfile[];
  plan?: ColumnPlan[];
  recipe?: Recipe;
  /** normal-vs-rest labels: the value that means normal */
  normalValue?: string | null;
}

/** Above this many cells the Float64 matrix alone would take 400 MB. */
export const MAX_CELLS = 50_000_000;


/** "column 3" or "column "age" (column 3)": spreadsheet-style position plus the name. */
export function describeColumn(name: string, j: number, generated: boolean): string {
  return generated ? `column ${j + 1}` : `column ${quote(name)} (column ${j + 1})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Header names must be unique and non-empty. */
export function checkNames(names: string[], headerRow: number | null, what = 'header'): void {
  const where = headerRow === null ? `The ${what}` : `The ${what} (row ${headerRow})`;
  const seen = new Map<string, number>();
  names.forEach((raw, j) => {
    const name = raw.trim();
    if (name === '') {
      throw new ImportError(
        'EMPTY_HEADER',
        `${where} gives column ${j + 1} no name. Every column needs a name` +
          (j === 0 ? ' (an unnamed first column is often a row index saved by pandas: save with index=False or delete it).' : ': add one, or delete the column.'),
        { row: headerRow ?? undefined, column: `column ${j + 1}` },
      );
    }
    const prev = seen.get(name);
    if (prev !== undefined) {
      throw new ImportError(
        'DUPLICATE_HEADER',
        `${where} names both column ${prev + 1} and column ${j + 1} ${quote(name)}. Column names must be unique: rename one of them.`,
        { row: headerRow ?? undefined, column: name },
      );
    }
    seen.set(name, j);
  });
}

/** Distinct canonical values of column j, stopping once more than `stop` are seen. */
function columnValues(table: TextTable, j: number, stop: number): Set<string> {
  const values = new Set<string>();
  for (const row of table.rows) {
    values.add(canonicalLabel(row[j] ?? ''));
    if (values.size >= stop) break;
  }
  return values;
}

function pickTextLabel(table: TextTable, opt: string | null | undefined, notices: string[]): number {
  const { names } = table;
  if (opt === null) return -1;
  if (opt !== undefined) {
    const j = names.indexOf(opt);
    const k = j >= 0 ? j : names.findIndex((n) => n.trim().toLowerCase() === opt.trim().toLowerCase());
    if (k < 0) {
      throw new ImportError(
        'LABEL_COLUMN_NOT_FOUND',
        `There is no column ${quote(opt)} to use as the label. The columns are ${listValues(names)}.`,
        { column: opt, values: names },
      );
    }
    return k;
  }
  for (const label of LABEL_NAMES) {
    const j = names.findIndex((n) => n.trim().toLowerCase() === label);
    if (j < 0) continue;
    if (!WEAK_LABEL_NAMES.includes(label) || columnValues(table, j, 3).size <= 2) return j;
  }
  if (table.declared) {
    // ARFF: the one nominal attribute (the class), else none
    const nominal = table.declared.flatMap((k, j) => (k === 'nominal' ? [j] : []));
    if (nominal.length >= 1) {
      const j = nominal[nominal.length - 1]!;
      if (nominal.length > 1) notices.push(`Used the last nominal attribute ${quote(names[j]!)} as the label column.`);
      return j;
    }
    return -1;
  }
  // last column, when it holds only two values
  const last = names.length - 1;
  if (last < 1) return -1;
  const values = columnValues(table, last, 3);
  if (values.has('')) return -1;
  // binary means a recognisable label pair (0/1, g/b, normal/attack), not any two numbers
  if (values.size !== 2 || guessAnomalyValue([...values]) === null) return -1;
  notices.push(
    `Used the last column${table.generatedNames ? '' : ` ${quote(names[last]!)}`} as the label column, since it holds only ` +
      `${listValues([...values])}. Choose "no label column" if it is a feature.`,
  );
  return last;
}

function checkCellCount(n: number, d: number): void {
  if (n * d > MAX_CELLS) {
    throw new ImportError(
      'TOO_LARGE',
      `The data has ${n} rows x ${d} columns = ${n * d} numbers, more than this page can hold (${MAX_CELLS}). ` +
        'Use a sample of the rows or fewer columns.',
    );
  }
}

/** CSV/TSV/ARFF table -> RawData. */
export function validateTextTable(table: TextTable, name: string, opts: ValidateOptions = {}): Validated {
  const { names, rows, rowNumbers, generatedNames } = table;
  const notices: string[] = [];
  if (!generatedNames) checkNames(names, table.headerRow, table.declared ? 'attribute list' : 'header');
  if (rows.length === 0) {
    throw new ImportError(
      'HEADER_ONLY',
      `The file has a header (${plural(names.length, 'column')}) but no data rows below it.`,
      { row: table.headerRow ?? 1 },
    );
  }
  const width = names.length;
  for (let i = 0; i < rows.length; i++) {
    const len = rows[i]!.length;
    if (len !== width) {
      const ref = generatedNames ? `row ${rowNumbers[0]} has ${width}` : `the header has ${width}`;
      throw new ImportError(
        'RAGGED',
        `Row ${rowNumbers[i]} has ${plural(len, 'cell')} but ${ref}. ` +
          `Check that line for ${len < width ? 'a missing cell' : 'an extra cell or delimiter'} (a comma inside a value must be quoted).`,
        { row: rowNumbers[i] },
      );
    }
  }
  if (rows.length < 2) {
    throw new ImportError(
      'SINGLE_ROW',
      `The file has only one data row (row ${rowNumbers[0]}). Anomaly detection needs many rows: check that the whole file was saved.`,
      { row: rowNumbers[0] },
    );
  }
  const labelIdx = pickTextLabel(table, opts.labelColumn, notices);
  const profile = profileTable(table, opts.progress && ((f) => opts.progress!(0.5 + 0.25 * f, 'profiling')));
  if (rows.length * width > MAX_CELLS) checkCellCount(rows.length, width);
  const fit = fitTable(table, profile, labelIdx, opts);
  notices.push(...fit.notices);
  const { n } = fit;
  checkCellCount(n, fit.d);
  let labels: Uint8Array | null = null;
  let anomalyValue: string | null = null;
  let normalValue: string | null = null;
  if (labelIdx >= 0) {
    const res = labelsFromValues(fit.labelValues, names[labelIdx]!, opts.anomalyValue, opts.normalValue);
    labels = res.labels;
    anomalyValue = res.anomalyValue;
    normalValue = res.normalValue ?? null;
    notices.push(...res.notices);
  }
  const firstRow = n > 0 ? rowNumbers[fit.rows[0]!]! : rowNumbers[0]!;
  const out = finish(name, fit.values, n, fit.featureNames, labels, notices, firstRow, undefined, true);
  return {
    ...out, labelColumn: labelIdx >= 0 ? names[labelIdx]! : null, anomalyValue, columns: [...names],
    profile, plan: fit.columns, recipe: fit.recipe, normalValue,
  };
}

/** MAT/NPZ/HDF5 matrix -> RawData. */
export function validateMatrix(m: MatrixInput, name: string, opts: ValidateOptions = {}): Validated {
  const notices: string[] = [];
  const { n, d } = m;
  if (n === 0 || d === 0) {
    throw new ImportError('EMPTY', `The matrix ${m.matrixName} in the file is empty (${n} x ${d}).`);
  }
  checkCellCount(n, d);
  let values = m.values;
  let names = m.names;
  let label: { name: string; values: Float64Array } | null = null;
  const opt = opts.labelColumn;
  if (opt === undefined) {
    label = m.vectors.find((v) => isLabelName(v.name)) ?? (m.vectors.length === 1 ? m.vectors[0]! : null);
    if (label && !isLabelName(label.name)) notices.push(`Used the vector ${quote(label.name)} as the label.`);
  } else if (opt !== null) {
    label = m.vectors.find((v) => v.name === opt) ?? null;
    if (!label) {
      const j = names.indexOf(opt);
      if (j < 0) {
        throw new ImportError(
          'LABEL_COLUMN_NOT_FOUND',
          `There is no vector or column ${quote(opt)} to use as the label. The file has ${listValues([...m.vectors.map((v) => v.name), ...names])}.`,
          { column: opt, values: [...m.vectors.map((v) => v.name), ...names] },
        );
      }
      // take column j out of the matrix
      const col = new Float64Array(n);
      const rest = new Float64Array(n * (d - 1));
      for (let i = 0; i < n; i++) {
        for (let k = 0, o = 0; k < d; k++) {
          const v = values[i * d + k]!;
          if (k === j) col[i] = v;
          else rest[i * (d - 1) + o++] = v;
        }
      }
      label = { name: opt, values: col };
      values = rest;
      names = names.filter((_, k) => k !== j);
      if (names.length === 0) throw new ImportError('NO_FEATURES', `Without the label column ${quote(opt)} no feature columns are left.`);
    }
  }
  // a row without a label is left out (as a text table's); NaN features follow the missing-value choice
  let noLabel: Uint8Array | null = null;
  const unlabelled: number[] = [];
  if (label) {
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(label.values[i]!)) continue;
      noLabel ??= new Uint8Array(n);
      noLabel[i] = 1;
      unlabelled.push(i + 1);
    }
    if (unlabelled.length === n) throw new ImportError('MISSING_VALUE', `The label ${label.name} is NaN (missing) in every row.`, { row: 1, column: label.name });
    if (unlabelled.length) notices.push(`Dropped ${unlabelled.length} row${unlabelled.length === 1 ? '' : 's'} whose label ${quote(label.name)} is NaN (missing) (${unlabelled.length === 1 ? 'row' : 'rows'} ${unlabelled.slice(0, 5).join(', ')}${unlabelled.length > 5 ? ', ...' : ''}).`);
  }
  const fit = fitMatrixMissing(m.matrixName, values, n, names, noLabel, opts);
  notices.push(...fit.notices);
  const rows = fit.rows;
  let labels: Uint8Array | null = null;
  let anomalyValue: string | null = null;
  if (label) {
    const lv: string[] = Array.from(rows, (i) => {
      const v = label.values[i]!;
      return Object.is(v, -0) ? '0' : String(v);
    });
    const res = labelsFromValues(lv, label.name, opts.anomalyValue, opts.normalValue);
    labels = res.labels;
    anomalyValue = res.anomalyValue;
    notices.push(...res.notices);
  }
  const out = finish(name, fit.values, fit.n, fit.names, labels, notices, 1, m.kind, opts.keepConstant ?? m.kind?.type === 'image');
  const columns = [...m.vectors.map((v) => v.name), ...m.names];
  const recipe = matrixRecipe(m.names, label ? label.name : null, out.data.featureNames, fit.fills);
  return { ...out, labelColumn: label ? label.name : null, anomalyValue, columns, recipe };
}

function constantCount(values: Float64Array, n: number, d: number): number {
  let c = 0;
  for (let k = 0; k < d; k++) {
    let same = true;
    for (let i = 1; i < n && same; i++) same = values[i * d + k] === values[k];
    if (same) c++;
  }
  return c;
}

/** Shared last steps: enough rows, constant columns dropped (unless kept). */
function finish(
  name: string,
  values: Float64Array,
  n: number,
  featureNames: string[],
  labels: Uint8Array | null,
  notices: string[],
  firstRow: number,
  kind?: DataKind,
  keepConstant = false,
): { data: RawData; notices: string[] } {
  const d = featureNames.length;
  if (n < 2) {
    throw new ImportError(
      'SINGLE_ROW',
      `The file has only one data row (row ${firstRow}). Anomaly detection needs many rows: check that the whole file was saved.`,
      { row: firstRow },
    );
  }
  const keep: number[] = [];
  const constant: string[] = [];
  for (let k = 0; k < d; k++) {
    const first = values[k]!;
    let same = true;
    for (let i = 1; i < n; i++) {
      if (values[i * d + k] !== first) {
        same = false;
        break;
      }
    }
    if (same && !keepConstant) constant.push(featureNames[k]!);
    else keep.push(k);
  }
  if (keep.length === 0 || (keepConstant && constantCount(values, n, d) === d)) {
    throw new ImportError(
      'ALL_CONSTANT',
      `Every feature column holds a single value in all ${n} rows (${listValues(featureNames)}), so there is nothing to learn from.`,
    );
  }
  let out = values;
  let outKind = kind;
  if (constant.length > 0) {
    const dk = keep.length;
    out = new Float64Array(n * dk);
    for (let i = 0; i < n; i++) for (let c = 0; c < dk; c++) out[i * dk + c] = values[i * d + keep[c]!]!;
    const shown = constant.length > 10 ? `${constant.slice(0, 10).join(', ')} and ${constant.length - 10} more` : constant.join(', ');
    notices.push(`Dropped ${plural(constant.length, 'constant column')}: ${shown}.`);
    // an image loses its shape once pixels are dropped
    if (outKind?.type === 'image') {
      notices.push('The images are shown as a plain table since constant pixels were dropped.');
      outKind = { type: 'tabular' };
    }
  }
  const data: RawData = {
    name,
    n,
    d: keep.length,
    values: out,
    labels,
    featureNames: keep.map((k) => featureNames[k]!),
    kind: outKind ?? { type: 'tabular' },
  };
  return { data, notices };
}

