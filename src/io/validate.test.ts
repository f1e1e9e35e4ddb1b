// One test per kind of bad input: the code, and the row/column the message names.
import { describe, expect, it } from 'vitest';
import { importFile } from './importFile';
import { importError, text } from './testing/expectError';
import { validateMatrix } from './validate';

describe('bad CSV input gets a specific message', () => {
  it('empty file', async () => {
    const e = await importError('empty.csv', '');
    expect(e.code).toBe('EMPTY');
    expect(e.message).toContain('empty');
  });

  it('only blank lines', async () => {
    const e = await importError('blank.csv', '\n  \n\n');
    expect(e.code).toBe('EMPTY');
  });

  it('header only', async () => {
    const e = await importError('head.csv', 'a,b,label\n');
    expect(e.code).toBe('HEADER_ONLY');
    expect(e.message).toContain('3 columns');
    expect(e.message).toContain('no data rows');
  });

  it('ragged row: names the row and both counts', async () => {
    const e = await importError('rag.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
    expect(e.code).toBe('RAGGED');
    expect(e.row).toBe(3);
    expect(e.message).toContain('Row 3 has 2 cells but the header has 3');
  });

  it('ragged row without header compares with row 1', async () => {
    const e = await importError('rag2.csv', '1,2,3\n4,5,6\n7,8,9,10\n');
    expect(e.code).toBe('RAGGED');
    expect(e.message).toContain('Row 3 has 4 cells but row 1 has 3');
  });

  it('a word among numbers makes the column categorical, with a notice naming the cell', async () => {
    const r = await importFile('nn.csv', text('a,b,label\n1,2,0\n3,x7,1\n5,6,0\n'));
    expect(r.data.featureNames).toEqual(['a', 'b=2', 'b=6', 'b=x7']);
    expect(Array.from(r.data.values)).toEqual([1, 1, 0, 0, 3, 0, 0, 1, 5, 0, 1, 0]);
    expect(r.notices).toContain('Column "b" is mostly numbers but holds "x7" (row 3), so it was read as categories.');
  });

  it('a declared numeric ARFF attribute with a word names its row and column', async () => {
    const e = await importError('nn.arff', '@relation r\n@attribute a numeric\n@attribute b numeric\n@data\n1,2\n3,x7\n5,6\n');
    expect(e.code).toBe('NON_NUMERIC');
    expect(e.row).toBe(6);
    expect(e.column).toBe('b');
    expect(e.message).toContain('Row 6, column "b" holds "x7"');
  });

  it('empty, NA and NaN cells are imputed with the median, and the notice says where', async () => {
    const r = await importFile('gap.csv', text('a,b,label\n1,2,0\n3,,1\n5,6,0\nNaN,10,0\n7,NA,0\n'));
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 6, 5, 6, 4, 10, 7, 6]);
    expect(r.notices[0]).toBe(
      'Imputed missing values (choose "drop rows" or "drop columns" to do otherwise): a: 1 cell (row 5) with the median 4; ' +
        'b: 2 cells (rows 3, 6) with the median 6.',
    );
  });

  it('Inf', async () => {
    const e = await importError('inf.csv', 'a,b\n1,2\n3,4\n5,-Inf\n');
    expect(e.code).toBe('NOT_FINITE');
    expect(e.row).toBe(4);
    expect(e.message).toContain('"-Inf"');
  });

  it('a single row', async () => {
    const e = await importError('one.csv', 'a,b\n1,2\n');
    expect(e.code).toBe('SINGLE_ROW');
    expect(e.message).toContain('only one data row (row 2)');
  });

  it('duplicate header names', async () => {
    const e = await importError('dup.csv', 'a,b,a\n1,2,3\n4,5,6\n');
    expect(e.code).toBe('DUPLICATE_HEADER');
    expect(e.column).toBe('a');
    expect(e.message).toContain('column 1 and column 3 "a"');
  });

  it('empty header name', async () => {
    const e = await importError('eh.csv', 'a,,c\n1,2,3\n4,5,6\n');
    expect(e.code).toBe('EMPTY_HEADER');
    expect(e.row).toBe(1);
    expect(e.message).toContain('column 2 no name');
  });

  it('empty first header name hints at a pandas index', async () => {
    const e = await importError('pd.csv', ',a,b\n0,1,2\n1,3,4\n');
    expect(e.code).toBe('EMPTY_HEADER');
    expect(e.message).toContain('index=False');
  });

  it('label column with more than two values lists them', async () => {
    const e = await importError('multi.csv', 'a,b,label\n1,2,0\n3,4,1\n5,6,2\n');
    expect(e.code).toBe('LABEL_NOT_BINARY');
    expect(e.column).toBe('label');
    expect(e.values).toEqual(['0', '1', '2']);
    expect(e.message).toContain('3 different values ("0", "1", "2")');
  });

  it('label column with a single anomaly-like value', async () => {
    const e = await importError('allone.csv', 'a,label\n1,1\n2,1\n');
    expect(e.code).toBe('LABEL_NOT_BINARY');
    expect(e.message).toContain('only one value, "1"');
  });

  it('label column where every row is normal loads with a notice', async () => {
    const r = await importFile('allzero.csv', text('a,label\n1,0\n2,0\n'));
    expect(Array.from(r.data.labels!)).toEqual([0, 0]);
    expect(r.notices.join(' ')).toContain('marks every row as normal');
  });

  it('two label values that say nothing: ask which means anomaly', async () => {
    const e = await importError('amb.csv', 'a,label\n1,x\n2,z\n3,x\n');
    expect(e.code).toBe('LABEL_AMBIGUOUS');
    expect(e.values).toEqual(['x', 'z']);
    expect(e.message).toContain('"x", "z"');
  });

  it('-1/1 labels are ambiguous (scikit-learn marks outliers -1)', async () => {
    const e = await importError('sk.csv', 'a,label\n1,1\n2,-1\n3,1\n');
    expect(e.code).toBe('LABEL_AMBIGUOUS');
    expect(e.values).toEqual(['-1', '1']);
  });

  it('an anomaly value the column never holds', async () => {
    const e = await importError('av.csv', 'a,label\n1,0\n2,1\n', { anomalyValue: 'yes' });
    expect(e.code).toBe('ANOMALY_VALUE_NOT_FOUND');
    expect(e.message).toContain('never holds "yes"');
  });

  it('a label column that does not exist', async () => {
    const e = await importError('lc.csv', 'a,b\n1,2\n3,4\n', { labelColumn: 'klass' });
    expect(e.code).toBe('LABEL_COLUMN_NOT_FOUND');
    expect(e.message).toContain('"a", "b"');
  });

  it('rows with an empty label cell are dropped, with a notice', async () => {
    const r = await importFile('el.csv', text('a,label\n1,0\n2,\n3,1\n'));
    expect(Array.from(r.data.values)).toEqual([1, 3]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1]);
    expect(r.notices).toContain('Dropped 1 row whose label "label" is missing (row 3).');
  });

  it('every column constant', async () => {
    const e = await importError('allc.csv', 'a,b\n1,2\n1,2\n1,2\n');
    expect(e.code).toBe('ALL_CONSTANT');
    expect(e.message).toContain('"a", "b"');
  });

  it('only a label column', async () => {
    const e = await importError('only.csv', 'label\n0\n1\n');
    expect(e.code).toBe('NO_FEATURES');
  });

  it('an unclosed quote', async () => {
    const e = await importError('q.csv', 'a,b\n1,2\n"3,4\n5,6\n');
    expect(e.code).toBe('CORRUPT');
    expect(e.row).toBe(3);
  });

  it('a file over the size limit is refused before parsing', async () => {
    const e = await importError('big.csv', 'a,b\n1,2\n3,4\n', { maxBytes: 10 });
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toContain('big.csv');
  });

  it('binary garbage in a .csv', async () => {
    const garbage = new Uint8Array(400);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 73 + 11) % 256;
    const e = await importError('garbage.csv', garbage);
    expect(e.code).toBe('BINARY_GARBAGE');
    expect(e.message).toContain('does not hold text');
  });
});

describe('validateMatrix', () => {
  it('names the row and column of an infinity in X (NaN is a missing value)', () => {
    const values = Float64Array.from([1, 2, 3, -Infinity, 5, 6]);
    expect(() =>
      validateMatrix({ matrixName: 'X', n: 3, d: 2, values, names: ['f0', 'f1'], vectors: [] }, 'm'),
    ).toThrow(/X row 2, column 2 \(f1\) is -Infinity/);
  });

  it('takes a column of X as the label when asked', () => {
    const values = Float64Array.from([1, 0, 2, 1, 3, 0]);
    const v = validateMatrix({ matrixName: 'X', n: 3, d: 2, values, names: ['f0', 'f1'], vectors: [] }, 'm', { labelColumn: 'f1' });
    expect(Array.from(v.data.values)).toEqual([1, 2, 3]);
    expect(Array.from(v.data.labels!)).toEqual([0, 1, 0]);
    expect(v.labelColumn).toBe('f1');
  });
});
