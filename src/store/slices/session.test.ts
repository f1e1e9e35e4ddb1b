// The session slice: start, new/rename/open/delete, a run's restart, stored rounds, the restore plan sent on open, the worker's crash path.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { StageSnapshot } from '../../core/types';
import type { SnapshotMessage } from '../../protocol';
import { freshStorage, testStore } from '../testing';

/** A storage whose clock ticks by one per call (the list is sorted by updatedAt). */
const clocked = () => {
  let t = 5000;
  return freshStorage(() => ++t);
};

function snapshot(stage: number, queued: number[], labelled: Array<[number, 0 | 1]> = []): StageSnapshot {
  return {
    stage, scores: new Float32Array([0.5, 1.25, 3, 0.1, 0.2, 0.3]), embedding: Float32Array.from({ length: 12 }, (_, i) => i / 4), repDim: 2,
    center: new Float32Array([0.25, -0.5]), radius: 0.75, qp: null, absBoundary: null, queued, pseudo: [], labelled,
    auroc: null, ap: null, aurocUnlabelled: NaN, aeLoss: [0.3, 0.2], occLoss: [0.9], seconds: 1.5,
  };
}
const message = (s: StageSnapshot): SnapshotMessage => ({ snapshot: s, grid: null, order: Int32Array.from([0, 1, 2, 3, 4, 5]) });

/** The page's default name for a dataset at time t (local clock, as the page writes it). */
function stamp(dataset: string, t: number): string {
  const d = new Date(t);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${dataset} ${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function lab(over: Parameters<typeof testStore>[0] = {}) {
  const t = testStore(over);
  const S = () => t.store.getState().session;
  const labels = () => t.store.getState().labels;
  const L = () => t.store.getState().lab;
  const settled = () => vi.waitFor(() => expect(S().writes).toBe(0));
  return { ...t, S, labels, L, settled };
}

describe('session slice', () => {
  it('a start on empty storage creates a session, stores it and remembers it as the last one', async () => {
    const storage = clocked();
    const { S, L } = lab({ storage });
    expect(S().id).toBe(null);
    await S().start();
    const name = stamp(L().settings.dataset, 1000);
    expect([S().id, S().name, S().runId, S().storage, S().error, S().notice]).toEqual(['s1', name, 's1-run0', 'ok', null, null]);
    expect(S().sessions).toEqual([{ id: 's1', name, createdAt: 5001, updatedAt: 5001, dataset: L().settings.dataset, rounds: 0, decisions: 0 }]);
    expect(await storage.getLastSessionId()).toBe('s1');
    const rec = await storage.load('s1');
    expect([rec.name, rec.dataset, rec.log, rec.rounds, rec.model]).toEqual([name, { source: 'bundled', name: L().settings.dataset }, [], [], null]);
  });

  it('newSession, rename, open and removeSession change the list, the names and the open id', async () => {
    const storage = clocked();
    const { S } = lab({ storage });
    await S().start();
    await S().newSession('Second');
    expect([S().id, S().name, S().runId, S().notice]).toEqual(['s2', 'Second', 's2-run0', 'Started a new session "Second".']);
    expect(S().sessions.map((s) => s.id)).toEqual(['s2', 's1']);
    expect(await storage.getLastSessionId()).toBe('s2');

    await S().rename('s1', 'First');
    expect(S().name).toBe('Second'); // not the open one
    await S().rename('s2', '  Two  ');
    expect(S().name).toBe('Two');
    expect(S().sessions.map((s) => [s.id, s.name])).toEqual([['s2', 'Two'], ['s1', 'First']]);

    await S().open('s1');
    expect([S().id, S().name, S().runId, S().restoring]).toEqual(['s1', 'First', 's1-run0', false]);
    expect(S().notice).toBe('Opened session "First": 0 decisions, 0 round results.');
    expect(await storage.getLastSessionId()).toBe('s1');

    // deleting another session: the open one stays
    await S().removeSession('s2');
    expect(S().id).toBe('s1');
    expect(S().sessions.map((s) => s.id)).toEqual(['s1']);
    // deleting the open one, the last: a new session takes its place
    await S().removeSession('s1');
    expect(S().id).toBe('s3');
    expect(S().sessions.map((s) => s.id)).toEqual(['s3']);
    expect(await storage.getLastSessionId()).toBe('s3');
    await expect(storage.load('s1')).rejects.toThrow();
  });

  it('deleting the open session opens the next stored one', async () => {
    const { S, L } = lab({ storage: clocked() });
    await S().start();
    await S().newSession('B');
    await S().newSession('C');
    await S().removeSession('s3');
    // the list is newest first: s2 ('B') was updated after s1
    expect([S().id, S().name]).toEqual(['s2', 'B']);
    expect(S().sessions.map((s) => [s.id, s.name])).toEqual([['s2', 'B'], ['s1', stamp(L().settings.dataset, 1000)]]);
  });

  it('opening a missing session marks it broken and throws; the open session is kept', async () => {
    const { S } = lab({ storage: clocked() });
    await S().start();
    await expect(S().open('nope')).rejects.toThrow("No saved session with id 'nope'");
    expect(S().id).toBe('s1');
    expect(S().broken).toEqual({ nope: "No saved session with id 'nope'" });
  });

  it('roundArrived stores the round: a fresh page on the same storage gets it back and replays it', async () => {
    const storage = clocked();
    const a = lab({ storage });
    await a.S().start();
    a.L().handleEvent({ type: 'snapshot', ...message(snapshot(0, [1, 2, 3])) });
    await a.settled();
    const stored = await storage.load('s1');
    expect(stored.rounds.map((r) => [r.stage, r.queued, r.radius, r.scores])).toEqual([[0, [1, 2, 3], 0.75, new Float32Array([0.5, 1.25, 3, 0.1, 0.2, 0.3])]]);
    await a.S().refresh();
    expect(a.S().sessions.map((s) => [s.id, s.rounds, s.decisions])).toEqual([['s1', 1, 0]]);

    const b = lab({ storage });
    await b.S().start();
    expect(b.S().id).toBe('s1');
    expect(b.L().snapshots.map((m) => [m.snapshot.stage, m.snapshot.queued, [...m.order]])).toEqual([[0, [1, 2, 3], [0, 1, 2, 3, 4, 5]]]);
    expect(b.L().lossLog).toEqual([
      { stage: 0, phase: 'pretrain', epoch: 1, loss: 0.3 }, { stage: 0, phase: 'pretrain', epoch: 2, loss: 0.2 },
      { stage: 0, phase: 'train', epoch: 1, loss: 0.9 },
    ]);
    expect(b.sent.filter((c) => c.type === 'restore')).toEqual([{ type: 'restore', events: [], stage: 0, reopen: true }]);
    expect(b.S().restoring).toBe(true);
    expect(b.S().notice).toBe(`Restored session "${stamp(b.L().settings.dataset, 1000)}": 0 decisions, 1 round result. Retraining the model by replaying 0 labels through stage 0…`);
  });

  it('opening a session sends the restore plan of its log and rounds, and the end of the replay says so', async () => {
    const storage = clocked();
    const { S, L, labels, sent, settled } = lab({ storage });
    await S().start();
    L().handleEvent({ type: 'snapshot', ...message(snapshot(0, [1, 2, 3])) });
    await labels().setQueue([1, 2, 3], 0);
    await labels().decideCurrent('normal'); // 1
    await labels().decideCurrent('anomaly'); // 2
    await labels().decideCurrent('skip'); // 3
    // the worker's ranks come with stage 1: stored with the round and back with it when the session is opened
    L().handleEvent({ type: 'snapshot', ...message(snapshot(1, [4, 5], [[1, 0], [2, 1]])), rank: Int32Array.from([6, 5, 4, 3, 2, 1]) });
    await labels().setQueue([4, 5], 1);
    await labels().decideCurrent('anomaly'); // 4, in the open round 1
    await settled();
    await S().newSession('Other');
    sent.length = 0;

    await S().open('s1');
    expect(sent.filter((c) => c.type === 'restore')).toEqual([
      { type: 'restore', events: [{ stage: 0, index: 1, label: 0 }, { stage: 0, index: 2, label: 1 }], stage: 1, reopen: true },
    ]);
    expect(labels().history.map((e) => [e.index, e.label, e.round])).toEqual([[4, 'anomaly', 1], [3, 'skip', 0], [2, 'anomaly', 0], [1, 'normal', 0]]);
    expect(L().snapshots.map((m) => m.snapshot.stage)).toEqual([0, 1]);
    expect(L().snapshots.map((m) => (m.rank ? Array.from(m.rank) : null))).toEqual([null, [6, 5, 4, 3, 2, 1]]);
    expect(S().restoring).toBe(true);
    const start = `Opened session "${stamp(L().settings.dataset, 1000)}": 4 decisions, 2 round results.`;
    expect(S().notice).toBe(`${start} Retraining the model by replaying 2 labels through stage 1…`);

    // the worker replays, then stops: the notice says it is done
    const run = L().run;
    L().handleEvent({ type: 'state', state: { ...run, busy: true, activity: 'restoring stage 1' } });
    L().handleEvent({ type: 'state', state: { ...run, busy: false, stage: 1, nextPhase: 'label', queue: [4, 5] } });
    expect(S().restoring).toBe(false);
    expect(S().notice).toBe(`${start} The model was retrained from the label history.`);
  });

  it('a restart of a simulated run clears its stored rounds and log under a new run id, in the same session', async () => {
    const storage = clocked();
    const { S, L, labels, settled } = lab({ storage });
    await S().start();
    L().handleEvent({ type: 'snapshot', ...message(snapshot(0, [1, 2])) });
    await labels().setQueue([1, 2], 0);
    // the oracle answered round 0: its answers come with round 1 and are recorded as simulated
    L().handleEvent({ type: 'snapshot', ...message(snapshot(1, [3], [[1, 0], [2, 1]])) });
    await vi.waitFor(() => expect(labels().history).toHaveLength(2));
    await settled();
    expect(labels().history.map((e) => [e.index, e.label, e.round, e.source])).toEqual([[2, 'anomaly', 0, 'simulated'], [1, 'normal', 0, 'simulated']]);
    const before = await storage.load('s1');
    expect([before.rounds.length, before.log.length]).toEqual([2, 3]);

    await S().settingsChanged(true);
    // ids r1-r3 went to the three log records (a queue, two decisions): the new run is r4
    expect([S().id, S().runId]).toEqual(['s1', 'r4']);
    expect(labels().log).toEqual([]);
    const after = await storage.load('s1');
    expect([after.runId, after.rounds, after.log, after.model]).toEqual([S().runId, [], [], null]);
    expect(S().sessions.map((s) => [s.id, s.rounds, s.decisions])).toEqual([['s1', 0, 0]]);
  });

  it('a restart after a person labelled starts a new session; the old one keeps its labels', async () => {
    const storage = clocked();
    const { S, labels } = lab({ storage });
    await S().start();
    const old = S().name;
    await labels().setQueue([1, 2], 0);
    await labels().decideCurrent('normal');
    await S().settingsChanged(true);
    expect(S().id).toBe('s2');
    expect(labels().log).toEqual([]);
    expect(S().notice).toBe(`The run restarted with new settings, so a new session "${S().name}" was started; "${old}" keeps its labels (see Sessions).`);
    expect((await storage.load('s1')).log.map((r) => r.event.kind)).toEqual(['queue', 'decide']);
  });

  it('a settings change without restart saves the settings into the open session', async () => {
    const storage = clocked();
    const { S, L } = lab({ storage });
    await S().start();
    expect(L().settings.oracle).toBe('simulated');
    await L().applySettings({ oracle: 'human' }); // not a restart: it awaits settingsChanged(false)
    const rec = await storage.load('s1');
    expect([rec.id, rec.runId, rec.settings.oracle]).toEqual(['s1', 's1-run0', 'human']);
    expect(S().id).toBe('s1');
  });

  it('a crashed worker is restarted: init, the data, the configuration and a restore of the log and rounds on the page', async () => {
    const { S, L, labels, sent } = lab({ storage: clocked() });
    await S().start();
    L().handleEvent({ type: 'snapshot', ...message(snapshot(0, [1, 2])) });
    await labels().setQueue([1, 2], 0);
    await labels().decideCurrent('anomaly'); // 1, round 0
    L().handleEvent({ type: 'snapshot', ...message(snapshot(1, [3], [[1, 1]])) });
    sent.length = 0;
    S().workerRestarted('out of memory');
    expect(sent.map((c) => c.type)).toEqual(['init', 'setData', 'configure', 'restore']);
    expect(sent[0]).toEqual({ type: 'init', backend: L().settings.backend });
    expect(sent[3]).toEqual({ type: 'restore', events: [{ stage: 0, index: 1, label: 1 }], stage: 1, reopen: true });
    expect(S().restoring).toBe(true);
    expect(S().notice).toBe('The training worker stopped (out of memory) and was restarted; resuming from the last completed stage. Retraining the model by replaying 1 label through stage 1…');

    S().workerGaveUp('out of memory', 4);
    expect(S().notice).toBe(null);
    expect(S().error).toBe('The training worker crashed 4 times within a minute (out of memory); reload the page. Your labels are saved.');
  });

  it('without IndexedDB the lab runs in memory: a session id, nothing stored', async () => {
    const inner = clocked();
    const { S } = lab({ storage: { ...inner, probe: async () => 'SecurityError: blocked' } });
    await S().start();
    expect([S().storage, S().storageProblem, S().id]).toEqual(['memory', 'SecurityError: blocked', 'memory-r1']);
    expect(await inner.list()).toEqual([]);
    await expect(S().storeRecords([])).resolves.toBeUndefined();
  });
});
