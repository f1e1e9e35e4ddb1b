import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { binaryShare, decodeText, detectFormat, extensionOf } from './detect';
import { importFile } from './importFile';
import { importError, text } from './testing/expectError';
import { writeMatV5 } from './testing/matWriter';
import { writeNpy, writeNpz } from './testing/npyWriter';

const MAT = writeMatV5([
  { name: 'X', rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 7] },
  { name: 'y', rows: 3, cols: 1, data: [0, 1, 0] },
]);

describe('detectFormat', () => {
  it('knows formats by their first bytes', () => {
    expect(detectFormat('a.mat', MAT).kind).toBe('mat-v5');
    expect(detectFormat('a.npz', writeNpz({ X: writeNpy([1], [1]) })).kind).toBe('zip');
    expect(detectFormat('a.npy', writeNpy([1], [1])).kind).toBe('npy');
    expect(detectFormat('a.csv', text('a,b\n1,2\n')).kind).toBe('text');
    expect(detectFormat('a.arff', text('% c\n@RELATION r\n')).kind).toBe('arff');
    expect(detectFormat('a.txt', text('@relation r\n@attribute a numeric\n')).kind).toBe('arff');
    expect(detectFormat('a.csv.gz', gzipSync(text('a\n1\n'))).kind).toBe('gzip');
  });

  it('says when the extension does not match the content', () => {
    const d = detectFormat('data.csv', MAT);
    expect(d.kind).toBe('mat-v5');
    expect(d.notices[0]).toBe('data.csv is named .csv but holds a MATLAB v5 .mat file; it was read as such.');
  });

  it('extensionOf', () => {
    expect(extensionOf('a/b/C.CSV')).toBe('csv');
    expect(extensionOf('noext')).toBe('');
  });

  it('binaryShare counts control bytes but not tabs and line ends', () => {
    expect(binaryShare(text('a\tb\r\n1\t2\n'))).toBe(0);
    expect(binaryShare(Uint8Array.from([0, 65, 1, 66]))).toBe(0.5);
  });

  it('decodeText strips a UTF-8 BOM', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
  });
});

describe('wrong extensions and foreign files', () => {
  it('a zip named .csv is read by its content, with a notice', async () => {
    const npz = writeNpz({ X: writeNpy([1, 2, 3, 4, 5, 7], [3, 2]), y: writeNpy([0, 1, 0], [3]) });
    const r = await importFile('adbench.csv', npz);
    expect(r.format).toBe('npz');
    expect(r.notices[0]).toContain('named .csv but holds a zip archive');
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
  });

  it('a web page saved as .mat', async () => {
    const e = await importError('ionosphere.mat', '<!DOCTYPE html><html><body>Not found</body></html>');
    expect(e.code).toBe('WRONG_EXTENSION');
    expect(e.message).toContain('web page (HTML)');
  });

  it('a CSV named .npz', async () => {
    const e = await importError('x.npz', 'a,b\n1,2\n');
    expect(e.code).toBe('WRONG_EXTENSION');
    expect(e.message).toContain('rename it to .csv');
  });

  it('binary bytes named .mat are called damaged', async () => {
    const e = await importError('x.mat', Uint8Array.from({ length: 300 }, (_, i) => (i * 31) % 7));
    expect(e.code).toBe('CORRUPT');
  });

  it('an old Excel file', async () => {
    const e = await importError('x.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.message).toContain('Save it as CSV');
  });

  it('a gzip-compressed CSV is unpacked', async () => {
    const r = await importFile('digits.csv.gz', gzipSync(text('a,b,label\n1,2,0\n3,4,1\n')));
    expect(r.format).toBe('csv');
    expect(r.data.name).toBe('digits');
    expect(r.notices[0]).toBe('Unpacked digits.csv.gz.');
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4]);
  });

  it('a truncated gzip', async () => {
    const gz = gzipSync(text('a,b,label\n'.repeat(200)));
    const e = await importError('cut.csv.gz', gz.slice(0, gz.length - 12));
    expect(e.code).toBe('TRUNCATED');
  });

  it('a 0-byte .mat', async () => {
    const e = await importError('z.mat', new Uint8Array(0));
    expect(e.code).toBe('EMPTY');
    expect(e.message).toContain('z.mat is empty');
  });
});
