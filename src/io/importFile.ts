// The one entry point for the user's files: detect the format, parse, validate, and explain what was done.
import type { RawData } from '../core/types';
import { parseArff } from './arff';
import { parseCsv } from './csv';
import { decodeText, detectFormat, extensionOf } from './detect';
import { ImportError, listValues } from './errors';
import { readMatV5 } from './mat';
import { readMatV4 } from './mat4';
import { pickMatrix, type NamedArray } from './matrices';
import { readNpy } from './npy';
import { readNpzEntries, unzipChecked } from './npz';
import { validateMatrix, validateTextTable, type Validated } from './validate';
import { gunzipSync } from 'fflate';
import type { PrepOptions } from './preprocess/options';
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
    ...(v.profile ? { profile: v.profile, plan: v.plan!, recipe: v.recipe! } : {}),
    ...(v.normalValue ? { normalValue: v.normalValue } : {}),
    ...extra,
  };
}

function fromArrays(arrays: NamedArray[], skipped: string[], what: string, name: string, format: ImportFormat, notices: string[], options: ImportOptions): ImportResult {
  const picked = pickMatrix(arrays, skipped, what);
  const v = validateMatrix(picked.matrix, name, options);
  return result(v, format, [...notices, ...picked.notices]);
}

/** Throws ImportError with a message for a person; never changes anything outside its result. */
export async function importFile(name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  return importInner(name, bytes, options, 0);
}

async function importInner(name: string, bytes: Uint8Array, options: ImportOptions, depth: number): Promise<ImportResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new ImportError(
      'TOO_LARGE',
      `${name} is ${megabytes(bytes.length)}; the largest file this page loads is ${megabytes(maxBytes)}. Use a sample of the rows.`,
    );
  }
  const detected = detectFormat(name, bytes);
  const notices = [...detected.notices];
  const dataName = baseName(name);
  switch (detected.kind) {
    case 'text': {
      const { text, notices: decodeNotices } = decodeText(bytes);
      notices.push(...decodeNotices);
      const csvOpts: Parameters<typeof parseCsv>[1] = { extension: extensionOf(name) };
      if (options.delimiter !== undefined) csvOpts.delimiter = options.delimiter;
      if (options.hasHeader !== undefined) csvOpts.hasHeader = options.hasHeader;
      const parsed = parseCsv(text, csvOpts);
      const v = validateTextTable(parsed.table, dataName, options);
      return result(v, parsed.delimiter === '\t' ? 'tsv' : parsed.delimiter === ' ' ? 'txt' : 'csv', [...notices, ...parsed.notices], {
        delimiter: parsed.delimiter,
        hasHeader: parsed.hasHeader,
      });
    }
    case 'arff': {
      const { text, notices: decodeNotices } = decodeText(bytes);
      notices.push(...decodeNotices);
      const parsed = parseArff(text);
      return result(validateTextTable(parsed.table, dataName, options), 'arff', notices);
    }
    case 'mat-v4': {
      const mat = readMatV4(bytes);
      return fromArrays(mat.arrays, mat.skipped, '.mat (v4) file', dataName, 'mat-v4', notices, options);
    }
    case 'mat-v5': {
      const mat = readMatV5(bytes);
      return fromArrays(mat.arrays, mat.skipped, '.mat file', dataName, 'mat-v5', notices, options);
    }
    case 'mat-v7.3':
    case 'hdf5': {
      const matlab = detected.kind === 'mat-v7.3';
      // h5wasm is large: load it only for HDF5 files
      const { readHdf5 } = await import('./mat73');
      const h5 = await readHdf5(bytes, matlab);
      return fromArrays(h5.arrays, h5.skipped, matlab ? '.mat (v7.3) file' : 'HDF5 file', dataName, detected.kind, notices, options);
    }
    case 'npy': {
      const a = readNpy(bytes, dataName);
      return fromArrays([{ name: 'X', shape: a.shape, data: a.data, dtype: a.dtype }], [], '.npy file', dataName, 'npy', notices, options);
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
      const r = await importInner(innerName, inner, options, depth + 1);
      return { ...r, notices: [`Unpacked ${name}.`, ...notices, ...r.notices] };
    }
    case 'zip': {
      const isNpz = extensionOf(name) === 'npz';
      const entries = unzipChecked(bytes, maxBytes, isNpz ? '.npz file' : 'zip archive');
      const paths = Object.keys(entries).filter((p) => !p.endsWith('/') && !p.startsWith('__MACOSX/') && !/(^|\/)\./.test(p));
      if (paths.some((p) => p.endsWith('.npy'))) {
        const { arrays, skipped } = readNpzEntries(entries);
        return fromArrays(arrays, skipped, '.npz file', dataName, 'npz', notices, options);
      }
      if (paths.includes('[Content_Types].xml') || paths.some((p) => p.startsWith('xl/'))) {
        throw new ImportError('UNSUPPORTED', `${name} is an Excel workbook. Save the sheet as CSV from Excel and load the CSV.`);
      }
      const data = paths.filter((p) => DATA_EXT.has(extensionOf(p)));
      if (depth > 1) throw new ImportError('UNSUPPORTED', `${name} is packed inside too many layers of archives.`);
      if (data.length === 1) {
        const inner = data[0]!;
        const r = await importInner(inner.split('/').pop()!, entries[inner]!, options, depth + 1);
        return { ...r, notices: [`Read ${inner} from the zip archive ${name}.`, ...notices, ...r.notices] };
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
