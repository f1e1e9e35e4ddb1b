// NaN in numeric matrices follows the missing-value choice; beyond the category cap, ordinal codes instead of dropping.
import { describe, expect, it } from 'vitest';
import { importFile } from '../importFile';
import { importError, text } from '../testing/expectError';
import { matV4 } from '../testing/fileWriters';
import { writeNpy, writeNpz } from '../testing/npyWriter';
import { transformMatrix } from './matrixFit';
import { transform } from './recipe';
import type { TextTable } from '../table';

// rows: [1,10,7] [2,NaN,8] [NaN,30,9] [4,40,6] [5,50,5]; medians without the NaN: f0 3, f1 35
const X = [1, 10, 7, 2, NaN, 8, NaN, 30, 9, 4, 40, 6, 5, 50, 5];
const mat = (y: number[]) => matV4([{ name: 'X', rows: 5, cols: 3, values: X }, { name: 'y', rows: 5, cols: 1, values: y }], true);
const Y = [0, 0, 1, 0, 1];

describe('NaN in a MAT or NPZ matrix is a missing value', () => {
  it('imputes each column\'s median by default, with a notice naming the cells, and the recipe keeps the fills', async () => {
    const r = await importFile('gaps.mat', mat(Y));
    expect(Array.from(r.data.values)).toEqual([1, 10, 7, 2, 35, 8, 3, 30, 9, 4, 40, 6, 5, 50, 5]);
    expect(Array.from(r.data.labels!)).toEqual(Y);
    expect(r.notices).toContain('Imputed missing values (NaN; choose "drop rows" or "drop columns" to do otherwise): f0: 1 cell (row 3) with the median 3; f1: 1 cell (row 2) with the median 35.');
    expect(r.recipe!.encoders).toEqual([
      { type: 'number', column: 'f0', fill: 3 }, { type: 'number', column: 'f1', fill: 35 }, { type: 'number', column: 'f2', fill: null },
    ]);
  });

  it('drop rows, drop columns, a "was missing" column', async () => {
    const rows = await importFile('gaps.mat', mat(Y), { missing: 'drop-rows' });
    expect(Array.from(rows.data.values)).toEqual([1, 10, 7, 4, 40, 6, 5, 50, 5]);
    expect(Array.from(rows.data.labels!)).toEqual([0, 0, 1]);
    expect(rows.notices).toContain('Dropped 2 rows with missing values (NaN) in f0 (1, row 3), f1 (1, row 2).');
    const cols = await importFile('gaps.mat', mat(Y), { missing: 'drop-columns' });
    expect(cols.data.featureNames).toEqual(['f2']);
    expect(Array.from(cols.data.values)).toEqual([7, 8, 9, 6, 5]);
    expect(cols.notices).toContain('Dropped 2 columns with missing values (NaN): f0 (1, row 3), f1 (1, row 2).');
    const ind = await importFile('gaps.mat', mat(Y), { missingIndicator: true });
    expect(ind.data.featureNames).toEqual(['f0', 'f0 (was missing)', 'f1', 'f1 (was missing)', 'f2']);
    expect(Array.from(ind.data.values.slice(5, 15))).toEqual([2, 0, 35, 1, 8, 3, 1, 30, 0, 9]);
    expect(ind.recipe!.encoders[1]).toEqual({ type: 'was-missing', column: 'f0' });
  });

  it('a row whose label is NaN is left out, and the medians come from the rows kept', async () => {
    const r = await importFile('gaps.mat', mat([0, 0, 1, NaN, 1]));
    expect(r.data.n).toBe(4);
    expect(Array.from(r.data.values)).toEqual([1, 10, 7, 2, 30, 8, 2, 30, 9, 5, 50, 5]);
    expect(r.notices).toContain('Dropped 1 row whose label "y" is NaN (missing) (row 4).');
  });

  it('the same in an .npz file; an infinity is still refused with its place', async () => {
    const npz = writeNpz({ X: writeNpy(X, [5, 3]), y: writeNpy(Y, [5]) });
    const r = await importFile('gaps.npz', npz);
    expect(Array.from(r.data.values)).toEqual([1, 10, 7, 2, 35, 8, 3, 30, 9, 4, 40, 6, 5, 50, 5]);
    const inf = writeNpz({ X: writeNpy([1, 2, Infinity, 4], [2, 2]), y: writeNpy([0, 1], [2]) });
    const e = await importError('inf.npz', inf);
    expect(e.code).toBe('NOT_FINITE');
    expect(e.message).toContain('X row 2, column 1 (f0) is Infinity');
  });

  it('a new matrix is scored with the training fills; a NaN where training had none is refused with its place', async () => {
    const r = await importFile('gaps.mat', mat(Y));
    const t = transformMatrix(Float64Array.from([NaN, NaN, 1]), 1, ['f0', 'f1', 'f2'], r.recipe!);
    expect(Array.from(t.values)).toEqual([3, 35, 1]);
    expect(() => transformMatrix(Float64Array.from([1, 2, NaN]), 1, ['f0', 'f1', 'f2'], r.recipe!)).toThrow('Row 1, column "f2" is NaN, and the model has no value');
  });
});

// size: s < m < l < xl in code-unit order is l, m, s, xl
const SIZES = 'size,weight,label\ns,1,0\nm,2,0\nl,3,0\nxl,4,1\nm,5,0\n,6,0\n';

describe('beyond the category cap: ordinal codes', () => {
  it('codes the values 0..k-1 in sorted order instead of dropping, with a notice', async () => {
    const drop = await importFile('sizes.csv', text(SIZES), { maxCategories: 3 });
    expect(drop.data.featureNames).toEqual(['weight']);
    const r = await importFile('sizes.csv', text(SIZES), { maxCategories: 3, beyondCap: 'codes' });
    expect(r.data.featureNames).toEqual(['size', 'weight']);
    // l=0, m=1, s=2, xl=3; the empty cell gets the most frequent value m
    expect(Array.from(r.data.values)).toEqual([2, 1, 1, 2, 0, 3, 3, 4, 1, 5, 1, 6]);
    expect(r.notices).toContain('Coded 1 categorical column with more values than the category cap of 3 as ordinal codes 0..k-1 (values in sorted order; meaningful when the order means something): size (4 values).');
    expect(r.recipe!.encoders[0]).toEqual({ type: 'codes', column: 'size', values: ['l', 'm', 's', 'xl'], fill: 'm' });
    const table: TextTable = { names: ['size', 'weight'], generatedNames: false, rows: [['xxl', '1'], ['s', '2']], rowNumbers: [2, 3], headerRow: 1 };
    const t = transform(table, { ...r.recipe!, encoders: [r.recipe!.encoders[0]!] });
    expect(Array.from(t.values)).toEqual([-1, 2]);
    expect(t.unseen.get('size')).toEqual({ value: 'xxl', row: 2, count: 1 });
  });

  it('codes a column with more values than the profile counts (over 1000)', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `${1000 + (i % 1500)},${i % 7},${i % 10 === 0 ? 1 : 0}`);
    const csv = `code,x,label\n${lines.join('\n')}\n`.replace(/^1000,/m, 'A1,');
    const r = await importFile('wide.csv', text(csv), { beyondCap: 'codes' });
    expect(r.profile![0]!.distinctCapped).toBe(true);
    const enc = r.recipe!.encoders[0]!;
    expect(enc.type === 'codes' && enc.values.length).toBe(1501);
    // code-unit order: '1000' ... '2499' then 'A1'
    expect(Array.from(r.data.values.slice(0, 4))).toEqual([1500, 0, 1, 1]);
  });
});
