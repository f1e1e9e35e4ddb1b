// Tests the selection slice: points picked on a plot (click, box, lasso) and labelling the selection as the selection bar does.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { labelCounts, roundProgress } from '../labels';
import type { Decision } from '../labels';
import { freshStorage, testStore } from '../testing';

/** What the selection bar does: one point is a decide, several a decideMany, then the selection is cleared. */
async function labelSelection(t: ReturnType<typeof testStore>, label: Decision) {
  const { indices } = t.store.getState().selection;
  const labels = t.store.getState().labels;
  await (indices.length === 1 ? labels.decide(indices[0]!, label, 'plot') : labels.decideMany(indices.map((i) => [i, label]), 'plot'));
  t.store.getState().selection.clearSelection();
}

describe('selection slice', () => {
  it('a box or lasso selection replaces the previous one, keeps its order and plot; empty or cleared means none', () => {
    const { store } = testStore();
    const sel = () => store.getState().selection;
    expect([sel().from, sel().indices]).toEqual([null, []]);
    sel().selectPoints('latent', [7, 3, 11]);
    expect([sel().from, sel().indices]).toEqual(['latent', [7, 3, 11]]);
    sel().selectPoints('input', [2]);
    expect([sel().from, sel().indices]).toEqual(['input', [2]]);
    sel().selectPoints('input', []);
    expect([sel().from, sel().indices]).toEqual([null, []]);
    sel().selectPoints('latent', [0, 1]);
    sel().clearSelection();
    expect([sel().from, sel().indices]).toEqual([null, []]);
    // the other slices are left alone
    expect(store.getState().labels.log).toEqual([]);
  });

  it('labelling a selection outside the open round: one plot record each, counts, cursor past a decided card, relabels sent', async () => {
    const storage = freshStorage();
    const t = testStore({ storage });
    const { store, sent } = t;
    await store.getState().session.start();
    await store.getState().labels.setQueue([4, 5, 6], 0);
    sent.length = 0;
    store.getState().selection.selectPoints('latent', [4, 9, 2]);
    await labelSelection(t, 'anomaly');
    const l = store.getState().labels;
    expect(l.log.map((r) => [r.seq, r.event])).toEqual([
      [0, { kind: 'queue', round: 0, queue: [4, 5, 6] }],
      [1, { kind: 'decide', index: 4, label: 'anomaly', round: 0, source: 'plot' }],
      [2, { kind: 'decide', index: 9, label: 'anomaly', round: 0, source: 'plot' }],
      [3, { kind: 'decide', index: 2, label: 'anomaly', round: 0, source: 'plot' }],
    ]);
    expect(new Set(l.log.slice(1).map((r) => r.time)).size).toBe(1);
    expect(labelCounts(l)).toEqual({ normal: 0, anomaly: 3, skip: 0 });
    expect(roundProgress(l)).toEqual({ done: 1, total: 3 });
    expect(l.cursor).toBe(1);
    expect(l.pending).toBe(0);
    expect(sent).toEqual([
      { type: 'relabel', index: 4, label: 1 }, { type: 'relabel', index: 9, label: 1 }, { type: 'relabel', index: 2, label: 1 },
    ]);
    expect([store.getState().selection.from, store.getState().selection.indices]).toEqual([null, []]);
    expect((await storage.load(store.getState().session.id!)).log).toEqual(l.log);
  });

  it('a one-point selection is a decide: the card under the cursor advances; relabelling a selection moves the counts', async () => {
    const t = testStore();
    const { store, sent } = t;
    await store.getState().session.start();
    await store.getState().labels.setQueue([4, 5, 6], 0);
    store.getState().selection.selectPoints('input', [4]);
    await labelSelection(t, 'normal');
    expect(store.getState().labels.cursor).toBe(1);
    store.getState().selection.selectPoints('input', [4, 5]);
    await labelSelection(t, 'skip');
    const l = store.getState().labels;
    expect([...l.decisions]).toEqual([[4, 'skip'], [5, 'skip']]);
    expect(labelCounts(l)).toEqual({ normal: 0, anomaly: 0, skip: 2 });
    expect(l.cursor).toBe(2);
    // history seqs number the decisions (the queue record is not one)
    expect(l.history.map((e) => [e.seq, e.index, e.label, e.source])).toEqual([[2, 5, 'skip', 'plot'], [1, 4, 'skip', 'plot'], [0, 4, 'normal', 'plot']]);
    // the model keeps a point's newest decision that is not a skip (replay.effectiveLabel): 4 stays normal, 5 has none
    expect(sent.filter((c) => c.type === 'relabel')).toEqual([
      { type: 'relabel', index: 4, label: 0 }, { type: 'relabel', index: 4, label: 0 }, { type: 'relabel', index: 5, label: null },
    ]);
  });

  it('labelling a selection in the open round sets the round answers and sends no relabel', async () => {
    const t = testStore();
    const { store, sent } = t;
    await store.getState().session.start();
    await store.getState().labels.setQueue([1, 2, 3], 0);
    store.getState().lab.handleEvent({ type: 'state', state: { ...store.getState().lab.run, nextPhase: 'label', stage: 0, queue: [1, 2, 3], busy: false } });
    sent.length = 0;
    store.getState().selection.selectPoints('latent', [3, 1]);
    await labelSelection(t, 'anomaly');
    expect([...store.getState().lab.answers].sort((a, b) => a[0] - b[0])).toEqual([[1, 1], [3, 1]]);
    expect(sent).toEqual([]);
    expect(roundProgress(store.getState().labels)).toEqual({ done: 2, total: 3 });
    expect(store.getState().labels.cursor).toBe(1);
  });

  it('a selection with a bad index is refused whole: no record, the selection stays for another try', async () => {
    const t = testStore();
    const { store } = t;
    await store.getState().session.start();
    store.getState().selection.selectPoints('latent', [2, -1]);
    await expect(labelSelection(t, 'normal')).rejects.toThrow('Sample index -1 is not a whole number >= 0');
    expect(store.getState().labels.log).toEqual([]);
    expect(store.getState().selection.indices).toEqual([2, -1]);
    await store.getState().labels.decideMany([], 'plot');
    expect(store.getState().labels.log).toEqual([]);
  });
});
