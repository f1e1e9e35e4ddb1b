// The command line's --dataset and import flags give the same matrix, names and notices as the lab's import of the file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuBackend } from '../src/engine/testing';
import { Session, makeConfig, simulatedOracle } from '../src/engine/session';
import { importFile, type ImportOptions } from '../src/io/importFile';
import { matV4 } from '../src/io/testing/fileWriters';
import { SENSOR_ARFF, SHOP_CSV, nslKddLike } from '../src/io/testing/fixtures';
import { parseArgs } from './args';
import { PAPER_PROTOCOL, loadDataset } from './load-dataset';
import { importBundled } from '../src/io/bundled';
import { parseManifest } from '../src/io/catalogue';
import { PREP_FLAGS, prepOptions } from './prep-args';

beforeAll(cpuBackend);
const dir = mkdtempSync(join(tmpdir(), 'svdd-load-'));
const enc = (s: string) => new TextEncoder().encode(s);
const V4 = matV4([{ name: 'X', rows: 3, cols: 2, values: [1, 2, 3, 4, 5, 6] }, { name: 'y', rows: 3, cols: 1, values: [0, 1, 0] }], false);

const GAPS = matV4([{ name: 'X', rows: 4, cols: 2, values: [1, NaN, 3, 4, NaN, 6, 7, 8] }, { name: 'y', rows: 4, cols: 1, values: [0, 1, 0, 0] }], true);

const CASES: Array<[string, Uint8Array, string[], ImportOptions]> = [
  ['sensor.arff', enc(SENSOR_ARFF), ['--include', 'when', '--drop', 'door'], { include: ['when'], exclude: ['door'] }],
  ['shop.csv', enc(SHOP_CSV), ['--drop', 'id', '--missing', 'drop-rows'], { exclude: ['id'], missing: 'drop-rows' }],
  ['shop.csv.gz', gzipSync(enc(SHOP_CSV)), ['--label', 'color', '--normal', 'red', '--drop', 'id,label', '--max-categories', '3'],
    { labelColumn: 'color', normalValue: 'red', exclude: ['id', 'label'], maxCategories: 3 }],
  ['uci.data', enc('1 2 0\n3 4 1\n5  6 0\n'), [], {}],
  ['be.mat', V4, [], {}],
  ['gaps.mat', GAPS, ['--missing', 'drop-rows'], { missing: 'drop-rows' }],
  ['gaps.mat', GAPS, ['--missing-indicator', '1'], { missingIndicator: true }],
  ['sizes.csv', enc('size,k,label\ns,1,0\nm,1,0\nl,1,0\nxl,1,1\nm,1,0\n'), ['--max-categories', '3', '--beyond-cap', 'codes'], { maxCategories: 3, beyondCap: 'codes' }],
];

describe('--dataset with the import flags', () => {
  it.each(CASES)('%s: the same as the lab', async (name, bytes, argv, labOptions) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const notes: string[] = [];
    const cli = await loadDataset(path, prepOptions(parseArgs(argv, PREP_FLAGS)), (s) => notes.push(s));
    const lab = await importFile(name, bytes, labOptions);
    expect(Array.from(cli.values)).toEqual(Array.from(lab.data.values));
    expect(cli.featureNames).toEqual(lab.data.featureNames);
    expect(cli.labels && Array.from(cli.labels)).toEqual(lab.data.labels && Array.from(lab.data.labels));
    expect(notes).toEqual(lab.notices.map((n) => `note: ${n}`));
    expect(cli.prep!.recipe).toEqual(lab.recipe ?? null);
  });

  it.each([['ionosphere'], ['optdigits-lite']])('the bundled %s: the lab\'s matrix (constant columns dropped, image pixels kept)', async (name) => {
    const manifest = parseManifest(JSON.parse(readFileSync('public/datasets/manifest.json', 'utf8')));
    const entry = manifest.datasets.find((d) => d.name === name)!;
    const lab = importBundled(readFileSync(`public/datasets/${entry.file}`, 'utf8'), entry);
    const cli = await loadDataset(name, prepOptions(parseArgs([], PREP_FLAGS)), () => {});
    expect(cli.d).toBe(entry.features);
    expect(Array.from(cli.values)).toEqual(Array.from(lab.raw.values));
    expect(cli.kind).toEqual(entry.kind);
  });

  it('refuses bad flag values with the flag named', () => {
    expect(() => prepOptions({ 'beyond-cap': 'keep' })).toThrow('--beyond-cap must be one of drop, codes (got keep).');
    expect(() => prepOptions({ missing: 'guess' })).toThrow('--missing must be one of impute, drop-rows, drop-columns (got guess).');
    expect(() => prepOptions({ anomaly: 'a', normal: 'b' })).toThrow('not both');
    expect(() => prepOptions({ 'max-categories': '1' })).toThrow('--max-categories must be an integer from 2 to 1000');
  });
});

describe('a raw NSL-KDD-style file', () => {
  it('imports with one-hot text columns, normal vs attack names, and trains', async () => {
    const path = join(dir, 'kdd.csv');
    writeFileSync(path, nslKddLike(300));
    const notes: string[] = [];
    const raw = await loadDataset(path, {}, (s) => notes.push(s));
    expect(raw.featureNames).toEqual([
      'duration', 'protocol_type=icmp', 'protocol_type=tcp', 'protocol_type=udp',
      'service=domain_u', 'service=ftp_data', 'service=http', 'service=private', 'service=smtp',
      'flag=REJ', 'flag=S0', 'flag=SF', 'src_bytes', 'dst_bytes', 'count',
    ]);
    expect(raw.n).toBe(300);
    expect(raw.labels!.reduce((a, b) => a + b, 0)).toBe(30);
    expect(notes).toContain('note: One-hot encoded 3 categorical columns (names column=value): protocol_type (3 values), service (5 values), flag (3 values).');
    expect(notes).toContain('note: Label column "label": "normal" means normal; the other 3 values ("neptune", "satan", "smurf") mean anomaly.');
    const s = new Session(raw, makeConfig(raw, 'interactive', { loss: 'one_class', query: 'random', seed: 1, aeEpochs: 5, occEpochs: 5, rounds: 0 }));
    const snaps = await s.run(simulatedOracle(s.pool.labels!));
    s.dispose();
    expect(snaps).toHaveLength(1);
    expect(snaps[0]!.scores.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(snaps[0]!.auroc)).toBe(true);
  });
});

describe('constant columns', () => {
  it('are dropped by default as in the lab, and kept with --keep-constant 1 (the paper scripts keep them)', async () => {
    const path = join(dir, 'const.csv');
    writeFileSync(path, 'a,b,label\n1,5,0\n2,5,1\n3,5,0\n');
    const lab = await importFile('const.csv', enc('a,b,label\n1,5,0\n2,5,1\n3,5,0\n'));
    const cli = await loadDataset(path, prepOptions(parseArgs([], PREP_FLAGS)), () => {});
    expect(cli.featureNames).toEqual(['a']);
    expect(Array.from(cli.values)).toEqual(Array.from(lab.data.values));
    const kept = await loadDataset(path, prepOptions(parseArgs(['--keep-constant', '1'], PREP_FLAGS)), () => {});
    expect(kept.featureNames).toEqual(['a', 'b']);
    expect(Array.from(kept.values)).toEqual([1, 5, 2, 5, 3, 5]);
    const paper = await loadDataset(path, PAPER_PROTOCOL, () => {});
    expect(paper.featureNames).toEqual(['a', 'b']);
  });
});
