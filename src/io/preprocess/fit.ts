// Fits the preprocessing to a text table: the plan per column, missing-value handling, the recipe and the matrix.
import { ImportError, listValues, quote } from '../errors';
import { canonicalLabel } from '../labels';
import type { TextTable } from '../table';
import { NUMBER_RE, dateSeconds, isMissing } from './cells';
import type { Progress } from '../progress';
import { DEFAULT_MAX_CATEGORIES, PREP_VERSION, type PrepOptions } from './options';
import { planColumns, type ColumnPlan } from './plan';
import { sortedValues, type ColumnProfile } from './profile';
import { featureNames, transform, type Encoder, type Recipe } from './recipe';

export interface Fitted {
  values: Float64Array;
  n: number;
  d: number;
  featureNames: string[];
  recipe: Recipe;
  columns: ColumnPlan[];
  /** indices into table.rows of the rows kept */
  rows: Int32Array;
  /** canonical label values of the kept rows (empty without a label column) */
  labelValues: string[];
  notices: string[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const rowsText = (rows: number[], total: number): string =>
  `${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}${total > rows.length ? ', ...' : ''}`;
const shortNum = (v: number): string => String(Number(v.toPrecision(6)));

function list(names: string[]): string {
  return names.length > 10 ? `${names.slice(0, 10).join(', ')} and ${names.length - 10} more` : names.join(', ');
}

function median(table: TextTable, j: number, rows: Int32Array, date: boolean): number {
  const xs: number[] = [];
  for (const i of rows) {
    const c = table.rows[i]![j];
    if (isMissing(c)) continue;
    const s = c!.trim();
    if (date) xs.push(dateSeconds(s));
    else if (NUMBER_RE.test(s)) xs.push(Number(s));
  }
  const a = Float64Array.from(xs).sort();
  const m = a.length >> 1;
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
}

function mostFrequent(values: Array<[string, number]>): string {
  let best = values[0]!;
  for (const v of values) if (v[1] > best[1]) best = v;
  return best[0];
}

/** Every distinct value of column j with its count (the profile stops counting at its limit; ordinal codes need them all). */
function allValues(table: TextTable, j: number): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const c = row[j];
    if (isMissing(c)) continue;
    const k = canonicalLabel(c!);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return sortedValues(counts, table.nominalValues?.[j] ?? null);
}

function encoderOf(c: ColumnPlan): Encoder {
  const column = c.profile.name;
  const a = c.action;
  if (a.do === 'onehot') return { type: 'onehot', column, values: a.values, fill: c.fill as string | null };
  if (a.do === 'codes') return { type: 'codes', column, values: a.values, fill: c.fill as string | null };
  if (a.do === 'boolean') return { type: 'boolean', column, one: a.one, zero: a.zero, fill: c.fill as string | null };
  return a.do === 'date' ? { type: 'number', column, fill: c.fill as number | null, date: true } : { type: 'number', column, fill: c.fill as number | null };
}

const isFeature = (c: ColumnPlan): boolean => c.action.do !== 'drop' && c.action.do !== 'label';

function dropNotices(cols: ColumnPlan[], o: PrepOptions, notices: string[]): void {
  const by = (why: string) => cols.filter((c) => c.action.do === 'drop' && c.action.why === why).map((c) => c.profile);
  const onehot = cols.filter((c) => c.action.do === 'onehot');
  if (onehot.length) notices.push(`One-hot encoded ${plural(onehot.length, 'categorical column')} (names column=value): ${list(onehot.map((c) => `${c.profile.name} (${c.profile.distinct} values)`))}.`);
  const bool = cols.filter((c) => c.action.do === 'boolean');
  if (bool.length) notices.push(`Read ${plural(bool.length, 'yes/no column')} as 0/1: ${list(bool.map((c) => `${c.profile.name} (1 = ${(c.action as { one: string }).one})`))}.`);
  const dates = cols.filter((c) => c.action.do === 'date');
  if (dates.length) notices.push(`Read ${plural(dates.length, 'date column')} as seconds since 1970 (UTC): ${list(dates.map((c) => c.profile.name))}.`);
  const mixed = cols.filter((c) => c.profile.kind === 'categorical' && c.profile.oddCell);
  for (const c of mixed) notices.push(`Column ${quote(c.profile.name)} is mostly numbers but holds ${quote(c.profile.oddCell!.value)} (row ${c.profile.oddCell!.row}), so it was read as categories.`);
  const constant = by('constant');
  if (constant.length) notices.push(`Dropped ${plural(constant.length, 'constant column')}: ${list(constant.map((p) => p.name))}.`);
  const text = by('text');
  if (text.length) notices.push(`Dropped ${plural(text.length, 'text or id column')}: ${list(text.map((p) => `${p.name} (${p.distinctCapped ? 'over 1000' : p.distinct} values)`))}.`);
  const codes = cols.filter((c) => c.action.do === 'codes');
  if (codes.length) {
    notices.push(`Coded ${plural(codes.length, 'categorical column')} with more values than the category cap of ${o.maxCategories ?? DEFAULT_MAX_CATEGORIES} as ordinal codes 0..k-1 ` +
      `(values in sorted order; meaningful when the order means something): ${list(codes.map((c) => `${c.profile.name} (${(c.action as { values: string[] }).values.length} values)`))}.`);
  }
  const many = by('too-many');
  if (many.length) {
    notices.push(`Dropped ${plural(many.length, 'categorical column')} with more values than the category cap of ${o.maxCategories ?? DEFAULT_MAX_CATEGORIES}: ` +
      `${list(many.map((p) => `${p.name} (${p.distinctCapped ? 'over 1000' : p.distinct} values)`))}. Raise the cap to one-hot encode ${many.length === 1 ? 'it' : 'them'}, or choose ordinal codes.`);
  }
  const date = by('date');
  if (date.length) notices.push(`Left out ${plural(date.length, 'date column')}: ${list(date.map((p) => p.name))}. Include ${date.length === 1 ? 'it' : 'them'} to use ${date.length === 1 ? 'it' : 'them'} as seconds since 1970.`);
  const empty = by('empty');
  if (empty.length) notices.push(`Dropped ${plural(empty.length, 'column')} without any value: ${list(empty.map((p) => p.name))}.`);
  const excluded = by('excluded');
  if (excluded.length) notices.push(`Excluded by choice: ${list(excluded.map((p) => p.name))}.`);
}

/** Plan, missing values, recipe and matrix for the table; labelIdx -1 = no label column. */
export function fitTable(table: TextTable, profiles: ColumnProfile[], labelIdx: number, o: PrepOptions & { progress?: Progress }): Fitted {
  const notices: string[] = [];
  const cols = planColumns(profiles, labelIdx, o);
  const counted = new Map<number, Array<[string, number]>>();
  for (const c of cols) {
    if (c.action.do !== 'codes' || !c.profile.distinctCapped) continue;
    const all = allValues(table, c.profile.index);
    counted.set(c.profile.index, all);
    c.action = { do: 'codes', values: all.map((v) => v[0]) };
  }
  const strategy = o.missing ?? 'impute';
  const gappy = cols.filter((c) => isFeature(c) && c.profile.missing > 0);
  if (strategy === 'drop-columns') for (const c of gappy) c.action = { do: 'drop', why: 'missing' };
  const n0 = table.rows.length;
  const keep = new Uint8Array(n0).fill(1);
  if (labelIdx >= 0 && profiles[labelIdx]!.missing > 0) {
    const p = profiles[labelIdx]!;
    for (let i = 0; i < n0; i++) if (isMissing(table.rows[i]![labelIdx])) keep[i] = 0;
    notices.push(`Dropped ${plural(p.missing, 'row')} whose label ${quote(p.name)} is missing (${rowsText(p.missingRows, p.missing)}).`);
  }
  if (strategy === 'drop-rows' && gappy.length) {
    let dropped = 0;
    for (let i = 0; i < n0; i++) {
      if (keep[i] && gappy.some((c) => isMissing(table.rows[i]![c.profile.index]))) {
        keep[i] = 0;
        dropped++;
      }
    }
    notices.push(`Dropped ${plural(dropped, 'row')} with missing values in ${list(gappy.map((c) => `${c.profile.name} (${c.profile.missing}, ${rowsText(c.profile.missingRows, c.profile.missing)})`))}.`);
  }
  const rows = Int32Array.from({ length: n0 }, (_, i) => i).filter((i) => keep[i] === 1);
  if (strategy === 'drop-columns' && gappy.length) {
    notices.push(`Dropped ${plural(gappy.length, 'column')} with missing values: ${list(gappy.map((c) => `${c.profile.name} (${c.profile.missing} missing, ${rowsText(c.profile.missingRows, c.profile.missing)})`))}.`);
  }
  if (strategy === 'impute' && gappy.length) {
    const parts: string[] = [];
    for (const c of gappy) {
      const a = c.action.do;
      c.fill = a === 'number' || a === 'date' ? median(table, c.profile.index, rows, a === 'date') : mostFrequent(counted.get(c.profile.index) ?? c.profile.values);
      c.indicator = !!o.missingIndicator;
      const what = typeof c.fill === 'number' ? `the median ${shortNum(c.fill)}` : `the most frequent value ${quote(c.fill)}`;
      parts.push(`${c.profile.name}: ${plural(c.profile.missing, 'cell')} (${rowsText(c.profile.missingRows, c.profile.missing)}) with ${what}`);
    }
    notices.push(`Imputed missing values (choose "drop rows" or "drop columns" to do otherwise${o.missingIndicator ? '; a "(was missing)" 0/1 column beside each' : ''}): ${parts.join('; ')}.`);
  }
  dropNotices(cols, o, notices);
  const encoders: Encoder[] = [];
  for (const c of cols) {
    if (!isFeature(c)) continue;
    encoders.push(encoderOf(c));
    if (c.indicator) encoders.push({ type: 'was-missing', column: c.profile.name });
  }
  const label = labelIdx >= 0 ? table.names[labelIdx]! : null;
  if (encoders.length === 0) {
    const constants = cols.filter((c) => c.action.do === 'drop' && c.action.why === 'constant');
    if (constants.length > 0 && constants.length === cols.filter((c) => c.action.do !== 'label').length) {
      throw new ImportError('ALL_CONSTANT', `Every feature column holds a single value in all ${n0} rows (${listValues(constants.map((c) => c.profile.name))}), so there is nothing to learn from.`);
    }
    throw new ImportError(
      'NO_FEATURES',
      label !== null && cols.length === 1
        ? `The only column is the label column ${quote(label)}: there are no feature columns to learn from.`
        : `No feature column is left to learn from (${notices.join(' ')})`,
    );
  }
  const recipe: Recipe = { version: PREP_VERSION, columns: [...table.names], label, encoders };
  const t = transform(table, recipe, rows, o.progress && ((f) => o.progress!(0.75 + 0.2 * f, 'encoding')));
  const labelValues = labelIdx >= 0 ? Array.from(rows, (i) => canonicalLabel(table.rows[i]![labelIdx]!)) : [];
  return { values: t.values, n: t.n, d: t.d, featureNames: featureNames(recipe), recipe, columns: cols, rows, labelValues, notices };
}
