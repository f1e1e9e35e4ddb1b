// Label column: which column, and which of its values means "anomaly".
import { ImportError, listValues, quote } from './errors';

/** Column names taken as the label column without asking (case-insensitive). */
export const LABEL_NAMES = [
  'label', 'labels', 'class', 'outlier', 'target', 'anomaly', 'is_anomaly', 'is_outlier', 'ground_truth', 'y',
];
/** Names that are also common feature names (a y coordinate): taken as the label only when they hold two values. */
export const WEAK_LABEL_NAMES = ['y'];

// Values that clearly mean anomaly / normal; 'b'/'g' are ionosphere's bad/good radar returns.
const ANOMALY_TOKENS = new Set([
  '1', 'true', 't', 'yes', 'y', 'anomaly', 'anomalous', 'abnormal', 'outlier', 'outliers', 'attack', 'fraud', 'b',
  'bad', 'positive', 'pos',
]);
const NORMAL_TOKENS = new Set([
  '0', 'false', 'f', 'no', 'n', 'normal', 'inlier', 'inliers', 'nominal', 'benign', 'g', 'good', 'negative', 'neg',
]);

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** '1.0' and '1' are the same label; text labels keep their spelling (trimmed). */
export function canonicalLabel(cell: string): string {
  const s = cell.trim();
  if (NUMBER_RE.test(s)) {
    const v = Number(s);
    return Object.is(v, -0) ? '0' : String(v);
  }
  return s;
}

export function isLabelName(name: string): boolean {
  return LABEL_NAMES.includes(name.trim().toLowerCase());
}

/** Distinct values in first-seen order with their counts. */
export function distinctValues(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function sortValues(values: string[]): string[] {
  const numeric = values.every((v) => NUMBER_RE.test(v));
  return [...values].sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
}

/** Decide which of two label values means anomaly, or null when the file does not say. */
export function guessAnomalyValue(values: string[]): string | null {
  if (values.length !== 2) return null;
  const [a, b] = values.map((v) => v.toLowerCase()) as [string, string];
  // -1/1 is ambiguous: scikit-learn uses -1 for outliers, others use 1.
  if ((a === '-1' && b === '1') || (a === '1' && b === '-1')) return null;
  const isA = (v: string) => ANOMALY_TOKENS.has(v);
  const isN = (v: string) => NORMAL_TOKENS.has(v);
  const numeric = (v: string) => NUMBER_RE.test(v);
  if (isA(a) && isN(b)) return values[0]!;
  if (isA(b) && isN(a)) return values[1]!;
  // one side named normal, the other a free word (e.g. NSL-KDD 'normal' vs an attack name)
  if (isN(a) && !isA(b) && !isN(b) && !numeric(b)) return values[1]!;
  if (isN(b) && !isA(a) && !isN(a) && !numeric(a)) return values[0]!;
  if (isA(a) && !isA(b) && !isN(b) && !numeric(b)) return values[0]!;
  if (isA(b) && !isA(a) && !isN(a) && !numeric(a)) return values[1]!;
  return null;
}

export interface LabelResult {
  labels: Uint8Array;
  /** null when every row is normal, or when several values mean anomaly (normal-vs-rest) */
  anomalyValue: string | null;
  /** normal-vs-rest: the one value that means normal */
  normalValue?: string;
  notices: string[];
}

/**
 * Turn the label column's (canonical) values into 0/1 labels.
 * anomalyValue given: that value is anomaly, every other value normal (so a multi-class column works too).
 */
export function labelsFromValues(values: string[], column: string, anomalyValue?: string, normalValue?: string): LabelResult {
  const counts = distinctValues(values);
  const distinct = sortValues([...counts.keys()]);
  const notices: string[] = [];
  let chosen: string | null;
  const find = (want: string) =>
    distinct.find((v) => v === want) ?? distinct.find((v) => v.toLowerCase() === want.toLowerCase());
  // normal-vs-rest: the user named the normal value, or the values are one normal word and several others
  const normalWords = distinct.filter((v) => NORMAL_TOKENS.has(v.toLowerCase()));
  const autoNormal =
    anomalyValue === undefined && distinct.length > 2 && normalWords.length === 1 && !distinct.some((v) => NUMBER_RE.test(v))
      ? normalWords[0]
      : undefined;
  const normal = normalValue !== undefined ? find(canonicalLabel(normalValue)) : autoNormal;
  if (normalValue !== undefined && normal === undefined) {
    throw new ImportError(
      'ANOMALY_VALUE_NOT_FOUND',
      `The label column ${quote(column)} never holds ${quote(normalValue)}. Its values are ${listValues(distinct)}: ` +
        'choose one of them as the normal value.',
      { column, values: distinct },
    );
  }
  if (normal !== undefined) {
    const others = distinct.filter((v) => v !== normal);
    if (others.length === 0) {
      throw new ImportError(
        'LABEL_NOT_BINARY',
        `The label column ${quote(column)} holds only ${quote(normal)}, so it marks no anomalies. Load the file without labels instead.`,
        { column, values: distinct },
      );
    }
    notices.push(
      `Label column ${quote(column)}: ${quote(normal)} means normal; the other ${others.length} value${others.length === 1 ? '' : 's'} ` +
        `(${listValues(others)}) mean anomaly.`,
    );
    const labels = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) labels[i] = values[i] === normal ? 0 : 1;
    return { labels, anomalyValue: others.length === 1 ? others[0]! : null, normalValue: normal, notices };
  }
  if (anomalyValue !== undefined) {
    const hit = find(canonicalLabel(anomalyValue));
    if (hit === undefined) {
      throw new ImportError(
        'ANOMALY_VALUE_NOT_FOUND',
        `The label column ${quote(column)} never holds ${quote(anomalyValue)}. Its values are ${listValues(distinct)}: ` +
          'choose one of them as the anomaly value.',
        { column, values: distinct },
      );
    }
    chosen = hit;
    if (distinct.length > 2) {
      const others = distinct.filter((v) => v !== hit);
      notices.push(
        `Label column ${quote(column)}: ${quote(hit)} means anomaly; the other ${others.length} values ` +
          `(${listValues(others)}) all mean normal.`,
      );
    }
  } else if (distinct.length > 2) {
    throw new ImportError(
      'LABEL_NOT_BINARY',
      `The label column ${quote(column)} holds ${distinct.length} different values (${listValues(distinct)}), ` +
        'but a label must say normal or anomaly. Choose which value means anomaly (all others then count as ' +
        'normal), choose another label column, or load the file without labels.',
      { column, values: distinct },
    );
  } else if (distinct.length === 1) {
    const only = distinct[0]!;
    if (ANOMALY_TOKENS.has(only.toLowerCase()) || !NORMAL_TOKENS.has(only.toLowerCase())) {
      throw new ImportError(
        'LABEL_NOT_BINARY',
        `The label column ${quote(column)} holds only one value, ${quote(only)}, so it cannot tell normal rows ` +
          'from anomalies. Choose another label column or load the file without labels.',
        { column, values: distinct },
      );
    }
    chosen = null;
    notices.push(`The label column ${quote(column)} marks every row as normal (${quote(only)}); no anomalies are labelled.`);
  } else {
    const guess = guessAnomalyValue(distinct);
    if (guess === null) {
      throw new ImportError(
        'LABEL_AMBIGUOUS',
        `The label column ${quote(column)} holds ${listValues(distinct)}. Choose which of these means anomaly.`,
        { column, values: distinct },
      );
    }
    chosen = guess;
  }
  const labels = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) labels[i] = values[i] === chosen ? 1 : 0;
  return { labels, anomalyValue: chosen, notices };
}
