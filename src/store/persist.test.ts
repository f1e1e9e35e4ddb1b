import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import type { RawData, StageSnapshot } from '../core/types';
import type { LogRecord } from './log';
import { openSessionStorage, StaleWrite } from './persist';
import { migrate } from './persist-migrate';
import type { SessionRecordV1 } from './persist-migrate';
import type { SessionRecord } from './persist-types';
import { DEFAULT_SETTINGS } from './urlState';

let dbCount = 0;
/** a fresh database per test, a clock that ticks by 1 ms, and predictable ids */
function env() {
  const dbName = `test-${++dbCount}`;
  let t = 1_000;
  let id = 0;
  const open = () => openSessionStorage({ dbName, now: () => t++, newId: () => `s${++id}` });
  return { dbName, open };
}

function snapshot(stage: number, labelled: Array<[number, 0 | 1]> = []): StageSnapshot {
  return {
    stage, scores: new Float32Array([0.5, 1.25, 3 + stage]), embedding: new Float32Array([1, 2, 3, 4, 5, 6]), repDim: 2,
    center: new Float32Array([0.25, -0.5]), radius: 0, qp: stage === 0 ? null : 0.1, absBoundary: stage === 0 ? null : 1.5,
    queued: [2], pseudo: [], labelled, auroc: 0.75, ap: 0.5, aurocUnlabelled: null, aeLoss: [0.3, 0.2], occLoss: [NaN, 0.1], seconds: 1.5,
  };
}

const rec = (seq: number, id: string, event: LogRecord['event']): LogRecord => ({ id, seq, time: 5000, at: 1, event });

const imported: RawData = {
  name: 'my-data', n: 3, d: 2, values: new Float64Array([1, 2, 3, 4, 5, 6.5]), labels: new Uint8Array([0, 0, 1]),
  featureNames: ['a', 'b'], kind: { type: 'tabular' },
};

describe('session storage', () => {
  it('writes a session and finds all of it again from a new storage instance', async () => {
    const { open } = env();
    const a = open();
    const r = await a.create({ name: 'First', dataset: { source: 'imported', data: imported, fileName: 'my.csv' }, settings: { ...DEFAULT_SETTINGS, seed: 3 } });
    expect(r).toMatchObject({ id: 's1', name: 'First', createdAt: 1000, updatedAt: 1000, rounds: [], model: null, config: null });
    expect(r.runId).toBe('s1-run0');
    await a.saveRound('s1', 's1-run0', snapshot(0));
    await a.saveRound('s1', 's1-run0', snapshot(1, [[2, 1]]));
    const model = { stage: 1, tensors: [{ name: 'enc/w0', shape: [2, 2], values: new Float32Array([1, -2, 3.5, 4]) }], c: new Float32Array([0.1, 0.2]), R: 0.7 };
    await a.saveModel('s1', 's1-run0', model);
    // each decision is its own record, under its own key
    await a.appendLog('s1', [rec(0, 'q', { kind: 'queue', round: 1, queue: [2, 0] })]);
    await a.appendLog('s1', [rec(1, 'd1', { kind: 'decide', index: 2, label: 'anomaly', round: 1, source: 'key' })]);
    await a.appendLog('s1', [rec(2, 'd2', { kind: 'decide', index: 0, label: 'skip', round: 1, source: 'key' })]);
    await a.setLastSessionId('s1');

    const b = open(); // as after a page reload
    expect(await b.getLastSessionId()).toBe('s1');
    const back = await b.load('s1');
    expect(back.dataset).toEqual({ source: 'imported', data: imported, fileName: 'my.csv' });
    expect((back.dataset as { data: RawData }).data.values).toBeInstanceOf(Float64Array);
    expect(back.settings).toEqual({ ...DEFAULT_SETTINGS, seed: 3 });
    expect(back.rounds).toEqual([snapshot(0), snapshot(1, [[2, 1]])]);
    expect(back.rounds[1].scores).toBeInstanceOf(Float32Array);
    expect(back.model).toEqual(model);
    expect(back.log.map((x) => x.id)).toEqual(['q', 'd1', 'd2']);
    expect((await b.list())[0]).toMatchObject({ id: 's1', rounds: 2, decisions: 2 });
  });

  it('lists, renames and deletes sessions', async () => {
    const { open } = env();
    const a = open();
    await a.create({ name: 'Alpha', dataset: { source: 'bundled', name: 'glass' }, settings: DEFAULT_SETTINGS });
    await a.create({ name: '  Beta  ', dataset: { source: 'imported', data: imported }, settings: DEFAULT_SETTINGS });
    await a.saveRound('s1', 's1-run0', snapshot(0));
    await a.setLastSessionId('s2');
    expect(await a.list()).toEqual([
      { id: 's2', name: 'Beta', createdAt: 1001, updatedAt: 1001, dataset: 'my-data', rounds: 0, decisions: 0 },
      { id: 's1', name: 'Alpha', createdAt: 1000, updatedAt: 1000, dataset: 'glass', rounds: 1, decisions: 0 },
    ]);
    await a.rename('s1', 'Alpha 2');
    expect((await open().list()).map((s) => [s.id, s.name])).toEqual([['s1', 'Alpha 2'], ['s2', 'Beta']]);
    await expect(a.rename('s1', '   ')).rejects.toThrow('A session name cannot be empty');
    await expect(a.rename('nope', 'x')).rejects.toThrow("No saved session with id 'nope'");
    await a.remove('s2');
    expect((await a.list()).map((s) => s.id)).toEqual(['s1']);
    expect(await a.getLastSessionId()).toBe(null); // it pointed at the deleted session
    await expect(a.load('s2')).rejects.toThrow("No saved session with id 's2'");
    await a.remove('s1');
    expect(await open().list()).toEqual([]);
  });

  it('an older writer cannot set the rounds or the model back', async () => {
    const { open } = env();
    const a = open();
    const r = await a.create({ name: 'x', dataset: { source: 'bundled', name: 'glass' }, settings: DEFAULT_SETTINGS });
    await a.save({ ...r, rounds: [snapshot(0), snapshot(1)] });
    // a second tab still at stage 0 writes its stage 0 again: refused, stage 1 stays
    await expect(a.saveRound('s1', 's1-run0', { ...snapshot(0), auroc: 0.1 })).rejects.toThrow(StaleWrite);
    expect((await a.load('s1')).rounds.map((s) => [s.stage, s.auroc])).toEqual([[0, 0.75], [1, 0.75]]);
    const w = (stage: number) => ({ stage, tensors: [], c: new Float32Array([stage]), R: 0 });
    await a.saveModel('s1', 's1-run0', w(2));
    await expect(a.saveModel('s1', 's1-run0', w(1))).rejects.toThrow('the stored weights are of stage 2, newer than 1');
    // a new run: rounds, model and (simulated) log go; the old run's writers are refused
    await a.appendLog('s1', [rec(0, 'd', { kind: 'decide', index: 1, label: 'normal', round: 0, source: 'simulated' })]);
    await a.restartRun('s1', 'run2', { settings: { ...DEFAULT_SETTINGS, seed: 9 }, config: null, dataset: { source: 'bundled', name: 'glass' }, clearLog: true, name: 'renamed' });
    await expect(a.saveRound('s1', 's1-run0', snapshot(2))).rejects.toThrow('the session was restarted');
    await a.saveRound('s1', 'run2', snapshot(0));
    const back = await a.load('s1');
    expect([back.name, back.runId, back.settings.seed, back.rounds.length, back.model, back.log]).toEqual(['renamed', 'run2', 9, 1, null, []]);
  });

  it('migrates a v1 session stored by an older version on load, writes it back, and then accepts label writes', async () => {
    const { dbName, open } = env();
    const raw = createStore(dbName, 'sessions');
    // what v1 kept under session:<id>: labels as index -> 0/1, the queue beside them, no history
    await set('session:old', {
      schemaVersion: 1, id: 'old', name: 'Old one', createdAt: 10, updatedAt: 20, datasetName: 'glass',
      settings: { dataset: 'glass', loss: 'dsad' }, config: null, labels: { 4: 1, 2: 0, 7: 0 }, queue: [9, 8], round: 2,
    }, raw);
    await set('data:old', { source: 'bundled', name: 'glass' }, raw);
    await set('rounds:old:000000', snapshot(0), raw);
    await set('rounds:old:000001', snapshot(1, [[4, 1]]), raw);
    await set('rounds:old:000002', snapshot(2, [[4, 1], [2, 0], [7, 0]]), raw);
    const a = open();
    expect((await a.list())[0]).toMatchObject({ id: 'old', decisions: 3, rounds: 3 });
    const r = await a.load('old');
    expect(r.schemaVersion).toBe(3);
    expect(r.log.map((x) => [x.seq, x.event.kind])).toEqual([[0, 'decide'], [1, 'decide'], [2, 'decide'], [3, 'queue']]);
    // written back as v3: a new instance reads the same log, and a label write goes to its own key
    await a.appendLog('old', [rec(4, 'new', { kind: 'decide', index: 9, label: 'normal', round: 2, source: 'key' })]);
    expect((await open().load('old')).log.map((x) => x.id)).toEqual([...r.log.map((x) => x.id), 'new']);
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, dataset: 'glass', loss: 'dsad' });
    expect(r.rounds.length).toBe(3);
  });
});

describe('migrate', () => {
  const v1: SessionRecordV1 = {
    schemaVersion: 1, id: 'a', name: 'n', createdAt: 1, updatedAt: 99,
    dataset: { source: 'bundled', name: 'ionosphere' }, settings: DEFAULT_SETTINGS, config: null,
    labels: { 7: 0, 4: 1, 2: 0, 11: 1 }, queue: [11, 3], round: 2,
    rounds: [snapshot(0), snapshot(1, [[4, 1]]), snapshot(2, [[4, 1], [2, 0], [7, 0]])], model: null,
  };

  it('turns v1 labels into log records, oldest first, rounds inferred from the snapshots', () => {
    const r = migrate(v1);
    expect(r.schemaVersion).toBe(3);
    expect(r.log.map((x) => [x.seq, x.at, x.event])).toEqual([
      [0, 0, { kind: 'decide', index: 4, label: 'anomaly', round: 0, source: 'key' }],
      [1, 1, { kind: 'decide', index: 2, label: 'normal', round: 1, source: 'key' }],
      [2, 1, { kind: 'decide', index: 7, label: 'normal', round: 1, source: 'key' }],
      // 11 was not trained with yet: the current round
      [3, 2, { kind: 'decide', index: 11, label: 'anomaly', round: 2, source: 'key' }],
      [4, 2, { kind: 'queue', round: 2, queue: [11, 3] }],
    ]);
    expect('queue' in r).toBe(false);
    expect('round' in r).toBe(false);
    expect(r.rounds).toBe(v1.rounds);
  });

  it('passes a v3 record through and fills settings added later', () => {
    const v2 = migrate(v1);
    const { k: _k, ...older } = v2.settings;
    const again = migrate({ ...v2, settings: older });
    expect(again).toEqual(v2);
  });

  it('refuses what it cannot read, with a reason', () => {
    expect(() => migrate('x')).toThrow('The saved session is not an object');
    expect(() => migrate({ schemaVersion: '2' })).toThrow('The saved session has no valid schemaVersion (found "2")');
    expect(() => migrate({ ...v1, schemaVersion: 4 })).toThrow(
      'The session was saved by a newer version of svdd-lab (schema 4); this version reads schema 3 and older');
    expect(() => migrate({ ...v1, labels: { x: 1 } })).toThrow("has a label for 'x', which is not a sample index");
    expect(() => migrate({ ...v1, labels: { 3: 'yes' } })).toThrow('has label "yes" for sample 3; expected 0 or 1');
    const good: SessionRecord = migrate(v1);
    expect(() => migrate({ ...good, rounds: 'none' })).toThrow('The saved session is damaged: the per-round results are not a list');
    expect(() => migrate({ ...good, dataset: { source: 'imported', data: { ...imported, n: 4 } } })).toThrow(
      'The saved session is damaged: the imported data has 6 values, not n x d = 4 x 2');
  });
});

describe('import of a session file record', () => {
  it('stores it as it is, under a fresh id when the id is taken', async () => {
    const { open } = env();
    const a = open();
    const r = await a.create({ name: 'Mine', dataset: { source: 'imported', data: imported }, settings: DEFAULT_SETTINGS });
    const full: SessionRecord = { ...r, rounds: [snapshot(0)], log: [rec(0, 'q', { kind: 'queue', round: 0, queue: [1] })] };
    await a.save(full);
    const saved = await a.load('s1');
    const copy = await a.importRecord(saved);
    expect(copy.id).toBe('s2');
    expect(await a.load('s2')).toEqual({ ...saved, id: 's2' });
    await a.remove('s1');
    await a.remove('s2');
    const same = await a.importRecord(saved);
    expect(same.id).toBe('s1');
    expect(await open().load('s1')).toEqual(saved);
  });
});

describe('a label write', () => {
  it('is refused whole for a session that is not stored (deleted in another tab): no record is left behind', async () => {
    const { open } = env();
    const a = open();
    await a.create({ name: 'Gone', dataset: { source: 'bundled', name: 'ring' }, settings: DEFAULT_SETTINGS });
    await a.appendLog('s1', [rec(0, 'q', { kind: 'queue', round: 1, queue: [2, 0] })]);
    await a.remove('s1'); // its log goes with it
    await expect(a.appendLog('s1', [rec(0, 'd1', { kind: 'decide', index: 2, label: 'anomaly', round: 1, source: 'key' })])).rejects.toThrow("No saved session with id 's1'");
    expect(await a.raw('s1')).toEqual({ meta: undefined, dataset: undefined, model: undefined, rounds: [], log: [] });
  });
});
