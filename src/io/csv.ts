// CSV/TSV: papaparse with delimiter and header detection; cells stay strings until validate.ts.
import Papa from 'papaparse';
import { ImportError } from './errors';
import type { TextTable } from './table';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Runs of spaces or tabs (UCI-style .data and .txt files); given as the delimiter ' ' or 'whitespace'. */
export const WHITESPACE = ' ';

export interface CsvOptions {
  delimiter?: string;
  hasHeader?: boolean;
  /** lower-case extension without the dot, as a hint ('tsv' prefers tab) */
  extension?: string;
}

export interface CsvParsed {
  table: TextTable;
  delimiter: string;
  hasHeader: boolean;
  notices: string[];
}

const NUMBER_LIKE_RE = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|nan|inf|infinity)$/i;

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', ' ': 'whitespace' };

export function delimiterName(d: string): string {
  return DELIMITER_NAMES[d] ?? JSON.stringify(d);
}

function isBlankRow(row: string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/** The delimiter that splits the first lines into the same number (> 1) of cells, the most cells winning. */
export function detectDelimiter(text: string, extension?: string): string {
  let sample = text.slice(0, 65536);
  const cut = sample.lastIndexOf('\n');
  if (text.length > sample.length && cut > 0) sample = sample.slice(0, cut);
  let best = extension === 'tsv' || extension === 'tab' ? '\t' : ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: 30 }).data.filter((r) => !isBlankRow(r));
    if (rows.length === 0) continue;
    const k = rows[0]!.length;
    if (k < 2) continue;
    const consistent = rows.filter((r) => r.length === k).length / rows.length;
    // consistency first, then the number of cells; a tsv extension breaks ties towards tab
    const score = consistent * 1000 + k + (d === '\t' && best === '\t' ? 0.5 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  // no delimiter splits the lines: try runs of whitespace, when they split them all alike
  if (bestScore === 0 || bestScore < 900) {
    const rows = splitWhitespace(sample).rows.slice(0, 30);
    const k = rows[0]?.length ?? 0;
    if (k >= 2 && rows.every((r) => r.length === k)) return WHITESPACE;
  }
  return best;
}

function countNonNumeric(row: string[]): number {
  let c = 0;
  for (const cell of row) {
    const s = cell.trim();
    if (s !== '' && !NUMBER_LIKE_RE.test(s)) c++;
  }
  return c;
}

/** A header is a first row with more text cells than any of the rows after it. */
export function detectHeader(rows: string[][]): boolean {
  if (rows.length === 0) return false;
  const first = countNonNumeric(rows[0]!);
  if (first === 0) return false;
  let later = 0;
  for (let i = 1; i < Math.min(rows.length, 51); i++) later = Math.max(later, countNonNumeric(rows[i]!));
  return rows.length === 1 || first > later;
}

/** Lines split on runs of spaces and tabs; blank lines left out, line numbers kept. */
function splitWhitespace(text: string): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((l, i) => {
    const t = l.trim();
    if (t === '') return;
    rows.push(t.split(/[ \t]+/));
    lines.push(i + 1);
  });
  return { rows, lines };
}

const CHUNK = 1 << 20;

/** papaparse over the whole text, or in 1 MB chunks when progress is asked for (a large file); rows numbered from 0 either way. */
function papaRows(text: string, delimiter: string, progress?: (f: number) => void): { data: string[][]; errors: Papa.ParseError[] } {
  if (!progress || text.length <= 2 * CHUNK) return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const data: string[][] = [];
  const errors: Papa.ParseError[] = [];
  Papa.parse<string[]>(text, {
    delimiter, skipEmptyLines: false, chunkSize: CHUNK,
    // with a string the chunks come synchronously, before Papa.parse returns
    chunk: (r: Papa.ParseResult<string[]>) => {
      for (const e of r.errors) errors.push({ ...e, row: e.row === undefined ? undefined : e.row + data.length });
      for (const row of r.data) data.push(row);
      progress(r.meta.cursor / text.length);
    },
    complete: () => undefined,
  } as Papa.ParseConfig<string[]>);
  return { data, errors };
}

export function parseCsv(text: string, opts: CsvOptions = {}, progress?: (f: number) => void): CsvParsed {
  const notices: string[] = [];
  if (text.trim() === '') {
    throw new ImportError('EMPTY', 'The file is empty: it holds no rows at all.');
  }
  const asked = opts.delimiter === 'whitespace' ? WHITESPACE : opts.delimiter;
  const delimiter = asked ?? detectDelimiter(text, opts.extension);
  if (delimiter === WHITESPACE) {
    const { rows, lines } = splitWhitespace(text);
    return tableOf(rows, lines, delimiter, opts, notices);
  }
  const parsed = papaRows(text, delimiter, progress);
  const quoteErr = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (quoteErr) {
    const row = (quoteErr.row ?? 0) + 1;
    throw new ImportError(
      'CORRUPT',
      `Row ${row} opens a quote (") that is not closed properly, so the rest of the file cannot be split into cells. ` +
        'Fix the quotes on that line.',
      { row },
    );
  }
  // keep each row's line number (1-based) while skipping blank lines
  const all = parsed.data;
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const r = all[i]!;
    if (isBlankRow(r)) continue;
    rows.push(r);
    lines.push(i + 1);
  }
  return tableOf(rows, lines, delimiter, opts, notices);
}

function tableOf(rows: string[][], lines: number[], delimiter: string, opts: CsvOptions, notices: string[]): CsvParsed {
  if (rows.length === 0) throw new ImportError('EMPTY', 'The file holds only blank lines.');
  // "a,b,c," on every line: an empty last column made by a trailing delimiter
  if (rows.every((r) => r.length > 1 && r[r.length - 1]!.trim() === '')) {
    for (const r of rows) r.pop();
    notices.push(`Ignored an empty last column (every line ends with a ${delimiterName(delimiter)}).`);
  }
  const hasHeader = opts.hasHeader ?? detectHeader(rows);
  let names: string[];
  let headerRow: number | null = null;
  if (hasHeader) {
    names = rows.shift()!.map((c) => c.trim());
    headerRow = lines.shift()!;
  } else {
    names = rows[0]!.map((_, j) => `f${j}`);
  }
  const table: TextTable = { names, generatedNames: !hasHeader, rows, rowNumbers: lines, headerRow };
  return { table, delimiter, hasHeader, notices };
}
