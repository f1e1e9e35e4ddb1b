// The checks every validator shares: column names and the size limit.
import { ImportError, quote } from '../errors';

/** Above this many cells the Float64 matrix alone would take 400 MB. */
export const MAX_CELLS = 50_000_000;

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Header names must be unique and non-empty. */
export function checkNames(names: string[], headerRow: number | null, what = 'header'): void {
  const where = headerRow === null ? `The ${what}` : `The ${what} (row ${headerRow})`;
  const seen = new Map<string, number>();
  names.forEach((raw, j) => {
    const name = raw.trim();
    if (name === '') {
      throw new ImportError(
        'EMPTY_HEADER',
        `${where} gives column ${j + 1} no name. Every column needs a name` +
          (j === 0 ? ' (an unnamed first column is often a row index saved by pandas: save with index=False or delete it).' : ': add one, or delete the column.'),
        { row: headerRow ?? undefined, column: `column ${j + 1}` },
      );
    }
    const prev = seen.get(name);
    if (prev !== undefined) {
      throw new ImportError(
        'DUPLICATE_HEADER',
        `${where} names both column ${prev + 1} and column ${j + 1} ${quote(name)}. Column names must be unique: rename one of them.`,
        { row: headerRow ?? undefined, column: name },
      );
    }
    seen.set(name, j);
  });
}

export function checkCellCount(n: number, d: number): void {
  if (n * d > MAX_CELLS) {
    throw new ImportError(
      'TOO_LARGE',
      `The data has ${n} rows x ${d} columns = ${n * d} numbers, more than this page can hold (${MAX_CELLS}). ` +
        'Use a sample of the rows or fewer columns.',
    );
  }
}
