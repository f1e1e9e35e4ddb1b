import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinySnapshot } from '../core/testing';
import { loadedData, reduceEvent, runLabel, LAB_DEFAULTS } from './lab';
import { testStore, tinyRaw } from './testing';

const snapMsg = (stage: number, auroc: number) => ({
  type: 'snapshot' as const, snapshot: tinySnapshot({ stage, auroc }), grid: null, order: Int32Array.of(0, 1, 2, 3, 4, 5),
});

describe('reduceEvent', () => {
  it('appends streamed epoch losses and measures the epoch rate', () => {
    const st = testStore().store.getState().lab;
    const p = reduceEvent(st, {
      type: 'progress', progress: { stage: 0, phase: 'pretrain', epoch: 0, epochs: 40, loss: null, elapsedMs: 100 }, losses: [],
    });
    const q = reduceEvent({ ...st, ...p }, {
      type: 'progress', progress: { stage: 0, phase: 'pretrain', epoch: 2, epochs: 40, loss: 0.5, elapsedMs: 140 },
      losses: [{ stage: 0, phase: 'pretrain', epoch: 1, loss: 0.6 }, { stage: 0, phase: 'pretrain', epoch: 2, loss: 0.5 }],
    });
    expect(q.lossLog!.map((e) => e.loss)).toEqual([0.6, 0.5]);
    expect(q.rates!.pretrain).toBe(20);
  });
  it('replaces a snapshot of the same stage and clears answers when a new stage arrives', () => {
    const { store } = testStore();
    const lab = () => store.getState().lab;
    lab().handleEvent(snapMsg(0, 0.6));
    lab().setAnswer(3, 1);
    lab().handleEvent(snapMsg(0, 0.61)); // the query phase updated stage 0
    expect(lab().snapshots.map((s) => s.snapshot.auroc)).toEqual([0.61]);
    expect(lab().answers.get(3)).toBe(1);
    lab().handleEvent(snapMsg(1, 0.7));
    expect(lab().snapshots.map((s) => s.snapshot.stage)).toEqual([0, 1]);
    expect(lab().answers.size).toBe(0);
  });
  it('keeps the worker\'s latent plane on the latest stage only', () => {
    const { store } = testStore();
    const lab = () => store.getState().lab;
    const latent = () => ({ fitted: { x: new Float64Array(6), y: new Float64Array(6), truePlane: true, limit: 1, far: [] }, axes: null });
    lab().handleEvent({ ...snapMsg(0, 0.6), latent: latent() });
    expect(lab().snapshots[0]!.latent!.fitted.limit).toBe(1);
    lab().handleEvent({ ...snapMsg(1, 0.7), latent: latent() });
    expect(lab().snapshots.map((m) => 'latent' in m)).toEqual([false, true]);
  });
});

describe('lab slice', () => {
  it('keeps the finished run as a curve, reconfigures the worker and writes the address when the query changes', async () => {
    const { store, sent, hrefs } = testStore();
    const lab = () => store.getState().lab;
    store.setState((s) => ({ lab: { ...s.lab, data: loadedData(tinyRaw(), 'synthetic', []) } }));
    lab().handleEvent(snapMsg(0, 0.6));
    lab().handleEvent(snapMsg(1, 0.7));
    await lab().applySettings({ query: 'random' });
    expect(lab().snapshots).toEqual([]);
    expect(lab().curves).toHaveLength(1);
    expect(lab().curves[0]!.label).toBe(runLabel(LAB_DEFAULTS));
    expect(lab().curves[0]!.points.map((p) => p.auroc)).toEqual([0.6, 0.7]);
    expect(sent).toEqual([{ type: 'configure', config: { preset: 'interactive', overrides: { loss: 'nce', query: 'random', pseudo: true, seed: 1, pollution: null }, k: null } }]);
    expect(hrefs).toEqual(['http://lab/?query=random']);
  });
  it('routes each worker event to its slice: weights to the session, comparison events to the comparison', () => {
    const { store } = testStore();
    store.setState((s) => ({ compare: { ...s.compare, status: 'running', id: 7 } }));
    store.getState().lab.handleEvent({ type: 'compareDone', id: 7, cancelled: false, error: null, backend: 'cpu' });
    expect(store.getState().compare.status).toBe('done');
    expect(store.getState().lab.error).toBe(null);
  });
});
