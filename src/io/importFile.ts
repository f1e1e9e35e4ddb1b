// The one entry point for the user's files: detect the format, parse, validate, and explain what was done.
import type { RawData } from '../core/types';
import { parseArff } from './arff';
import { parseCsv } from './csv';
import { decodeText, detectFormat, extensionOf } from './detect';
import { ImportError, listValues } from './errors';
import { readMatV5 } from './mat';
import { readMatV4 } from './mat4';
import { pickMatrix, type NamedArray, type PickResult } from './matrices';
import { readNpy } from './npy';
import { readNpzEntries, unzipChecked } from './npz';
import { validateMatrix, validateTextTable, type TextTable, type Validated } from './validate';
import { gunzipSync } from 'fflate';
import type { PrepOptions } from './preprocess/options';
import type { Progress } from './progress';
import type { ColumnPlan } from './preprocess/plan';
import type { ColumnProfile } from './preprocess/profile';
import type { Recipe } from './preprocess/recipe';

export const DEFAULT_MAX_BYTES = 300 * 1024 * 1024;

export interface ImportOptions extends PrepOptions {
  /** CSV only; undefined = detect among comma, semicolon, tab, pipe and runs of whitespace ('whitespace') */
  delimiter?: string;
  /** CSV only; undefined = detect (a first row of text above rows of numbers) */
  hasHeader?: boolean;
  /** default 300 MB */
  maxBytes?: number;
  /** told how far the import has got (0..1) and what it is doing; never cloned (the worker passes its own) */
  progress?: Progress;
}

export type ImportFormat = 'csv' | 'tsv' | 'txt' | 'arff' | 'mat-v4' | 'mat-v5' | 'mat-v7.3' | 'hdf5' | 'npz' | 'npy';

export interface ImportResult {
  data: RawData;
  /** what was done without asking, e.g. 'Dropped 2 constant columns: a, b.' */
  notices: string[];
  format: ImportFormat;
  labelColumn: string | null;
  /** the label value read as anomaly (null without labels, or when every row is normal) */
  anomalyValue: string | null;
  /** columns the UI can offer as the label column */
  columns: string[];
  /** normal-vs-rest labels: the value that means normal (every other value anomaly) */
  normalValue?: string;
  /** text tables: each column's kind, missing cells and what was done to it */
  profile?: ColumnProfile[];
  plan?: ColumnPlan[];
  /** text tables: the fitted transform file -> matrix (for scoring new files with a model) */
  recipe?: Recipe;
  /** CSV/TSV only */
  delimiter?: string;
  hasHeader?: boolean;
}

const DATA_EXT = new Set(['csv', 'tsv', 'tab', 'txt', 'arff', 'data', 'dat', 'mat', 'npz', 'npy', 'h5', 'hdf5']);

function baseName(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name;
  return file.replace(/\.gz$/i, '').replace(/\.[A-Za-z0-9]+$/, '') || file;
}

function megabytes(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}

function result(v: Validated, format: ImportFormat, notices: string[], extra: Partial<ImportResult> = {}): ImportResult {
  return {
    data: v.data,
    notices: [...notices, ...v.notices],
    format,
    labelColumn: v.labelColumn,
    anomalyValue: v.anomalyValue,
    columns: v.columns,
    ...(v.profile ? { profile: v.profile, plan: v.plan! } : {}),
    ...(v.recipe ? { recipe: v.recipe } : {}),
    ...(v.normalValue ? { normalValue: v.normalValue } : {}),
    ...extra,
  };
}

/** What a reader hands on: a text table, or named arrays to pick the matrix from; importFile validates, scoring applies a recipe. */
export interface FileSink<T> {
  table(table: TextTable, format: ImportFormat, notices: string[], extra: Partial<ImportResult>): T;
  matrix(picked: PickResult, format: ImportFormat, notices: string[]): T;
}

function fromArrays<T>(arrays: NamedArray[], skipped: string[], what: string, format: ImportFormat, notices: string[], sink: FileSink<T>): T {
  const picked = pickMatrix(arrays, skipped, what);
  return sink.matrix(picked, format, notices);
}

/** Throws ImportError with a message for a person; never changes anything outside its result. */
export async function importFile(name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const dataName = baseName(name);
  return readFile(name, bytes, options, {
    table: (table, format, notices, extra) => result(validateTextTable(table, dataName, options), format, notices, extra),
    matrix: (picked, format, notices) => result(validateMatrix(picked.matrix, dataName, options), format, [...notices, ...picked.notices]),
  });
}

/** Detects the format, unpacks gzip/zip and parses; the sink decides what becomes of the table or matrix. */
export async function readFile<T>(name: string, bytes: Uint8Array, options: ImportOptions, sink: FileSink<T>): Promise<T> {
  return importInner(name, bytes, options, 0, [], sink);
}

async function importInner<T>(name: string, bytes: Uint8Array, options: ImportOptions, depth: number, pre: string[], sink: FileSink<T>): Promise<T> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new ImportError(
      'TOO_LARGE',
      `${name} is ${megabytes(bytes.length)}; the largest file this page loads is ${megabytes(maxBytes)}. Use a sample of the rows.`,
    );
  }
  const detected = detectFormat(name, bytes);
  const notices = [...pre, ...detected.notices];
  const dataName = baseName(name);
  switch (detected.kind) {
    case 'text': {
      options.progress?.(0.02, 'decoding');
      const { text, notices: decodeNotices } = decodeText(bytes);
      notices.push(...decodeNotices);
      const csvOpts: Parameters<typeof parseCsv>[1] = { extension: extensionOf(name) };
      if (options.delimiter !== undefined) csvOpts.delimiter = options.delimiter;
      if (options.hasHeader !== undefined) csvOpts.hasHeader = options.hasHeader;
      const parsed = parseCsv(text, csvOpts, options.progress && ((f) => options.progress!(0.05 + 0.45 * f, 'parsing')));
      return sink.table(parsed.table, parsed.delimiter === '\t' ? 'tsv' : parsed.delimiter === ' ' ? 'txt' : 'csv', [...notices, ...parsed.notices], {
        delimiter: parsed.delimiter,
        hasHeader: parsed.hasHeader,
      });
    }
    case 'arff': {
      const { text, notices: decodeNotices } = decodeText(bytes);
      notices.push(...decodeNotices);
      const parsed = parseArff(text);
      return sink.table(parsed.table, 'arff', notices, {});
    }
    case 'mat-v4': {
      const mat = readMatV4(bytes);
      return fromArrays(mat.arrays, mat.skipped, '.mat (v4) file', 'mat-v4', notices, sink);
    }
    case 'mat-v5': {
      const mat = readMatV5(bytes);
      return fromArrays(mat.arrays, mat.skipped, '.mat file', 'mat-v5', notices, sink);
    }
    case 'mat-v7.3':
    case 'hdf5': {
      const matlab = detected.kind === 'mat-v7.3';
      // h5wasm is large: load it only for HDF5 files
      const { readHdf5 } = await import('./mat73');
      const h5 = await readHdf5(bytes, matlab);
      return fromArrays(h5.arrays, h5.skipped, matlab ? '.mat (v7.3) file' : 'HDF5 file', detected.kind, notices, sink);
    }
    case 'npy': {
      const a = readNpy(bytes, dataName);
      return fromArrays([{ name: 'X', shape: a.shape, data: a.data, dtype: a.dtype }], [], '.npy file', 'npy', notices, sink);
    }
    case 'gzip': {
      if (depth > 1) throw new ImportError('UNSUPPORTED', `${name} is packed inside too many layers of archives.`);
      let inner: Uint8Array;
      try {
        inner = gunzipSync(bytes);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        const code = /unexpected EOF/i.test(msg) ? 'TRUNCATED' : 'CORRUPT';
        throw new ImportError(code, `${name} is gzip-compressed but ${code === 'TRUNCATED' ? 'cut short' : 'damaged'} (${msg}). Get the file again.`);
      }
      const innerName = name.replace(/\.gz$/i, '') || 'data';
      return importInner(innerName, inner, options, depth + 1, [...pre, `Unpacked ${name}.`, ...notices.slice(pre.length)], sink);
    }
    case 'zip': {
      const isNpz = extensionOf(name) === 'npz';
      const entries = unzipChecked(bytes, maxBytes, isNpz ? '.npz file' : 'zip archive');
      const paths = Object.keys(entries).filter((p) => !p.endsWith('/') && !p.startsWith('__MACOSX/') && !/(^|\/)\./.test(p));
      if (paths.some((p) => p.endsWith('.npy'))) {
        const { arrays, skipped } = readNpzEntries(entries);
        return fromArrays(arrays, skipped, '.npz file', 'npz', notices, sink);
      }
      if (paths.includes('[Content_Types].xml') || paths.some((p) => p.startsWith('xl/'))) {
        throw new ImportError('UNSUPPORTED', `${name} is an Excel workbook. Save the sheet as CSV from Excel and load the CSV.`);
      }
      const data = paths.filter((p) => DATA_EXT.has(extensionOf(p)));
      if (depth > 1) throw new ImportError('UNSUPPORTED', `${name} is packed inside too many layers of archives.`);
      if (data.length === 1) {
        const inner = data[0]!;
        return importInner(inner.split('/').pop()!, entries[inner]!, options, depth + 1, [...pre, `Read ${inner} from the zip archive ${name}.`, ...notices.slice(pre.length)], sink);
      }
      if (data.length === 0) {
        throw new ImportError(
          isNpz ? 'NO_MATRIX' : 'UNSUPPORTED',
          `${name} is a zip archive without a data file in it (it holds ${paths.length ? listValues(paths) : 'nothing'}).`,
          { values: paths },
        );
      }
      throw new ImportError(
        'UNSUPPORTED',
        `${name} holds ${data.length} data files (${listValues(data)}). Unpack it and load the one you want.`,
        { values: data },
      );
    }
  }
}
