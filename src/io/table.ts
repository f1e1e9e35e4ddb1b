// A text table as the CSV and ARFF readers hand it on: the cells still strings (shared by validation and preprocessing).

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
