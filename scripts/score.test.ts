// A model exported after training scores files: the training file gives back the lab's scores bit for bit, and the lab's
// path (the import worker's scoreFile) and `npm run score` give the same table for a new file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuBackend } from '../src/engine/testing';
import { Session, makeConfig, simulatedOracle } from '../src/engine/session';
import type { Mode } from '../src/core/types';
import { importFile } from '../src/io/importFile';
import { modelZip } from '../src/io/model/modelFile';
import { withPrep } from '../src/io/preprocess/prepared';
import { modelInputOf } from '../src/store/modelInput';
import type { SnapshotMessage } from '../src/protocol';
import { scoreFile, scoredCsv } from '../src/worker/scoreFile';
import { runScore } from './score';

beforeAll(cpuBackend);
const dir = mkdtempSync(join(tmpdir(), 'svdd-score-'));
const enc = (s: string) => new TextEncoder().encode(s);

/** 80 rows: a category, a yes/no column, two numbers (one with gaps), an id to exclude, label 0/1. */
function trainCsv(): string {
  const lines = ['id,color,vent,temp,load,label'];
  for (let i = 0; i < 80; i++) {
    const a = i % 10 === 7;
    const temp = a ? 40 + (i % 5) : 20 + ((i * 7) % 11) / 2;
    lines.push([`r${i}`, ['red', 'blue', 'green'][i % 3], i % 4 === 0 ? 'yes' : 'no', temp, i % 13 === 5 ? '' : ((i * 3) % 17) / 4, a ? 1 : 0].join(','));
  }
  return lines.join('\n') + '\n';
}

async function trained(mode: Mode) {
  const bytes = enc(trainCsv());
  const options = { exclude: ['id'] };
  const r = await importFile('plant.csv', bytes, options);
  const raw = withPrep(r.data, 'plant.csv', r.format, options, r.recipe ?? null);
  const cfg = makeConfig(raw, 'interactive', { loss: 'soft_boundary', query: 'random', seed: 3, aeEpochs: 4, occEpochs: 6, rounds: 0, mode });
  const s = new Session(raw, cfg);
  const [snap] = await s.run(simulatedOracle(s.pool.labels!));
  const w = (await s.weights())!;
  const order = s.order.slice();
  s.dispose();
  const tensors = w.layout.slots.map((sl) => {
    const size = sl.shape.reduce((a, b) => a * b, 1);
    return { name: sl.name, shape: [...sl.shape], values: w.theta.slice(sl.offset, sl.offset + size) };
  });
  const msg = { snapshot: snap!, order } as unknown as SnapshotMessage;
  const zip = modelZip(tensors, { c: w.center, R: w.radius, extra: { loss: 'soft_boundary' } }, modelInputOf(raw, msg));
  return { bytes, snap: snap!, order, zip, raw };
}

describe('a model that travels', () => {
  it.each(['improved', 'reference'] as const)('%s mode: scoring the training file reproduces the lab\'s scores exactly', async (mode) => {
    const t = await trained(mode);
    const r = await scoreFile(t.zip, 'plant.csv', t.bytes);
    expect(r.n).toBe(80);
    // the pool may be reordered (reference mode puts the normals first): compare row by row
    const expected = new Float32Array(80);
    t.order.forEach((row, k) => (expected[row] = t.snap.scores[k]!));
    expect(Array.from(r.scores)).toEqual(Array.from(expected));
    expect(r.notices).toEqual(['Ignored 2 columns the model does not use: "id", "label".', 'Filled 6 missing cells of load with the training value.']);
  });

  it('a new file: the lab\'s path and `npm run score` give the same table; unseen values and extra columns are named', async () => {
    const t = await trained('improved');
    const rows = trainCsv().trim().split('\n');
    const fresh = [rows[0] + ',note', ...rows.slice(1, 11).map((l, i) => `${l},x${i}`)];
    fresh[2] = fresh[2]!.replace(',blue,', ',purple,');
    const newCsv = fresh.join('\n') + '\n';
    const lab = await scoreFile(t.zip, 'new.csv', enc(newCsv));
    expect(lab.notices).toContain('Ignored 3 columns the model does not use: "id", "label", "note".');
    expect(lab.notices).toContain('color holds 1 value the model never saw (first "purple" in row 3): encoded as none of the known ones.');
    // the first ten training rows score as in training (the row with the new colour aside)
    for (const i of [0, 2, 3, 4, 5, 9]) expect(lab.scores[i]).toBe(t.snap.scores[i]);
    const modelPath = join(dir, 'plant.model.zip');
    const dataPath = join(dir, 'new.csv');
    const outPath = join(dir, 'scores.csv');
    writeFileSync(modelPath, t.zip);
    writeFileSync(dataPath, newCsv);
    const notes: string[] = [];
    await runScore(['--model', modelPath, '--data', dataPath, '--out', outPath, '--backend', 'cpu'], (s) => notes.push(s));
    expect(readFileSync(outPath, 'utf8')).toBe(scoredCsv(lab));
    expect(notes.slice(0, lab.notices.length)).toEqual(lab.notices.map((n) => `note: ${n}`));
    const head = readFileSync(outPath, 'utf8').split('\n')[0];
    expect(head).toBe('row,score,rank,outside_R,train_percentile');
    expect([...lab.rank].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a file without the model\'s columns gets a message naming them', async () => {
    const t = await trained('improved');
    await expect(scoreFile(t.zip, 'other.csv', enc('a,b\n1,2\n3,4\n'))).rejects.toThrow(
      'other.csv lacks 4 columns the model was trained on: "color", "vent", "temp", "load".',
    );
  });
});
