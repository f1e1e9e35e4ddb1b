// A large file is parsed in chunks when progress is asked for: the same table, and the fraction climbs to 1.
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { importFile } from './importFile';
import { text } from './testing/expectError';

// ~3 MB with a quoted cell that spans lines, so some chunk edge falls inside rows and quotes
function bigCsv(): string {
  const lines = ['a,b,note,label'];
  for (let i = 0; i < 120_000; i++) lines.push(i === 70_000 ? `${i},1.5,"two\nlines, one cell",0` : `${i},${(i % 97) / 7},plain text ${i % 13},${i % 50 === 0 ? 1 : 0}`);
  return `${lines.join('\n')}\n`;
}

describe('import progress', () => {
  it('the chunked parse gives the same table as the one-shot parse, and reports rising fractions up to 1', () => {
    const csv = bigCsv();
    expect(csv.length).toBeGreaterThan(2.5 * 2 ** 20);
    const seen: number[] = [];
    const chunked = parseCsv(csv, {}, (f) => seen.push(f));
    const whole = parseCsv(csv);
    expect(chunked.table.rows.length).toBe(120_000);
    expect(chunked.table).toEqual(whole.table);
    expect(chunked.table.rows[70_000]).toEqual(['70000', '1.5', 'two\nlines, one cell', '0']);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('an unclosed quote is found at the same row in a chunked parse', () => {
    const csv = bigCsv().replace('\n90000,', '\n"90000,');
    expect(() => parseCsv(csv, {}, () => {})).toThrow(/^Row \d+ opens a quote/);
    const rowOf = (f: () => unknown) => { try { f(); } catch (e) { return (e as Error).message.split(' ')[1]; } return null; };
    expect(rowOf(() => parseCsv(csv, {}, () => {}))).toBe(rowOf(() => parseCsv(csv)));
  });

  it('importFile reports its phases in order', async () => {
    const phases: string[] = [];
    const fractions: number[] = [];
    await importFile('big.csv', text(bigCsv()), { progress: (f, p) => { fractions.push(f); if (phases[phases.length - 1] !== p) phases.push(p); } });
    expect(phases).toEqual(['decoding', 'parsing', 'profiling', 'encoding']);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(fractions[fractions.length - 1]).toBeLessThan(1);
  });
});
