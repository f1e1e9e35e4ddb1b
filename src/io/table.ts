// What the readers hand on: a table of text cells (CSV, TSV, ARFF) or a numeric matrix (MAT, NPZ, HDF5); shared by
// validation and preprocessing.
import type { DataKind } from '../core/types';

/** Declared column kind (ARFF); CSV tables declare none. */
export type ColumnKind = 'numeric' | 'nominal' | 'string' | 'date';

/** A text table as read from CSV/TSV/ARFF: cells still strings. */
export interface TextTable {
  names: string[];
  /** true when the file has no header and the names were made up (f0, f1, ...) */
  generatedNames: boolean;
  rows: string[][];
  /** 1-based line number of each data row, for messages */
  rowNumbers: number[];
  /** 1-based line of the header, or null */
  headerRow: number | null;
  /** ARFF only */
  declared?: ColumnKind[];
  /** ARFF only: each nominal attribute's declared values (null for other kinds) */
  nominalValues?: Array<string[] | null>;
  /** how the format calls its cells that hold no value ('?' in ARFF) */
  missingToken?: string;
}

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
