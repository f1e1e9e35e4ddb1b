// Import errors: one specific code per kind of bad input, and a message written for a person.

export type ImportErrorCode =
  | 'EMPTY'
  | 'HEADER_ONLY'
  | 'RAGGED'
  | 'NON_NUMERIC'
  | 'MISSING_VALUE'
  | 'NOT_FINITE'
  | 'SINGLE_ROW'
  | 'DUPLICATE_HEADER'
  | 'EMPTY_HEADER'
  | 'LABEL_NOT_BINARY'
  | 'LABEL_AMBIGUOUS'
  | 'LABEL_COLUMN_NOT_FOUND'
  | 'ANOMALY_VALUE_NOT_FOUND'
  | 'ALL_CONSTANT'
  | 'NO_FEATURES'
  | 'CORRUPT'
  | 'TRUNCATED'
  | 'WRONG_EXTENSION'
  | 'TOO_LARGE'
  | 'BINARY_GARBAGE'
  | 'NO_MATRIX'
  | 'SHAPE_MISMATCH'
  | 'UNSUPPORTED';

export interface ImportErrorDetails {
  /** 1-based row (or line) as a spreadsheet counts it, header line included */
  row?: number;
  /** column name */
  column?: string;
  /** values found (label column) or entries found (archive, MAT variables), for the UI to offer */
  values?: string[];
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly row?: number;
  readonly column?: string;
  readonly values?: string[];

  constructor(code: ImportErrorCode, message: string, details: ImportErrorDetails = {}) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    if (details.row !== undefined) this.row = details.row;
    if (details.column !== undefined) this.column = details.column;
    if (details.values !== undefined) this.values = details.values;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}

/** Quote a user-supplied value for a message, cut short so a huge cell cannot flood the page. */
export function quote(value: string, max = 40): string {
  const s = value.length > max ? `${value.slice(0, max)}…` : value;
  return `"${s}"`;
}

/** "a", "b", "c" and 4 more */
export function listValues(values: string[], max = 8): string {
  const shown = values.slice(0, max).map((v) => quote(v)).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}
