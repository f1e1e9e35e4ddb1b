// Real-world files through the one import path: exact matrices, column names and notices for each format.
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile } from '../importFile';
import { importError, text } from '../testing/expectError';
import { matV4 } from '../testing/fileWriters';
import { COMMENTS, L, SENSOR_ARFF, SHOP_CSV } from '../testing/fixtures';

describe('ARFF as Weka writes it', () => {
  it('finds @relation after a 5 KB comment block and reads nominal, string, date, sparse and ? cells', async () => {
    expect(COMMENTS.length).toBeGreaterThan(5 * 1024);
    const r = await importFile('sensor.arff', text(SENSOR_ARFF));
    expect(r.format).toBe('arff');
    expect(r.labelColumn).toBe('class');
    expect(r.anomalyValue).toBe('fault');
    expect(r.data.featureNames).toEqual(['temp C', 'mode=auto', 'mode=manual', 'mode=off', 'door']);
    expect(Array.from(r.data.values)).toEqual([
      21.5, 1, 0, 0, 1,
      23, 0, 1, 0, 0,
      23, 1, 0, 0, 1,
      24, 0, 0, 1, 1,
    ]);
    expect(Array.from(r.data.labels!)).toEqual([0, 0, 1, 0]);
    expect(r.notices).toEqual([
      `Imputed missing values (choose "drop rows" or "drop columns" to do otherwise): temp C: 1 cell (row ${L + 12}) with the median 23; ` +
        `mode: 1 cell (row ${L + 13}) with the most frequent value "auto".`,
      'One-hot encoded 1 categorical column (names column=value): mode (3 values).',
      'Read 1 yes/no column as 0/1: door (1 = yes).',
      'Dropped 1 text or id column: note (4 values).',
      'Left out 1 date column: when. Include it to use it as seconds since 1970.',
    ]);
    expect(r.profile!.map((p) => [p.name, p.kind, p.missing])).toEqual([
      ['temp C', 'numeric', 1], ['mode', 'categorical', 1], ['note', 'text', 0], ['when', 'date', 0], ['door', 'boolean', 0], ['class', 'categorical', 0],
    ]);
  });

  it('a date column, once included, is seconds since 1970 (UTC)', async () => {
    const r = await importFile('sensor.arff', text(SENSOR_ARFF), { include: ['when'], exclude: ['mode', 'door'] });
    expect(r.data.featureNames).toEqual(['temp C', 'when']);
    expect(Array.from(r.data.values)).toEqual([21.5, 1704067200, 23, 1704153600, 23, 1704283200, 24, 1704326400]);
    expect(r.notices).toContain('Read 1 date column as seconds since 1970 (UTC): when.');
    expect(r.notices).toContain('Excluded by choice: mode, door.');
  });
});

describe('CSV with categories, empty cells and a constant column', () => {
  it('imputes by default, one-hot encodes, reads yes/no as 0/1 and names every column touched', async () => {
    const r = await importFile('shop.csv', text(SHOP_CSV), { exclude: ['id'] });
    expect(r.data.featureNames).toEqual(['color=blue', 'color=green', 'color=red', 'size', 'flag', 'reading']);
    expect(Array.from(r.data.values)).toEqual([
      0, 0, 1, 1.5, 1, 0.5,
      1, 0, 0, 2.5, 0, 0.7,
      0, 0, 1, 2.5, 1, 0.7,
      0, 1, 0, 3.5, 0, 0.9,
    ]);
    expect(Array.from(r.data.labels!)).toEqual([0, 0, 1, 0]);
    expect(r.notices).toEqual([
      'Imputed missing values (choose "drop rows" or "drop columns" to do otherwise): size: 1 cell (row 4) with the median 2.5; reading: 1 cell (row 3) with the median 0.7.',
      'One-hot encoded 1 categorical column (names column=value): color (3 values).',
      'Read 1 yes/no column as 0/1: flag (1 = yes).',
      'Dropped 1 constant column: const.',
      'Excluded by choice: id.',
    ]);
    expect(r.recipe!.encoders.map((e) => e.type)).toEqual(['onehot', 'number', 'boolean', 'number']);
  });

  it('drop rows / drop columns / a "was missing" indicator', async () => {
    const rows = await importFile('shop.csv', text(SHOP_CSV), { exclude: ['id'], missing: 'drop-rows' });
    expect(Array.from(rows.data.values)).toEqual([0, 0, 1, 1.5, 1, 0.5, 0, 1, 0, 3.5, 0, 0.9]);
    expect(Array.from(rows.data.labels!)).toEqual([0, 0]);
    expect(rows.notices[0]).toBe('Dropped 2 rows with missing values in size (1, row 4), reading (1, row 3).');
    const cols = await importFile('shop.csv', text(SHOP_CSV), { exclude: ['id'], missing: 'drop-columns' });
    expect(cols.data.featureNames).toEqual(['color=blue', 'color=green', 'color=red', 'flag']);
    expect(cols.notices[0]).toBe('Dropped 2 columns with missing values: size (1 missing, row 4), reading (1 missing, row 3).');
    const ind = await importFile('shop.csv', text(SHOP_CSV), { exclude: ['id'], missingIndicator: true });
    expect(ind.data.featureNames).toEqual(['color=blue', 'color=green', 'color=red', 'size', 'size (was missing)', 'flag', 'reading', 'reading (was missing)']);
    expect(Array.from(ind.data.values.slice(8, 16))).toEqual([1, 0, 0, 2.5, 0, 0, 0.7, 1]);
  });

  it('a category cap below a column\'s values drops it with a notice', async () => {
    const r = await importFile('shop.csv', text(SHOP_CSV), { exclude: ['id'], maxCategories: 2 });
    expect(r.data.featureNames).toEqual(['size', 'flag', 'reading']);
    expect(r.notices).toContain('Dropped 1 categorical column with more values than the category cap of 2: color (3 values). Raise the cap to one-hot encode it, or choose ordinal codes.');
  });

  it('any column can be the label, a text one included, with the anomaly or the normal value', async () => {
    const a = await importFile('shop.csv', text(SHOP_CSV), { labelColumn: 'color', anomalyValue: 'green', exclude: ['id', 'label'] });
    expect(Array.from(a.data.labels!)).toEqual([0, 0, 0, 1]);
    const b = await importFile('shop.csv', text(SHOP_CSV), { labelColumn: 'color', normalValue: 'red', exclude: ['id', 'label'] });
    expect(Array.from(b.data.labels!)).toEqual([0, 1, 0, 1]);
    expect(b.data.featureNames).toEqual(['size', 'flag', 'reading']);
  });

  it('gzip-compressed text reads the same', async () => {
    const plain = await importFile('shop.csv', text(SHOP_CSV), { exclude: ['id'] });
    const gz = await importFile('shop.csv.gz', gzipSync(text(SHOP_CSV)), { exclude: ['id'] });
    expect(Array.from(gz.data.values)).toEqual(Array.from(plain.data.values));
    expect(gz.notices).toEqual(['Unpacked shop.csv.gz.', ...plain.notices]);
  });
});

describe('whitespace-separated text (UCI .data / .txt)', () => {
  it('splits on runs of spaces and tabs', async () => {
    const r = await importFile('uci.data', text('  1.0   2.0  0\n  3.5\t4.0   1\n 5 6 0\n\n 7 8 0\n'));
    expect(r.format).toBe('txt');
    expect(r.delimiter).toBe(' ');
    expect(r.data.featureNames).toEqual(['f0', 'f1']);
    expect(Array.from(r.data.values)).toEqual([1, 2, 3.5, 4, 5, 6, 7, 8]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0, 0]);
  });
});

describe('MATLAB v4', () => {
  const vars = (p: number) => [
    { name: 'X', rows: 3, cols: 2, values: [1, 2, 3, 4, 5, 6], precision: p },
    { name: 'y', rows: 3, cols: 1, values: [0, 1, 0] },
  ];
  it.each([[true, 0], [false, 0], [true, 3], [false, 1]])('little-endian %s, precision %i', async (le, p) => {
    const r = await importFile('v4.mat', matV4(vars(p), le));
    expect(r.format).toBe('mat-v4');
    expect(r.data.n).toBe(3);
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
  });
});

describe('files in formats it does not read say so and what to do', () => {
  it('a .mat that is no MATLAB version', async () => {
    const bytes = new Uint8Array(64).map((_, i) => (i * 37 + 11) % 256);
    const e = await importError('odd.mat', bytes);
    expect(e.message).toContain('none of the MATLAB formats this page reads (v4, v5/v6/v7 and v7.3)');
    expect(e.message).not.toContain('it is damaged or a different kind');
  });
  it('an SQLite database', async () => {
    const e = await importError('t.db', new Uint8Array([...text('SQLite format 3\0'), 1, 0, 0, 0]));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.message).toContain('SQLite database. Export the table as CSV');
  });
});
