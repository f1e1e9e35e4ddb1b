// Format detection by content (magic bytes) first, the file name's extension only as a cross-check.
import { ImportError, quote } from './errors';
import { hdf5Offset } from './hdf5sig';
import { isMatV5, startsWithMatlab } from './mat';
import { isMatV4 } from './mat4';
import { isNpy } from './npy';

export type ContentKind = 'text' | 'arff' | 'mat-v4' | 'mat-v5' | 'mat-v7.3' | 'hdf5' | 'zip' | 'npy' | 'gzip';

export interface Detected {
  kind: ContentKind;
  notices: string[];
}

const TEXT_EXT = new Set(['csv', 'tsv', 'tab', 'txt', 'arff', 'data', 'dat']);
const BINARY_EXT: Record<string, string> = {
  mat: 'MATLAB .mat',
  npz: 'NumPy .npz',
  npy: 'NumPy .npy',
  h5: 'HDF5',
  hdf5: 'HDF5',
  zip: 'zip',
  gz: 'gzip',
};
const KIND_NAMES: Record<ContentKind, string> = {
  text: 'text (CSV)',
  arff: 'an ARFF table',
  'mat-v4': 'a MATLAB v4 .mat file',
  'mat-v5': 'a MATLAB v5 .mat file',
  'mat-v7.3': 'a MATLAB v7.3 .mat file',
  hdf5: 'an HDF5 file',
  zip: 'a zip archive',
  npy: 'a NumPy .npy array',
  gzip: 'gzip-compressed data',
};
// the extensions each content kind may carry without comment
const EXPECTED_EXT: Record<ContentKind, string[]> = {
  text: [...TEXT_EXT],
  arff: ['arff', 'txt'],
  'mat-v4': ['mat'],
  'mat-v5': ['mat'],
  'mat-v7.3': ['mat', 'h5', 'hdf5'],
  hdf5: ['h5', 'hdf5', 'mat'],
  zip: ['zip', 'npz'],
  npy: ['npy'],
  gzip: ['gz'],
};

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
}

/** Share of bytes in the first 64 KB that never occur in text (NUL and most control codes). */
export function binaryShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) || b === 0x7f) bad++;
  }
  return bad / n;
}

function isUtf16(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** Bytes -> string: BOMs honoured (UTF-8, UTF-16 from Excel), Windows-1252 when it is not UTF-8. */
export function decodeText(bytes: Uint8Array): { text: string; notices: string[] } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), notices: [] };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), notices: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), notices: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notices: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      notices: ['The file is not UTF-8 text; it was read as Windows-1252 (Latin-1). Check that names with accents look right.'],
    };
  }
}

function contentKind(bytes: Uint8Array): ContentKind | null {
  if (hdf5Offset(bytes) >= 0) return startsWithMatlab(bytes) ? 'mat-v7.3' : 'hdf5';
  if (isMatV5(bytes) || startsWithMatlab(bytes)) return 'mat-v5';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (isNpy(bytes)) return 'npy';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  // v4 has no magic bytes: the variable headers must chain exactly to the end of the file
  if (isMatV4(bytes)) return 'mat-v4';
  return null;
}

function unsupportedBinary(name: string, bytes: Uint8Array): void {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportError('UNSUPPORTED', `${name} is an old Excel (.xls) or Office file. Save it as CSV from Excel and load the CSV.`);
  }
  if (startsWith(bytes, [0x50, 0x41, 0x52, 0x31])) {
    throw new ImportError('UNSUPPORTED', `${name} is a Parquet file. Save it as CSV (pandas: df.to_csv(index=False)) and load the CSV.`);
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (head.startsWith('SQLite format 3')) {
    throw new ImportError('UNSUPPORTED', `${name} is an SQLite database. Export the table as CSV (sqlite3 -csv -header file.db "select * from t") and load the CSV.`);
  }
  if (head.startsWith('$FL2') || head.startsWith('$FL3')) {
    throw new ImportError('UNSUPPORTED', `${name} is an SPSS .sav file. Save it as CSV (SPSS: File > Export; R: write.csv(haven::read_sav(...))) and load the CSV.`);
  }
  if (head.startsWith('ARROW1') || head.startsWith('FEA1')) {
    throw new ImportError('UNSUPPORTED', `${name} is an Arrow/Feather file. Save it as CSV (pandas: pd.read_feather(...).to_csv(index=False)) and load the CSV.`);
  }
  if (bytes[0] === 0x80 && bytes[1]! >= 2 && bytes[1]! <= 5) {
    throw new ImportError('UNSUPPORTED', `${name} looks like a Python pickle, which a web page must not run. Save the data as CSV or .npz (numpy.savez) and load that.`);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw new ImportError('UNSUPPORTED', `${name} is a PDF document, not a data table.`);
  }
}

/** The first line that is neither blank nor a % comment, within the first 1 MB. */
function firstContentLine(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 1 << 20));
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end).trim();
    if (line !== '' && !line.startsWith('%')) return line;
    at = end + 1;
  }
  return '';
}

/** Decide how to read the bytes; throws BINARY_GARBAGE, WRONG_EXTENSION or UNSUPPORTED when none fits. */
export function detectFormat(name: string, bytes: Uint8Array): Detected {
  const notices: string[] = [];
  if (bytes.length === 0) throw new ImportError('EMPTY', `${name} is empty (0 bytes).`);
  const ext = extensionOf(name);
  const found = contentKind(bytes);
  if (found) {
    if (ext && !EXPECTED_EXT[found].includes(ext)) {
      notices.push(`${name} is named .${ext} but holds ${KIND_NAMES[found]}; it was read as such.`);
    }
    return { kind: found, notices };
  }
  unsupportedBinary(name, bytes);
  const share = isUtf16(bytes) ? 0 : binaryShare(bytes);
  if (share > 0.01 || (share > 0 && bytes.subarray(0, 65536).includes(0))) {
    const what = BINARY_EXT[ext];
    if (what) {
      throw new ImportError(
        'CORRUPT',
        ext === 'mat'
          ? `${name} is named .mat but is none of the MATLAB formats this page reads (v4, v5/v6/v7 and v7.3), or it is damaged. ` +
            "Save it again in MATLAB with save('file.mat', 'X', 'y', '-v7') (SciPy: savemat), or as CSV."
          : `${name} is named like a ${what} file but does not start like one: it is damaged or a different kind of file. Get the file again.`,
      );
    }
    throw new ImportError(
      'BINARY_GARBAGE',
      `${name} does not hold text: ${Math.round(share * 100)}% of its first bytes are binary codes. ` +
        'Load a CSV, TSV, ARFF, .mat or .npz file; if this should be one, it is damaged.',
    );
  }
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048));
  if (BINARY_EXT[ext]) {
    const html = /^\s*</.test(head);
    throw new ImportError(
      'WRONG_EXTENSION',
      `${name} is named like a ${BINARY_EXT[ext]} file but holds text` +
        (html
          ? ' that looks like a web page (HTML): the download probably saved an error or login page. Download the file again.'
          : ` (it starts with ${quote(head.trim().split(/\r?\n/)[0] ?? '')}). If it is a table, rename it to .csv.`),
    );
  }
  // Weka's own ARFF files open with 2-9 KB of % comment lines: look past any number of them
  const firstLine = firstContentLine(bytes);
  if (/^\s*@relation\b/i.test(firstLine) || (ext === 'arff' && /^\s*@/i.test(firstLine))) {
    if (ext && ext !== 'arff' && ext !== 'txt') notices.push(`${name} is named .${ext} but holds an ARFF table; it was read as such.`);
    return { kind: 'arff', notices };
  }
  return { kind: 'text', notices };
}
