import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMat73 } from '../src/io/testing/mat73Writer';
import { writeMatV5 } from '../src/io/testing/matWriter';
import { convertKdd, datasetCsv, fetchDatasets, formatFloat32, parseArgs, urlFor, SOURCES, type FetchOptions } from './fetch-datasets';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// ---------- fixtures ----------

const GLASS_X = [[1.52101, 0, 0.1], [13.64, 0, -0.5], [2, 0, 3], [0.3, 0, 0]];
const GLASS_MAT = writeMatV5([{ name: 'X', rows: 4, cols: 3, data: GLASS_X.flat() }, { name: 'y', rows: 4, cols: 1, data: [0, 1, 0, 0], cls: 'uint8' }]);
// float32 numbers stored as double (like ODDS mnist/optdigits), compressed like real ODDS files
const f = Math.fround;
const CARDIO_X = [[f(0.1), 16], [f(1 / 3), -2], [0.5, 0]];
const CARDIO_MAT = writeMatV5([{ name: 'X', rows: 3, cols: 2, data: CARDIO_X.flat() }, { name: 'y', rows: 3, cols: 1, data: [1, 0, 0] }], { compress: true });
const kddLine = (proto: string, service: string, flag: string, src: string, label: string, diff: number): string =>
  ['0', proto, service, flag, src, ...Array.from({ length: 36 }, (_, j) => (j === 35 ? '0.05' : '0')), label, String(diff)].join(',');
const KDD = [
  kddLine('tcp', 'ftp_data', 'SF', '491', 'normal', 20),
  kddLine('udp', 'other', 'SF', '146', 'neptune', 15),
  kddLine('tcp', 'private', 'S0', '0', 'normal', 19),
].join('\n') + '\n';

let server: Server;
let base = '';

beforeAll(async () => {
  const files: Record<string, Uint8Array> = {
    '/glass.mat': GLASS_MAT,
    '/cardio.mat': CARDIO_MAT,
    '/KDDTrain%2B.txt': new TextEncoder().encode(KDD),
    // MATLAB v7.3 (HDF5) goes through importFile
    '/optdigits.mat': await writeMat73([{ name: 'X', rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 7] }, { name: 'y', rows: 3, cols: 1, data: [0, 0, 1] }]),
  };
  server = createServer((req, res) => {
    const body = files[req.url!];
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const opts = (patch: Partial<FetchOptions>): FetchOptions => ({
  out: mkdtempSync(join(tmpdir(), 'fetch-')), only: null, baseUrl: base, check: false, codes: 'first', log: () => {}, ...patch,
});

describe('fetchDatasets against a local server', () => {
  it('converts an uncompressed v5 .mat, keeping the constant column; uint8 y', async () => {
    const o = opts({ only: ['glass'] });
    const [r] = await fetchDatasets(o);
    expect(r).toMatchObject({ name: 'glass', ok: true, rows: 4, features: 3, anomalies: 1, url: `${base}/glass.mat` });
    expect(readFileSync(join(o.out, 'glass.csv'), 'utf8')).toBe('f0,f1,f2,label\n1.52101,0,0.1,0\n13.64,0,-0.5,1\n2,0,3,0\n0.3,0,0,0\n');
  });

  it('converts a compressed v5 .mat of float32 numbers to the shortest float32 decimals', async () => {
    const o = opts({ only: ['cardio'] });
    const [r] = await fetchDatasets(o);
    expect(r!.ok).toBe(true);
    expect(readFileSync(join(o.out, 'cardio.csv'), 'utf8')).toBe('f0,f1,label\n0.1,16,1\n0.33333334,-2,0\n0.5,0,0\n');
  });

  it('converts a v7.3 (HDF5) .mat through importFile', async () => {
    const o = opts({ only: ['optdigits'] });
    const [r] = await fetchDatasets(o);
    expect(r).toMatchObject({ ok: true, rows: 3, features: 2, anomalies: 1 });
    expect(readFileSync(join(o.out, 'optdigits.csv'), 'utf8')).toBe('f0,f1,label\n1,2,0\n3,4,0\n5,7,1\n');
  });

  it('converts KDDTrain+.txt: codes by first appearance, normal = 0, difficulty dropped; writes the codes', async () => {
    const o = opts({ only: ['nslkdd'] });
    const [r] = await fetchDatasets(o);
    expect(r).toMatchObject({ ok: true, rows: 3, features: 41, anomalies: 1, url: `${base}/KDDTrain%2B.txt` });
    const lines = readFileSync(join(o.out, 'nslkdd.csv'), 'utf8').trim().split('\n');
    expect(lines[0]!.split(',').slice(0, 5)).toEqual(['duration', 'protocol_type', 'service', 'flag', 'src_bytes']);
    expect(lines[0]!.split(',')).toHaveLength(42);
    expect(lines[1]!.split(',').slice(0, 5)).toEqual(['0', '0', '0', '0', '491']);
    expect(lines[2]!.split(',').slice(0, 5)).toEqual(['0', '1', '1', '0', '146']);
    expect(lines[3]!.split(',').slice(0, 5)).toEqual(['0', '0', '2', '1', '0']);
    expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(['0', '1', '0']);
    expect(lines[1]!.split(',')[40]).toBe('0.05'); // last feature, before the label; the difficulty (20) is gone
    const codes = JSON.parse(readFileSync(join(o.out, 'nslkdd.codes.json'), 'utf8'));
    expect(codes).toEqual({ order: 'first', codes: { protocol_type: { tcp: 0, udp: 1 }, service: { ftp_data: 0, other: 1, private: 2 }, flag: { SF: 0, S0: 1 } } });
  });

  it('a 404 gives a clear error naming the URL, and the other datasets still convert', async () => {
    const o = opts({ only: ['arrhythmia', 'glass'] });
    const [a, g] = await fetchDatasets(o);
    expect(a!.ok).toBe(false);
    expect(a!.detail).toBe(`Download of arrhythmia failed: HTTP 404 Not Found for ${base}/arrhythmia.mat.`);
    expect(g!.ok).toBe(true);
  });

  it('a file whose shape differs from the published one is refused unless --no-check', async () => {
    const [r] = await fetchDatasets(opts({ only: ['glass'], check: true }));
    expect(r!.ok).toBe(false);
    expect(r!.detail).toContain('glass from');
    expect(r!.detail).toContain('is 4 x 3 with 1 anomalies, but the published data is 214 x 9 with 9');
  });

  it('a server that is not there gives a clear error', async () => {
    const [r] = await fetchDatasets(opts({ only: ['glass'], baseUrl: 'http://127.0.0.1:9' }));
    expect(r!.ok).toBe(false);
    expect(r!.detail).toMatch(/^Could not download glass from http:\/\/127\.0\.0\.1:9\/glass\.mat: .+Check the internet connection or pass --base-url\.$/);
  });

  it('runs as a command: exit code 1 when one download fails, the summary says so', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fetch-cli-'));
    const run = promisify(execFile);
    const err = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/fetch-datasets.ts', '--base-url', base, '--only', 'glass,arrhythmia', '--no-check', '--out', out], { cwd: ROOT })
      .then(() => null, (e: { code: number; stdout: string }) => e);
    expect(err!.code).toBe(1);
    expect(err!.stdout).toContain('fetch-datasets: 1 converted, 1 failed.');
    expect(readFileSync(join(out, 'glass.csv'), 'utf8').split('\n')[0]).toBe('f0,f1,f2,label');
  });
});

describe('conversion helpers', () => {
  it('convertKdd sorted codes follow byte order (sklearn LabelEncoder)', () => {
    const r = convertKdd(KDD, 'sorted');
    expect(r.codes.flag).toEqual({ S0: 0, SF: 1 });
    expect(r.data.values[3]).toBe(1); // first row flag SF
  });

  it('convertKdd rejects wrong field counts and non-numeric cells with line and column', () => {
    expect(() => convertKdd('1,2,3\n')).toThrow('KDD line 1 has 3 fields; expected 43');
    expect(() => convertKdd(kddLine('tcp', 'http', 'SF', 'abc', 'normal', 1))).toThrow('KDD line 1, column 5 (src_bytes): "abc" is not a number.');
    expect(() => convertKdd('\n\n')).toThrow('KDDTrain+.txt is empty.');
  });

  it('formatFloat32 gives the shortest decimal that rounds to the float32', () => {
    expect(formatFloat32(f(0.1))).toBe('0.1');
    expect(formatFloat32(f(1 / 3))).toBe('0.33333334');
    expect(formatFloat32(-0)).toBe('0');
    expect(formatFloat32(254)).toBe('254');
    expect(formatFloat32(f(-137.5))).toBe('-137.5');
  });

  it('datasetCsv uses float64 decimals when some value is not a float32 number', () => {
    const csv = datasetCsv({ name: 't', n: 1, d: 2, values: new Float64Array([0.1, f(0.1)]), labels: new Uint8Array([1]), featureNames: ['a', 'b'] });
    expect(csv).toBe('a,b,label\n0.1,0.10000000149011612,1\n');
  });

  it('urlFor encodes the file name and trims slashes', () => {
    const kdd = SOURCES.find((s) => s.name === 'nslkdd')!;
    expect(urlFor(kdd, 'http://h/x/')).toBe('http://h/x/KDDTrain%2B.txt');
    expect(urlFor(kdd, null)).toBe('https://raw.githubusercontent.com/defcom17/NSL_KDD/master/KDDTrain%2B.txt');
  });
});

describe('parseArgs', () => {
  it('has defaults and reads every option', () => {
    const d = parseArgs([]);
    expect(d).toMatchObject({ only: null, baseUrl: null, check: true, codes: 'first' });
    expect(d.out).toBe(join(ROOT, 'datasets'));
    const o = parseArgs(['--out', '/tmp/x', '--only', 'glass,nslkdd', '--base-url', 'http://127.0.0.1:1', '--codes', 'sorted', '--no-check']);
    expect(o).toMatchObject({ out: '/tmp/x', only: ['glass', 'nslkdd'], baseUrl: 'http://127.0.0.1:1', check: false, codes: 'sorted' });
  });

  it('rejects bad options with a clear message', () => {
    expect(() => parseArgs(['--only', 'kdd99'])).toThrow('Unknown dataset kdd99; choose from arrhythmia, cardio, mnist, optdigits, ionosphere, glass, nslkdd.');
    expect(() => parseArgs(['--base-url', 'ftp://x'])).toThrow('--base-url must start with http:// or https://');
    expect(() => parseArgs(['--out'])).toThrow('--out needs a value.');
    expect(() => parseArgs(['--codes', 'random'])).toThrow('--codes must be "first" or "sorted"');
    expect(() => parseArgs(['--frobnicate'])).toThrow('Unknown option "--frobnicate".');
  });
});
