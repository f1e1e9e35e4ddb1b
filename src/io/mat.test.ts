import { describe, expect, it } from 'vitest';
import { importFile } from './importFile';
import { isMatV5, readMatV5 } from './mat';
import { importError } from './testing/expectError';
import { writeMatV5, type MatVar } from './testing/matWriter';

// 3 x 2 data, the middle row an anomaly
const X: MatVar = { name: 'X', rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 7] };
const Y: MatVar = { name: 'y', rows: 3, cols: 1, data: [0, 1, 0] };

describe('MAT v5', () => {
  it('reads X and y from an uncompressed file, column-major to row-major', async () => {
    const bytes = writeMatV5([X, Y]);
    expect(isMatV5(bytes)).toBe(true);
    const r = await importFile('odds.mat', bytes);
    expect(r.format).toBe('mat-v5');
    expect(r.labelColumn).toBe('y');
    expect(r.data.n).toBe(3);
    expect(r.data.d).toBe(2);
    expect(r.data.featureNames).toEqual(['f0', 'f1']);
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
  });

  it('stores the matrix column by column (checked on the raw reader)', () => {
    const bytes = writeMatV5([{ name: 'X', rows: 2, cols: 3, data: [1, 2, 3, 4, 5, 6] }]);
    const m = readMatV5(bytes);
    expect(m.arrays[0]!.shape).toEqual([2, 3]);
    expect(Array.from(m.arrays[0]!.data)).toEqual([1, 2, 3, 4, 5, 6]);
    // raw bytes after the tags: 1,4,2,5,3,6 as doubles
    const view = new DataView(bytes.buffer);
    const dataStart = bytes.length - 48;
    expect([0, 1, 2, 3, 4, 5].map((i) => view.getFloat64(dataStart + 8 * i, true))).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('reads compressed (miCOMPRESSED) variables', async () => {
    const r = await importFile('odds.mat', writeMatV5([X, Y], { compress: true }));
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
  });

  it('reads big-endian files', async () => {
    const r = await importFile('be.mat', writeMatV5([X, Y], { bigEndian: true }));
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
  });

  it('reads doubles stored as uint8 (as MATLAB saves whole numbers), single, int and logical classes', async () => {
    const vars: MatVar[] = [
      { name: 'X', rows: 3, cols: 2, data: [1, 200, 3, 4, 5, 7], storeAs: 'u1' },
      { name: 'y', rows: 1, cols: 3, data: [0, 1, 0], cls: 'logical' },
    ];
    const r = await importFile('small.mat', writeMatV5(vars, { compress: true }));
    expect(Array.from(r.data.values)).toEqual([1, 200, 3, 4, 5, 7]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
    const s = await importFile('s.mat', writeMatV5([{ ...X, cls: 'single', data: [0.5, 2, 3, 4, 5, 7] }, { ...Y, cls: 'int16' }]));
    expect(Array.from(s.data.values)).toEqual([0.5, 2, 3, 4, 5, 7]);
    const i = await importFile('i.mat', writeMatV5([{ ...X, cls: 'int64', data: [-1, 2, 3, 4, 5, 7] }, { ...Y, cls: 'uint8' }]));
    expect(Array.from(i.data.values)).toEqual([-1, 2, 3, 4, 5, 7]);
  });

  it('accepts other names when there is one 2-D matrix, and says so', async () => {
    const vars: MatVar[] = [
      { name: 'data', rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 7] },
      { name: 'labels', rows: 3, cols: 1, data: [0, 0, 1] },
      { name: 'info', rows: 1, cols: 2, data: [104, 105], cls: 'char' },
    ];
    const r = await importFile('other.mat', writeMatV5(vars));
    expect(r.labelColumn).toBe('labels');
    expect(Array.from(r.data.labels!)).toEqual([0, 0, 1]);
    expect(r.notices.join(' ')).toContain('Used the matrix "data" as the data');
  });

  it('transposes X stored with samples in columns when y says so', async () => {
    const vars: MatVar[] = [
      { name: 'X', rows: 2, cols: 3, data: [1, 3, 5, 2, 4, 7] },
      { name: 'y', rows: 3, cols: 1, data: [0, 1, 0] },
    ];
    const r = await importFile('t.mat', writeMatV5(vars));
    expect(r.data.n).toBe(3);
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(r.notices.join(' ')).toContain('Transposed X');
  });

  it('loads without labels when asked', async () => {
    const r = await importFile('odds.mat', writeMatV5([X, Y]), { labelColumn: null });
    expect(r.data.labels).toBeNull();
    expect(r.labelColumn).toBeNull();
  });

  it('a file with no numeric matrix lists what it holds', async () => {
    const e = await importError('none.mat', writeMatV5([{ name: 'note', rows: 1, cols: 2, data: [104, 105], cls: 'char' }]));
    expect(e.code).toBe('NO_MATRIX');
    expect(e.message).toContain('note (char, not numeric)');
  });

  it('y with a different length than X', async () => {
    const e = await importError('mis.mat', writeMatV5([X, { name: 'y', rows: 4, cols: 1, data: [0, 1, 0, 1] }]));
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.message).toContain('X has 3 rows but y has 4 values');
  });

  it('a truncated file', async () => {
    const bytes = writeMatV5([X, Y]);
    const e = await importError('cut.mat', bytes.slice(0, bytes.length - 20));
    expect(e.code).toBe('TRUNCATED');
    expect(e.message).toContain('cut short');
  });

  it('a truncated compressed file', async () => {
    const bytes = writeMatV5([X, Y], { compress: true });
    const e = await importError('cut.mat', bytes.slice(0, 150));
    expect(e.code).toBe('TRUNCATED');
  });

  it('a file cut inside the header', async () => {
    const e = await importError('head.mat', writeMatV5([X]).slice(0, 60));
    expect(e.code).toBe('TRUNCATED');
  });

  it('a corrupt byte-order mark', async () => {
    const bytes = writeMatV5([X, Y]);
    bytes[126] = 0x41;
    bytes[127] = 0x42;
    const e = await importError('bad.mat', bytes);
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toContain('byte-order mark');
  });

  it('a corrupt compressed stream', async () => {
    const bytes = writeMatV5([X, Y], { compress: true });
    // the first compressed element's zlib header starts at 136
    bytes[136] = 0xff;
    bytes[137] = 0xff;
    const e = await importError('bad.mat', bytes);
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toContain('damaged');
  });

  it('a complex matrix is skipped and named', async () => {
    const bytes = writeMatV5([X]);
    // set the complex flag (0x08) in the array-flags word of X (offset 128 + 8 tag + 8 sub-tag)
    bytes[128 + 16 + 1] = 0x08;
    const e = await importError('cx.mat', bytes);
    expect(e.code).toBe('NO_MATRIX');
    expect(e.message).toContain('complex');
  });
});
