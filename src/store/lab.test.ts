import { describe, expect, it } from 'vitest';
import type { Command } from '../protocol';
import { tinySnapshot } from '../ui/plots/fixture';
import { createLabStore, reduceEvent, runLabel, LAB_DEFAULTS } from './lab';

const snapMsg = (stage: number, auroc: number) => ({
  type: 'snapshot' as const, snapshot: tinySnapshot({ stage, auroc }), grid: null, order: Int32Array.of(0, 1, 2, 3, 4, 5),
});

describe('reduceEvent', () => {
  it('appends streamed epoch losses and measures the epoch rate', () => {
    const st = createLabStore().getState();
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
    const store = createLabStore();
    store.getState().handleEvent(snapMsg(0, 0.6));
    store.getState().setAnswer(3, 1);
    store.getState().handleEvent(snapMsg(0, 0.61)); // the query phase updated stage 0
    expect(store.getState().snapshots.map((s) => s.snapshot.auroc)).toEqual([0.61]);
    expect(store.getState().answers.get(3)).toBe(1);
    store.getState().handleEvent(snapMsg(1, 0.7));
    expect(store.getState().snapshots.map((s) => s.snapshot.stage)).toEqual([0, 1]);
    expect(store.getState().answers.size).toBe(0);
  });
});

describe('settings', () => {
  it('keeps the finished run as a curve and reconfigures the worker when the query changes', async () => {
    const sent: Command[] = [];
    const store = createLabStore();
    store.getState().attach({ send: (c) => sent.push(c) }, async () => {
      throw new Error('not used');
    });
    store.setState({ data: { raw: { name: 'ring', n: 6, d: 2, values: new Float64Array(12), labels: null, featureNames: ['x', 'y'] }, source: 'synthetic', xy: null, pca: false, explained: null, notices: [] } });
    store.getState().handleEvent(snapMsg(0, 0.6));
    store.getState().handleEvent(snapMsg(1, 0.7));
    await store.getState().applySettings({ query: 'random' });
    const st = store.getState();
    expect(st.snapshots).toEqual([]);
    expect(st.curves).toHaveLength(1);
    expect(st.curves[0]!.label).toBe(runLabel(LAB_DEFAULTS));
    expect(st.curves[0]!.points.map((p) => p.auroc)).toEqual([0.6, 0.7]);
    expect(sent).toEqual([{ type: 'configure', config: { preset: 'interactive', overrides: { loss: 'nce', query: 'random', pseudo: true, seed: 1, pollution: null }, k: null } }]);
  });
});
