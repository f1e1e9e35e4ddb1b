// A numeric matrix (MAT, NPZ, HDF5) -> RawData: the label vector or column picked, missing values handled as chosen.
import { ImportError, listValues, quote } from '../errors';
import { isLabelName, labelsFromValues } from '../labels';
import { fitMatrixMissing, matrixRecipe } from '../preprocess/matrixFit';
import type { MatrixInput } from '../table';
import { checkCellCount } from './checks';
import { finish, type ValidateOptions, type Validated } from './result';

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
