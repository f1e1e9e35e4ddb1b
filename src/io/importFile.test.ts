import { describe, expect, it, vi } from 'vitest';
import { ImportError } from './errors';
import { importFile } from './importFile';
import { text } from './testing/expectError';

// records whether anything imported h5wasm (the CSV path must not: it is 4 MB)
const h5 = vi.hoisted(() => ({ loaded: false }));
vi.mock('h5wasm', () => {
  h5.loaded = true;
  return {};
});

describe('importFile', () => {
  it('reads CSV without loading the HDF5 library', async () => {
    const r = await importFile('a.csv', text('a,b,label\n1,2,0\n3,4,1\n'));
    expect(r.data.n).toBe(2);
    expect(h5.loaded).toBe(false);
  });

  it('several bad files in a row, then a good one: each fails alone and the good one loads', async () => {
    const bad: Array<[string, string, string]> = [
      ['empty.csv', '', 'EMPTY'],
      ['ragged.csv', 'a,b\n1,2\n3\n', 'RAGGED'],
      ['inf.csv', 'a,b\n1,2\n3,inf\n', 'NOT_FINITE'],
      ['page.mat', '<html></html>', 'WRONG_EXTENSION'],
    ];
    for (const [name, body, code] of bad) {
      await expect(importFile(name, text(body))).rejects.toMatchObject({ code, name: 'ImportError' });
    }
    const r = await importFile('good.csv', text('a,b,label\n1,2,0\n3,4,1\n5,5,0\n'));
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
    expect(r.notices).toEqual([]);
  });

  it('errors are ImportError instances with a code, a message and no HTML', async () => {
    const e = await importFile('<b>x</b>.csv', text('<b>a</b>,b\n1,2\n3,-inf\n')).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('NOT_FINITE');
    expect((e as ImportError).column).toBe('b');
  });

  it('loads a 20 000-row CSV quickly', async () => {
    const lines = ['a,b,c,label'];
    for (let i = 0; i < 20000; i++) lines.push(`${i % 97},${(i * 7) % 13}.5,${-i},${i % 10 === 0 ? 1 : 0}`);
    const t0 = performance.now();
    const r = await importFile('big.csv', text(lines.join('\n')));
    expect(r.data.n).toBe(20000);
    expect(r.data.labels!.reduce((s, v) => s + v, 0)).toBe(2000);
    expect(r.data.values[3 * 3 + 1]).toBe(8.5); // row 3: (21 % 13).5
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
