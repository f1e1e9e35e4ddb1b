// A text table (CSV, TSV, ARFF) -> RawData: names, shape and rows checked, the label column picked, cells encoded.
import { ImportError, listValues, quote } from '../errors';
import { LABEL_NAMES, WEAK_LABEL_NAMES, canonicalLabel, guessAnomalyValue, labelsFromValues } from '../labels';
import { fitTable } from '../preprocess/fit';
import { profileTable } from '../preprocess/profile';
import type { TextTable } from '../table';
import { MAX_CELLS, checkCellCount, checkNames, plural } from './checks';
import { finish, type ValidateOptions, type Validated } from './result';

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
