import { describe, expect, it } from 'vitest';
import { answersOf, createLabelsStore, labelCounts, roundProgress } from './labels';
import type { LabelsSnapshot } from './labels';

/** A save that records every snapshot and completes only when released. */
function manualSave() {
  const writes: LabelsSnapshot[] = [];
  const waiting: Array<() => void> = [];
  return {
    writes,
    save: (s: LabelsSnapshot) => new Promise<void>((resolve) => { waiting.push(() => { writes.push(s); resolve(); }); }),
    releaseAll: async () => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 0)); // let the chained action reach its save
        if (waiting.length === 0) return;
        waiting.shift()!();
      }
    },
  };
}

function instantStore(start = 1000) {
  const writes: LabelsSnapshot[] = [];
  let t = start;
  const store = createLabelsStore({ save: async (s) => { writes.push(structuredClone(s)); }, now: () => t++ });
  return { store, writes };
}

describe('labels store', () => {
  it('labels a round with the keyboard: cursor advances, history newest first, counts and progress', async () => {
    const { store, writes } = instantStore();
    const a = store.getState();
    await a.setQueue([5, 2, 9], 1);
    expect(store.getState().cursor).toBe(0);
    await a.decideCurrent('normal');
    await a.decideCurrent('anomaly');
    await a.decideCurrent('skip');
    const s = store.getState();
    expect(s.history.map((e) => [e.seq, e.index, e.label, e.round, e.time, e.source])).toEqual([
      [2, 9, 'skip', 1, 1002, 'key'],
      [1, 2, 'anomaly', 1, 1001, 'key'],
      [0, 5, 'normal', 1, 1000, 'key'],
    ]);
    expect([...s.decisions]).toEqual([[5, 'normal'], [2, 'anomaly'], [9, 'skip']]);
    expect(labelCounts(s)).toEqual({ normal: 1, anomaly: 1, skip: 1 });
    expect(roundProgress(s)).toEqual({ done: 3, total: 3 });
    expect(answersOf(s)).toEqual([[5, 0], [2, 1]]);
    expect(answersOf(s, [9, 2])).toEqual([[2, 1]]);
    // one write per action (setQueue + 3 decisions), each holding the state after it
    expect(writes.length).toBe(4);
    expect(writes[3].history.length).toBe(3);
    expect(writes[1]).toEqual({ round: 1, queue: [5, 2, 9], cursor: 1, history: [{ seq: 0, index: 5, label: 'normal', round: 1, time: 1000, source: 'key' }] });
  });

  it('acknowledges a decision only after the write, and fast key presses label successive cards', async () => {
    const m = manualSave();
    const store = createLabelsStore({ save: m.save, now: () => 1 });
    const q = store.getState().setQueue([10, 11, 12], 0);
    await m.releaseAll();
    await q;
    let acked = 0;
    const p1 = store.getState().decideCurrent('normal').then(() => acked++);
    const p2 = store.getState().decideCurrent('anomaly').then(() => acked++);
    await new Promise((r) => setTimeout(r, 5));
    // nothing written yet: nothing acknowledged, nothing shown as decided
    expect(acked).toBe(0);
    expect(store.getState().history).toEqual([]);
    expect(store.getState().pending).toBe(2);
    await m.releaseAll();
    await Promise.all([p1, p2]);
    expect(acked).toBe(2);
    expect([...store.getState().decisions]).toEqual([[10, 'normal'], [11, 'anomaly']]);
    expect(store.getState().cursor).toBe(2);
    expect(store.getState().pending).toBe(0);
    expect(m.writes.map((w) => w.history.length)).toEqual([0, 1, 2]);
  });

  it('a failed write rejects, records nothing, sets an error, and does not block the next action', async () => {
    let fail = true;
    const store = createLabelsStore({
      save: async () => { if (fail) throw new Error('QuotaExceededError'); },
      now: () => 5,
    });
    await expect(store.getState().decide(3, 'anomaly')).rejects.toThrow(
      'The label was not saved, so it was not recorded: QuotaExceededError');
    expect(store.getState().history).toEqual([]);
    expect(store.getState().error).toBe('The label was not saved, so it was not recorded: QuotaExceededError');
    fail = false;
    await store.getState().decide(3, 'normal', 'plot');
    expect(store.getState().error).toBe(null);
    expect(store.getState().history.map((e) => [e.index, e.label, e.source])).toEqual([[3, 'normal', 'plot']]);
  });

  it('undo removes the newest decision and puts the cursor back on its card', async () => {
    const { store } = instantStore();
    await store.getState().setQueue([1, 2, 3], 0);
    await store.getState().decideCurrent('normal');
    await store.getState().decideCurrent('anomaly');
    expect(store.getState().cursor).toBe(2);
    await store.getState().undo();
    expect(store.getState().cursor).toBe(1);
    expect([...store.getState().decisions]).toEqual([[1, 'normal']]);
    await store.getState().decideCurrent('normal');
    expect([...store.getState().decisions]).toEqual([[1, 'normal'], [2, 'normal']]);
    expect(store.getState().history.map((e) => e.seq)).toEqual([2, 0]);
  });

  it('re-deciding keeps both entries and the newest wins; undo restores the earlier one', async () => {
    const { store } = instantStore();
    await store.getState().decide(7, 'normal');
    await store.getState().decide(7, 'anomaly', 'plot');
    expect(store.getState().decisions.get(7)).toBe('anomaly');
    expect(labelCounts(store.getState())).toEqual({ normal: 0, anomaly: 1, skip: 0 });
    await store.getState().undo();
    expect(store.getState().decisions.get(7)).toBe('normal');
  });

  it('edits and removes history entries by seq', async () => {
    const { store } = instantStore();
    await store.getState().decideMany([[4, 'normal'], [8, 'normal'], [6, 'anomaly']], 'plot');
    const h = store.getState().history;
    expect(h.map((e) => [e.seq, e.index])).toEqual([[2, 6], [1, 8], [0, 4]]);
    await store.getState().edit(1, 'anomaly');
    expect(store.getState().decisions.get(8)).toBe('anomaly');
    await store.getState().remove(0);
    expect([...store.getState().decisions].sort((a, b) => a[0] - b[0])).toEqual([[6, 'anomaly'], [8, 'anomaly']]);
    await expect(store.getState().edit(99, 'normal')).rejects.toThrow('No decision #99 in the history');
    await expect(store.getState().decide(-1, 'normal')).rejects.toThrow('Sample index -1 is not a whole number >= 0');
  });

  it('labels per round, moves with arrows, and skips decided cards when a round starts', async () => {
    const { store } = instantStore();
    await store.getState().setQueue([1, 2], 0);
    await store.getState().decideCurrent('normal');
    await store.getState().decideCurrent('normal');
    await store.getState().setQueue([2, 3, 4], 1); // 2 was labelled last round
    expect(store.getState().cursor).toBe(1);
    store.getState().move(5);
    expect(store.getState().cursor).toBe(2);
    store.getState().move(-9);
    expect(store.getState().cursor).toBe(0);
    store.getState().moveTo(1);
    await store.getState().decideCurrent('anomaly');
    expect(labelCounts(store.getState(), 1)).toEqual({ normal: 0, anomaly: 1, skip: 0 });
    expect(labelCounts(store.getState(), 0)).toEqual({ normal: 2, anomaly: 0, skip: 0 });
    expect(roundProgress(store.getState())).toEqual({ done: 2, total: 3 });
    expect(store.getState().cursor).toBe(2);
  });

  it('hydrates from storage and continues the seq numbers', async () => {
    const { store } = instantStore();
    store.getState().hydrate({
      round: 2, queue: [3, 4], cursor: 1,
      history: [{ seq: 41, index: 3, label: 'skip', round: 2, time: 9, source: 'key' }],
    });
    expect(store.getState().decisions.get(3)).toBe('skip');
    await store.getState().decideCurrent('normal');
    expect(store.getState().history[0]).toMatchObject({ seq: 42, index: 4, label: 'normal', round: 2 });
  });
});
