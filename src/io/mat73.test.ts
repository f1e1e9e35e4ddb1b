import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';
import { importFile } from './importFile';
import { importError } from './testing/expectError';
import { writeMat73 } from './testing/mat73Writer';

describe('MAT v7.3 (HDF5)', () => {
  it('reads X and y stored transposed as MATLAB does', async () => {
    const bytes = await writeMat73([
      { name: 'X', rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 7] },
      { name: 'y', rows: 3, cols: 1, data: [0, 1, 0], cls: 'logical' },
    ]);
    expect(detectFormat('odds.mat', bytes).kind).toBe('mat-v7.3');
    const r = await importFile('odds.mat', bytes);
    expect(r.format).toBe('mat-v7.3');
    expect(r.data.n).toBe(3);
    expect(r.data.d).toBe(2);
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
    expect(r.labelColumn).toBe('y');
  });

  it('reads a non-square X whose HDF5 shape is reversed', async () => {
    const bytes = await writeMat73([
      { name: 'X', rows: 4, cols: 3, data: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13] },
      { name: 'y', rows: 4, cols: 1, data: [0, 0, 1, 0] },
    ]);
    const r = await importFile('w.mat', bytes);
    expect(r.data.n).toBe(4);
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
    expect(Array.from(r.data.labels!)).toEqual([0, 0, 1, 0]);
  });

  it('a truncated v7.3 file', async () => {
    const bytes = await writeMat73([{ name: 'X', rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 7] }]);
    const e = await importError('cut.mat', bytes.slice(0, 900));
    expect(e.code).toBe('TRUNCATED');
    expect(e.message).toContain('cut short');
  });

  it('a damaged v7.3 file', async () => {
    const bytes = await writeMat73([{ name: 'X', rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 7] }]);
    // keep the header and signature, wipe the superblock fields after them
    bytes.fill(0xee, 512 + 8, 512 + 200);
    const e = await importError('bad.mat', bytes);
    expect(e.code).toBe('CORRUPT');
  });
});
