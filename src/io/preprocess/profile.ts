// Column profiling: what each column of a text table holds (kind, distinct values, missing cells), before any choice.
import { canonicalLabel, isLabelName } from '../labels';
import type { TextTable } from '../table';
import { NOT_FINITE_RE, NUMBER_RE, booleanOne, compareText, isDate, isMissing } from './cells';

export type ColumnKindName = 'numeric' | 'categorical' | 'boolean' | 'constant' | 'text' | 'date' | 'empty';

export interface ColumnProfile {
  name: string;
  index: number;
  kind: ColumnKindName;
  /** distinct values among the cells that are not missing (exact up to DISTINCT_LIMIT) */
  distinct: number;
  /** true when there are more than DISTINCT_LIMIT distinct values (then `distinct` is the limit) */
  distinctCapped: boolean;
  /** distinct values (labels canonical: '1.0' = '1') with their counts, in a stable order (ARFF: declared order) */
  values: Array<[string, number]>;
  missing: number;
  /** file line numbers of the first missing cells (at most MISSING_ROWS_SHOWN) */
  missingRows: number[];
  /** the column could be the label: a label-like name, two values, or ARFF's last nominal attribute */
  labelCandidate: boolean;
  /** a cell that is not a number in a mostly numeric column, or an infinite number */
  oddCell: { row: number; value: string } | null;
}

export const DISTINCT_LIMIT = 1000;
export const MISSING_ROWS_SHOWN = 5;
/** Above this many distinct values, mostly distinct text reads as text or an id rather than categories. */
const TEXT_DISTINCT = 50;

/** Counted values in a stable order: ARFF's declared order, else numeric when all are numbers, else code-unit order. */
export function sortedValues(counts: Map<string, number>, declared: string[] | null): Array<[string, number]> {
  const entries = [...counts.entries()];
  if (declared) {
    const at = new Map(declared.map((v, i) => [v, i]));
    return entries.sort((a, b) => (at.get(a[0]) ?? 1e9) - (at.get(b[0]) ?? 1e9) || compareText(a[0], b[0]));
  }
  const numeric = entries.every(([v]) => NUMBER_RE.test(v));
  return entries.sort(numeric ? (a, b) => Number(a[0]) - Number(b[0]) : (a, b) => compareText(a[0], b[0]));
}

/** One pass over column j. */
function profileColumn(table: TextTable, j: number): ColumnProfile {
  const { rows, rowNumbers } = table;
  const declared = table.declared?.[j];
  const counts = new Map<string, number>();
  let capped = false;
  let missing = 0;
  const missingRows: number[] = [];
  let numbers = 0;
  let texts = 0;
  let dates = 0;
  let firstText: { row: number; value: string } | null = null;
  let infinite: { row: number; value: string } | null = null;
  let infs = 0;
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]![j];
    if (isMissing(raw)) {
      missing++;
      if (missingRows.length < MISSING_ROWS_SHOWN) missingRows.push(rowNumbers[i]!);
      continue;
    }
    const s = raw!.trim();
    let key = s;
    if (NUMBER_RE.test(s)) {
      numbers++;
      key = canonicalLabel(s);
    } else {
      texts++;
      if (NOT_FINITE_RE.test(s)) {
        infs++;
        infinite ??= { row: rowNumbers[i]!, value: s };
      } else firstText ??= { row: rowNumbers[i]!, value: s };
      if (isDate(s)) dates++;
    }
    if (!capped) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (counts.size > DISTINCT_LIMIT) capped = true;
    }
  }
  const present = rows.length - missing;
  const distinct = capped ? DISTINCT_LIMIT : counts.size;
  const values = capped ? [] : sortedValues(counts, table.nominalValues?.[j] ?? null);
  let kind: ColumnKindName;
  if (present === 0) kind = 'empty';
  else if (declared === 'date' || (dates === present && declared !== 'nominal')) kind = distinct === 1 ? 'constant' : 'date';
  else if (distinct === 1) kind = 'constant';
  else if (declared === 'numeric' || (declared !== 'nominal' && texts === infs)) kind = 'numeric';
  else if (distinct === 2 && booleanOne(values.map((v) => v[0])) !== null) kind = 'boolean';
  // text or id: mostly distinct and over the cap, or every value different (at least 10 of them)
  else if (
    declared !== 'nominal' &&
    ((distinct > TEXT_DISTINCT && distinct > present / 2) || (distinct === present && (present >= 10 || declared === 'string')))
  ) kind = 'text';
  else kind = 'categorical';
  const name = table.names[j]!;
  const lastNominal = table.declared ? table.declared.lastIndexOf('nominal') === j : false;
  return {
    name, index: j, kind, distinct, distinctCapped: capped, values, missing, missingRows,
    labelCandidate: kind !== 'empty' && (isLabelName(name) || lastNominal || distinct === 2),
    // a numeric column's odd cell is an infinity; a categorical column's is a word among numbers
    oddCell: kind === 'numeric' ? (firstText ?? infinite) : numbers > texts && texts > 0 ? (firstText ?? infinite) : null,
  };
}

/** Profiles every column (the category cap does not change a kind: only whether a categorical column is encoded). */
export function profileTable(table: TextTable, progress?: (f: number) => void): ColumnProfile[] {
  return table.names.map((_, j) => {
    progress?.(j / table.names.length);
    return profileColumn(table, j);
  });
}

export function kindText(p: ColumnProfile): string {
  switch (p.kind) {
    case 'categorical': return `categorical (${p.distinctCapped ? `over ${DISTINCT_LIMIT}` : p.distinct} values)`;
    case 'boolean': return `yes/no (${p.values.map((v) => v[0]).join('/')})`;
    case 'text': return `text or id (${p.distinctCapped ? `over ${DISTINCT_LIMIT}` : p.distinct} values)`;
    case 'empty': return 'empty';
    default: return p.kind;
  }
}
