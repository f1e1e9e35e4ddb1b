// Binary formats (MAT, NPZ, HDF5) give named arrays; this picks the data matrix X and the label vector y.
import { ImportError, listValues, quote } from './errors';
import type { MatrixInput } from './table';

/** One numeric array from a file, row-major in the order of `shape`. */
export interface NamedArray {
  name: string;
  shape: number[];
  data: Float64Array;
  /** the stored type, for messages (double, uint8, <f4, ...) */
  dtype: string;
}

export interface PickResult {
  matrix: MatrixInput;
  notices: string[];
}

const X_NAMES = ['x', 'data', 'features'];

function describe(a: NamedArray): string {
  return `${a.name} (${a.shape.join('x')} ${a.dtype})`;
}

function isVector(a: NamedArray): boolean {
  return a.shape.filter((s) => s !== 1).length <= 1 && a.data.length > 0;
}

function isMatrix(a: NamedArray): boolean {
  return (a.shape.length === 2 || a.shape.length === 3) && !isVector(a);
}

/** Transpose a row-major r x c matrix. */
export function transpose(data: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(data.length);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = data[i * c + j]!;
  return out;
}

/**
 * X: the array named X (or x, data, features), else the only 2-D matrix; vectors of X's row count are label candidates.
 * skipped: variables the reader could not use, named in the error when nothing fits.
 */
export function pickMatrix(arrays: NamedArray[], skipped: string[], what: string): PickResult {
  const notices: string[] = [];
  const found = [...arrays.map(describe), ...skipped];
  const byName = (n: string) => arrays.find((a) => a.name === n) ?? arrays.find((a) => a.name.toLowerCase() === n);
  let x: NamedArray | undefined = byName('X');
  for (const n of X_NAMES) x ??= byName(n);
  if (x && !isMatrix(x) && !isVector(x)) x = undefined;
  if (x && x.name !== 'X') notices.push(`Used the matrix ${quote(x.name)} as the data (no variable is named X).`);
  if (!x) {
    const mats = arrays.filter(isMatrix);
    if (mats.length === 1) {
      x = mats[0]!;
      notices.push(`Used the matrix ${quote(x.name)} as the data (no variable is named X).`);
    } else if (mats.length > 1) {
      throw new ImportError(
        'NO_MATRIX',
        `The ${what} holds several matrices (${listValues(mats.map(describe))}) and none is named X. ` +
          'Name the data matrix X (rows = samples) and the labels y.',
        { values: mats.map((m) => m.name) },
      );
    } else {
      throw new ImportError(
        'NO_MATRIX',
        found.length === 0
          ? `The ${what} holds no variables at all.`
          : `The ${what} holds no 2-D numeric matrix to use as data; it holds ${listValues(found)}. ` +
            'Save the data as a numeric matrix X (rows = samples) and the labels as y.',
        { values: found },
      );
    }
  }
  let n: number;
  let d: number;
  let values = x.data;
  let kind: MatrixInput['kind'];
  if (x.shape.length === 3) {
    // (n, h, w) images, flattened row by row
    const [a, h, w] = x.shape as [number, number, number];
    n = a;
    d = h * w;
    kind = { type: 'image', shape: [h, w] };
    notices.push(`Read ${x.name} as ${n} images of ${h}x${w} pixels.`);
  } else if (x.shape.length === 2) {
    [n, d] = x.shape as [number, number];
  } else if (x.shape.length === 1) {
    n = x.shape[0]!;
    d = 1;
  } else {
    throw new ImportError('NO_MATRIX', `${x.name} has ${x.shape.length} dimensions (${x.shape.join('x')}); a 2-D matrix is needed.`);
  }
  const vecs = arrays.filter((a) => a !== x && isVector(a));
  // samples in columns (d x n): turn it round when the labels say so
  if (x.shape.length === 2 && n !== d && !vecs.some((v) => v.data.length === n) && vecs.some((v) => v.data.length === d)) {
    values = transpose(values, n, d);
    [n, d] = [d, n];
    notices.push(`Transposed ${x.name} to ${n} rows x ${d} columns so that its rows match the length of the labels.`);
  }
  const vectors = vecs.filter((v) => v.data.length === n).map((v) => ({ name: v.name, values: v.data }));
  const named = vecs.find((v) => v.name.toLowerCase() === 'y');
  if (named && named.data.length !== n) {
    throw new ImportError(
      'SHAPE_MISMATCH',
      `${x.name} has ${n} rows but ${named.name} has ${named.data.length} values; they must have one label per row.`,
    );
  }
  const names = Array.from({ length: d }, (_, j) => `f${j}`);
  const matrix: MatrixInput = { matrixName: x.name, n, d, values, names, vectors };
  if (kind) matrix.kind = kind;
  return { matrix, notices };
}
