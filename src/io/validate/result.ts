// What validation returns, and its shared last steps: enough rows, constant columns dropped (unless kept).
import type { DataKind, RawData } from '../../core/types';
import { ImportError, listValues } from '../errors';
import type { PrepOptions } from '../preprocess/options';
import type { ColumnPlan } from '../preprocess/plan';
import type { ColumnProfile } from '../preprocess/profile';
import type { Recipe } from '../preprocess/recipe';
import type { Progress } from '../progress';
import { plural } from './checks';

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
export function finish(
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
