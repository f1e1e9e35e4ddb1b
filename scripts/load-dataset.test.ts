// The command line's --dataset and import flags give the same matrix, names and notices as the lab's import of the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
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
import { loadDataset } from './load-dataset';
import { PREP_FLAGS, prepOptions } from './prep-args';

beforeAll(cpuBackend);
const dir = mkdtempSync(join(tmpdir(), 'svdd-load-'));
const enc = (s: string) => new TextEncoder().encode(s);
const V4 = matV4([{ name: 'X', rows: 3, cols: 2, values: [1, 2, 3, 4, 5, 6] }, { name: 'y', rows: 3, cols: 1, values: [0, 1, 0] }], false);

const CASES: Array<[string, Uint8Array, string[], ImportOptions]> = [
  ['sensor.arff', enc(SENSOR_ARFF), ['--include', 'when', '--drop', 'door'], { include: ['when'], exclude: ['door'] }],
  ['shop.csv', enc(SHOP_CSV), ['--drop', 'id', '--missing', 'drop-rows'], { exclude: ['id'], missing: 'drop-rows' }],
  ['shop.csv.gz', gzipSync(enc(SHOP_CSV)), ['--label', 'color', '--normal', 'red', '--drop', 'id,label', '--max-categories', '3'],
    { labelColumn: 'color', normalValue: 'red', exclude: ['id', 'label'], maxCategories: 3 }],
  ['uci.data', enc('1 2 0\n3 4 1\n5  6 0\n'), [], {}],
  ['be.mat', V4, [], {}],
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

  it('refuses bad flag values with the flag named', () => {
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
