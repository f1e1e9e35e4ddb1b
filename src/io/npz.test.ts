import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { importFile } from './importFile';
import { readNpy } from './npy';
import { importError, text } from './testing/expectError';
import { writeNpy, writeNpz } from './testing/npyWriter';

const X = [1, 2, 3, 4, 5, 7];

describe('.npy', () => {
  it('reads v1 little-endian float64 in C order', () => {
    const a = readNpy(writeNpy(X, [3, 2]), 'X');
    expect(a.shape).toEqual([3, 2]);
    expect(Array.from(a.data)).toEqual(X);
  });
  it('reads Fortran order back into C order', () => {
    const a = readNpy(writeNpy(X, [3, 2], { fortran: true }), 'X');
    expect(Array.from(a.data)).toEqual(X);
    const b = readNpy(writeNpy([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [2, 3, 2], { fortran: true }), 'X');
    expect(Array.from(b.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
  it('reads big-endian, float32, int64, uint8, bool and v2/v3 headers', () => {
    expect(Array.from(readNpy(writeNpy(X, [3, 2], { descr: '>f8' }), 'X').data)).toEqual(X);
    expect(Array.from(readNpy(writeNpy([0.5, -2], [2], { descr: '<f4' }), 'X').data)).toEqual([0.5, -2]);
    expect(Array.from(readNpy(writeNpy([-3, 9], [2], { descr: '<i8' }), 'X').data)).toEqual([-3, 9]);
    expect(Array.from(readNpy(writeNpy([0, 255], [2], { descr: '|u1' }), 'X').data)).toEqual([0, 255]);
    expect(Array.from(readNpy(writeNpy([1, 0], [2], { descr: '|b1' }), 'X').data)).toEqual([1, 0]);
    expect(Array.from(readNpy(writeNpy(X, [3, 2], { version: 2 }), 'X').data)).toEqual(X);
    expect(Array.from(readNpy(writeNpy(X, [3, 2], { version: 3, descr: '>i4' }), 'X').data)).toEqual(X);
  });
  it('refuses object arrays with a reason', () => {
    const bytes = writeNpy([0, 0], [2]);
    const s = new TextDecoder('latin1').decode(bytes).replace("'<f8'", "'|O' ");
    const e = (() => {
      try {
        readNpy(Uint8Array.from(s, (c) => c.charCodeAt(0)), 'y');
      } catch (err) {
        return err as { code: string; message: string };
      }
      return null;
    })();
    expect(e?.code).toBe('UNSUPPORTED');
    expect(e?.message).toContain('allow_pickle');
  });
});

describe('.npz (ADBench)', () => {
  it('reads X.npy and y.npy', async () => {
    const npz = writeNpz({ X: writeNpy(X, [3, 2]), y: writeNpy([0, 1, 0], [3], { descr: '<i8' }) });
    const r = await importFile('adbench.npz', npz);
    expect(r.format).toBe('npz');
    expect(r.labelColumn).toBe('y');
    expect(Array.from(r.data.values)).toEqual(X);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
  });

  it('reads a compressed npz with float32 X and bool y', async () => {
    const npz = writeNpz({ X: writeNpy(X, [3, 2], { descr: '<f4' }), y: writeNpy([1, 0, 0], [3], { descr: '|b1' }) }, true);
    const r = await importFile('c.npz', npz);
    expect(Array.from(r.data.values)).toEqual(X);
    expect(Array.from(r.data.labels!)).toEqual([1, 0, 0]);
  });

  it('flattens (n, h, w) images and keeps their shape', async () => {
    const imgs = Array.from({ length: 3 * 2 * 2 }, (_, i) => i);
    const r = await importFile('img.npz', writeNpz({ X: writeNpy(imgs, [3, 2, 2]), y: writeNpy([0, 0, 1], [3]) }));
    expect(r.data.d).toBe(4);
    expect(r.data.kind).toEqual({ type: 'image', shape: [2, 2] });
    expect(Array.from(r.data.values.subarray(0, 4))).toEqual([0, 1, 2, 3]);
  });

  it('a truncated npz (no zip end record)', async () => {
    const npz = writeNpz({ X: writeNpy(X, [3, 2]), y: writeNpy([0, 1, 0], [3]) });
    const e = await importError('cut.npz', npz.slice(0, Math.floor(npz.length / 2)));
    expect(e.code).toBe('TRUNCATED');
    expect(e.message).toContain('cut short');
  });

  it('a corrupt zip', async () => {
    const npz = writeNpz({ X: writeNpy(X, [3, 2]), y: writeNpy([0, 1, 0], [3]) }, true);
    // wipe the packed data of the first entry but keep the zip's records
    npz.fill(0xff, 40, 100);
    const e = await importError('bad.npz', npz);
    expect(e.code).toBe('CORRUPT');
  });

  it('an npy inside the zip that is cut short', async () => {
    const full = writeNpy(X, [3, 2]);
    const e = await importError('short.npz', writeNpz({ X: full.slice(0, full.length - 8), y: writeNpy([0, 1, 0], [3]) }));
    expect(e.code).toBe('TRUNCATED');
    expect(e.message).toContain('The array X is cut short');
  });

  it('a zip that unpacks past the size limit', async () => {
    const npz = writeNpz({ X: writeNpy(new Array(1000).fill(1), [500, 2]), y: writeNpy([0, 1], [2]) }, true);
    const e = await importError('bomb.npz', npz, { maxBytes: 4000 });
    expect(e.code).toBe('TOO_LARGE');
  });

  it('a plain .npy file', async () => {
    const r = await importFile('x.npy', writeNpy(X, [3, 2]));
    expect(r.format).toBe('npy');
    expect(r.data.labels).toBeNull();
    expect(Array.from(r.data.values)).toEqual(X);
  });

  it('a zip holding one CSV is read with a notice', async () => {
    const zip = zipSync({ 'data/tiny.csv': text('a,label\n1,0\n2,1\n3,0\n') });
    const r = await importFile('tiny.zip', zip);
    expect(r.format).toBe('csv');
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
    expect(r.notices[0]).toBe('Read data/tiny.csv from the zip archive tiny.zip.');
  });

  it('a zip with several data files asks which one', async () => {
    const zip = zipSync({ 'a.csv': text('a\n1\n2\n'), 'b.csv': text('a\n1\n2\n') });
    const e = await importError('two.zip', zip);
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.values).toEqual(['a.csv', 'b.csv']);
  });

  it('an Excel workbook gets a save-as-CSV hint', async () => {
    const zip = zipSync({ '[Content_Types].xml': text('<x/>'), 'xl/workbook.xml': text('<x/>') });
    const e = await importError('book.xlsx', zip);
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.message).toContain('Save the sheet as CSV');
  });
});
