// How a text cell reads: a number, a missing value, a date, or text (shared by profiling, fitting and scoring).

export const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
export const NOT_FINITE_RE = /^[+-]?(inf|infinity)$/i;
/** Cells that mean "no value" (compared lower-case, trimmed): empty, ?, NA, NaN, null, none and the spreadsheet forms. */
export const MISSING_TOKENS = ['', '?', 'na', 'n/a', 'nan', 'null', 'none', '-', '#n/a'];
const MISSING = new Set(MISSING_TOKENS);

export function isMissing(cell: string | undefined): boolean {
  return cell === undefined || MISSING.has(cell.trim().toLowerCase());
}

// ISO dates with an optional time and zone (what ARFF's default date format and most exports write)
const DATE_RE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function isDate(cell: string): boolean {
  return DATE_RE.test(cell.trim());
}

/** Seconds since 1970-01-01 UTC (a date without a zone is read as UTC, so the value never depends on the machine). */
export function dateSeconds(cell: string): number {
  let s = cell.trim().replace(' ', 'T');
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(s) && s.includes('T')) s += 'Z';
  const ms = Date.parse(s.includes('T') ? s : `${s}T00:00:00Z`);
  return ms / 1000;
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', 't']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'f']);

/** For a column of exactly two values that read as yes/no or true/false: the value that means 1. */
export function booleanOne(values: readonly string[]): string | null {
  if (values.length !== 2) return null;
  const [a, b] = values as [string, string];
  const t = (v: string) => TRUE_WORDS.has(v.toLowerCase());
  const f = (v: string) => FALSE_WORDS.has(v.toLowerCase());
  if (t(a) && f(b)) return a;
  if (t(b) && f(a)) return b;
  return null;
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
