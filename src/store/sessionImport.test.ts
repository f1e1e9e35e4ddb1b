// The import path end to end in the store: 55+ damaged files made from one exported file are each refused with a
// message naming what and where; nothing is stored, the open session is unchanged and the next start opens it.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StageSnapshot } from '../core/types';
import { MUTATIONS } from './sessionFileMutations';
import { freshStorage, testStore } from './testing';
import type { SessionStorage } from './persist';

const rows = async (name: string) => (name === 'ring' ? 6 : null);

function snapshot(stage: number, queued: number[]): StageSnapshot {
  return {
    stage, scores: new Float32Array([0.5, 1.25, 3, 0.1, 0.2, 0.3]), embedding: Float32Array.from({ length: 12 }, (_, i) => i / 4), repDim: 2,
    center: new Float32Array([0.25, -0.5]), radius: 0.75, qp: null, absBoundary: null, queued, pseudo: [], labelled: [],
    auroc: null, ap: null, aurocUnlabelled: NaN, aeLoss: [0.3], occLoss: [NaN], seconds: 1.5,
  };
}

/** A store with a session open: a trained round, its queue, two decisions and a model; `good` is its exported file. */
async function labWithSession(storage: SessionStorage) {
  const t = testStore({ storage, bundledRows: rows });
  const S = () => t.store.getState().session;
  const labels = () => t.store.getState().labels;
  await S().start();
  S().roundArrived({ snapshot: snapshot(0, [1, 2, 3]), grid: null, order: Int32Array.from([0, 1, 2, 3, 4, 5]) });
  await labels().setQueue([1, 2, 3], 0);
  await labels().decideCurrent('normal');
  await labels().decideCurrent('anomaly');
  await storage.saveModel(S().id!, S().runId, { stage: 0, tensors: [{ name: 'enc/w0', shape: [2, 2], values: new Float32Array([1, -2, 3.5, 4]) }], c: new Float32Array([0.1, 0.2]), R: 0.7 });
  return { ...t, S, labels };
}

describe('importing damaged session files', () => {
  const storage = freshStorage();
  let lab: Awaited<ReturnType<typeof labWithSession>>;
  let good: Uint8Array;
  beforeAll(async () => {
    lab = await labWithSession(storage);
    good = (await lab.S().exportSession()).bytes;
  });

  it('has more than 40 kinds of damage, each with its own name', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(MUTATIONS.length);
  });

  it.each(MUTATIONS.map((m) => [m.name, m] as const))('%s: refused with its message; nothing stored, the session unchanged, the next start opens it', async (_, m) => {
    const { bytes, message } = m.make(good);
    const before = { list: await storage.list(), sizes: await storage.sizes(), id: lab.S().id, log: lab.labels().log, settings: lab.store.getState().lab.settings };
    await expect(lab.S().importSession(bytes)).rejects.toThrow(message);
    expect(await storage.list()).toEqual(before.list);
    expect(await storage.sizes()).toEqual(before.sizes);
    expect(lab.S().id).toBe(before.id);
    expect(lab.labels().log).toBe(before.log);
    expect(lab.store.getState().lab.settings).toEqual(before.settings);
    // as after a reload: a new page on the same storage opens the same session
    const next = testStore({ storage, bundledRows: rows });
    await next.store.getState().session.start();
    expect(next.store.getState().session.error).toBeNull();
    expect(next.store.getState().session.id).toBe(before.id);
    expect(next.store.getState().labels.log).toEqual(before.log);
  });

  it('the good file itself imports (the damage, not the file, is refused)', async () => {
    const other = testStore({ storage: freshStorage(), bundledRows: rows });
    await other.store.getState().session.start();
    await other.store.getState().session.importSession(good);
    expect(other.store.getState().session.error).toBeNull();
    expect(other.store.getState().labels.history.map((e) => [e.index, e.label])).toEqual([[2, 'anomaly'], [1, 'normal']]);
    expect(other.store.getState().session.sessions).toHaveLength(2);
  });
});
