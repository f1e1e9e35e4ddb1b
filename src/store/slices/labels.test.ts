import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { answersOf, labelCounts, roundProgress } from '../labels';
import { freshStorage, heldStorage, testStore } from '../testing';

/** A store with a session open and the lab waiting for labels of `round` (so the labels are the open round's answers). */
async function withSession(over: Parameters<typeof testStore>[0] = {}) {
  const t = testStore(over);
  await t.store.getState().session.start();
  return { ...t, labels: () => t.store.getState().labels, lab: () => t.store.getState().lab };
}

describe('labels slice', () => {
  it('labels a round with the keyboard: cursor advances, history newest first, counts, progress, one record per action', async () => {
    const storage = freshStorage();
    const { labels, store } = await withSession({ storage });
    await labels().setQueue([5, 2, 9], 1);
    expect(labels().cursor).toBe(0);
    await labels().decideCurrent('normal');
    await labels().decideCurrent('anomaly');
    await labels().decideCurrent('skip');
    const s = labels();
    expect(s.history.map((e) => [e.seq, e.index, e.label, e.round, e.source])).toEqual([
      [2, 9, 'skip', 1, 'key'], [1, 2, 'anomaly', 1, 'key'], [0, 5, 'normal', 1, 'key'],
    ]);
    expect([...s.decisions]).toEqual([[5, 'normal'], [2, 'anomaly'], [9, 'skip']]);
    expect(labelCounts(s)).toEqual({ normal: 1, anomaly: 1, skip: 1 });
    expect(roundProgress(s)).toEqual({ done: 3, total: 3 });
    expect(answersOf(s)).toEqual([[5, 0], [2, 1]]);
    expect(s.log.map((r) => [r.seq, r.event.kind, r.at])).toEqual([[0, 'queue', 0], [1, 'decide', 1], [2, 'decide', 1], [3, 'decide', 1]]);
    // the stored log is the same, record for record
    expect((await storage.load(store.getState().session.id!)).log).toEqual(s.log);
  });

  it('shows key presses at once, 0 ms apart, and counts them pending until each is stored', async () => {
    const held = heldStorage(freshStorage());
    const { labels, store } = await withSession({ storage: held });
    const q = labels().setQueue([10, 11, 12], 0);
    held.release();
    await q;
    const presses = [labels().decideCurrent('normal'), labels().decideCurrent('anomaly'), labels().decideCurrent('normal')];
    // folded before any write finished: three successive cards decided, cursor past them
    expect([...labels().decisions]).toEqual([[10, 'normal'], [11, 'anomaly'], [12, 'normal']]);
    expect(labels().pending).toBe(3);
    expect(store.getState().session.writes).toBe(3);
    expect(held.held()).toBe(3);
    held.release();
    await Promise.all(presses);
    expect(labels().pending).toBe(0);
    expect(store.getState().session.writes).toBe(0);
    const back = await held.load(store.getState().session.id!);
    expect(back.log.filter((r) => r.event.kind === 'decide')).toHaveLength(3);
  });

  it('a failed write takes its record back, says so, and does not block the next one', async () => {
    const inner = freshStorage();
    let fail = true;
    const { labels } = await withSession({
      storage: { ...inner, appendLog: (id, r) => (fail ? Promise.reject(new Error('disk gone')) : inner.appendLog(id, r)) },
    });
    await expect(labels().decide(3, 'anomaly')).rejects.toThrow('disk gone');
    expect(labels().history).toEqual([]);
    expect(labels().error).toBe('Not saved, so not recorded: disk gone');
    fail = false;
    await labels().decide(3, 'normal', 'plot');
    expect(labels().error).toBe(null);
    expect(labels().history.map((e) => [e.index, e.label, e.source])).toEqual([[3, 'normal', 'plot']]);
  });

  it('undo takes back the newest decision and puts the cursor on its card; re-deciding keeps both', async () => {
    const { labels } = await withSession();
    await labels().setQueue([1, 2, 3], 0);
    await labels().decideCurrent('normal');
    await labels().decideCurrent('anomaly');
    expect(labels().cursor).toBe(2);
    await labels().undo();
    expect(labels().cursor).toBe(1);
    expect([...labels().decisions]).toEqual([[1, 'normal']]);
    await labels().decide(7, 'normal');
    await labels().decide(7, 'anomaly', 'plot');
    expect(labels().decisions.get(7)).toBe('anomaly');
    await labels().undo();
    expect(labels().decisions.get(7)).toBe('normal');
    expect(labels().log.map((r) => r.event.kind)).toEqual(['queue', 'decide', 'decide', 'remove', 'decide', 'decide', 'remove']);
  });

  it('edits and removes history entries by seq, as records of their own', async () => {
    const { labels } = await withSession();
    await labels().decideMany([[4, 'normal'], [8, 'normal'], [6, 'anomaly']], 'plot');
    expect(labels().history.map((e) => [e.seq, e.index])).toEqual([[2, 6], [1, 8], [0, 4]]);
    await labels().edit(1, 'anomaly');
    expect(labels().decisions.get(8)).toBe('anomaly');
    await labels().remove(0);
    expect([...labels().decisions].sort((a, b) => a[0] - b[0])).toEqual([[6, 'anomaly'], [8, 'anomaly']]);
    await expect(labels().edit(99, 'normal')).rejects.toThrow('No decision #99 in the history');
    await expect(labels().decide(-1, 'normal')).rejects.toThrow('Sample index -1 is not a whole number >= 0');
    expect(labels().log.map((r) => r.event.kind)).toEqual(['decide', 'decide', 'decide', 'edit', 'remove']);
  });

  it('labels per round, moves with arrows, and skips decided cards when a round starts', async () => {
    const { labels } = await withSession();
    await labels().setQueue([1, 2], 0);
    await labels().decideCurrent('normal');
    await labels().decideCurrent('normal');
    await labels().setQueue([2, 3, 4], 1); // 2 was labelled last round
    expect(labels().cursor).toBe(1);
    labels().move(5);
    expect(labels().cursor).toBe(2);
    labels().move(-9);
    expect(labels().cursor).toBe(0);
    labels().moveTo(1);
    await labels().decideCurrent('anomaly');
    expect(labelCounts(labels(), 1)).toEqual({ normal: 0, anomaly: 1, skip: 0 });
    expect(labelCounts(labels(), 0)).toEqual({ normal: 2, anomaly: 0, skip: 0 });
    expect(roundProgress(labels())).toEqual({ done: 2, total: 3 });
    expect(labels().cursor).toBe(2);
  });

  it('an edit of an earlier round reaches the live model as a relabel; the open round only changes its answers', async () => {
    const { labels, store, sent } = await withSession();
    await labels().setQueue([1, 2], 0);
    await labels().decideCurrent('anomaly'); // round 0
    await labels().setQueue([3, 4], 1);
    store.getState().lab.handleEvent({ type: 'state', state: { ...store.getState().lab.run, nextPhase: 'label', stage: 1, queue: [3, 4], busy: false } });
    sent.length = 0;
    await labels().decideCurrent('normal'); // point 3, the open round
    expect([...store.getState().lab.answers]).toEqual([[3, 0]]);
    await labels().edit(0, 'normal'); // point 1, round 0
    expect(sent).toEqual([{ type: 'relabel', index: 1, label: 0 }]);
  });

  it('merges records of another tab once, in log order, and numbers its own after them', async () => {
    const { labels, store } = await withSession();
    const id = store.getState().session.id!;
    await labels().decide(1, 'normal');
    const other = { id: 'other-1', seq: 5, time: 1, at: 0, event: { kind: 'decide' as const, index: 2, label: 'anomaly' as const, round: 0, source: 'key' as const } };
    store.getState().session.receive({ session: id, records: [other] });
    store.getState().session.receive({ session: id, records: [other] });
    store.getState().session.receive({ session: 'another session', records: [{ ...other, id: 'x' }] });
    expect(labels().history.map((e) => e.index)).toEqual([2, 1]);
    await labels().decide(3, 'skip');
    expect(labels().log.map((r) => r.seq)).toEqual([0, 5, 6]);
  });
});
