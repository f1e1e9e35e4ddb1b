import { describe, expect, it } from 'vitest';
import type { SessionRecord } from './persist-types';
import { indexProblems, schemaProblems } from './sessionSchema';
import { DEFAULT_SETTINGS } from './urlState';

function good(): SessionRecord {
  return {
    schemaVersion: 3, id: 'a', name: 'mine', createdAt: 1, updatedAt: 2, dataset: { source: 'bundled', name: 'glass' },
    settings: DEFAULT_SETTINGS, config: null, runId: 'a-run0', model: null,
    log: [{ id: 'q', seq: 0, time: 1, at: 0, event: { kind: 'queue', round: 0, queue: [1, 2] } }],
    rounds: [{
      stage: 0, scores: new Float32Array([1, 2, 3]), embedding: new Float32Array(6), repDim: 2, center: new Float32Array(2), radius: 0,
      qp: null, absBoundary: null, queued: [1, 2], pseudo: [], labelled: [], auroc: null, ap: null, aurocUnlabelled: NaN, aeLoss: [NaN], occLoss: [], seconds: 1,
    }],
  };
}
const mutate = (fn: (r: Record<string, any>) => void) => {
  const r = good() as unknown as Record<string, any>;
  fn(r);
  return r;
};

describe('session record schema', () => {
  it('accepts a good record (NaN losses included)', () => {
    expect(schemaProblems(good())).toEqual([]);
    expect(indexProblems(good(), 214)).toEqual([]);
  });
  it('names what is wrong and where', () => {
    expect(schemaProblems(mutate((r) => (r.log[0].event.queue[0] = -1)))).toEqual(['log[0].event.queue[0]: -1 is below 0']);
    expect(schemaProblems(mutate((r) => (r.log[0].event.queue = [1, 'x'])))).toEqual(["log[0].event.queue[1]: 'x' is not a number"]);
    expect(schemaProblems(mutate((r) => r.log.push({ id: 'd', seq: 1, time: 1, at: 0, event: { kind: 'decide', index: 1, label: 'normbl', round: 0, source: 'key' } }))))
      .toEqual(["log[1].event.label: 'normbl' is not a decision (normal, anomaly, skip)"]);
    expect(schemaProblems(mutate((r) => (r.rounds[0].scores = 'high')))).toEqual(["rounds[0].scores: 'high' is not a Float32Array"]);
    expect(schemaProblems(mutate((r) => (r.rounds[0].scores = new Float32Array([NaN, 1, 2]))))).toEqual(['rounds[0].scores: holds NaN or infinite values']);
    expect(schemaProblems(mutate((r) => (r.settings = { ...DEFAULT_SETTINGS, loss: 'magic' })))).toEqual(["settings.loss: 'magic' is not a valid loss"]);
    expect(schemaProblems(mutate((r) => (r.model = { stage: 0, tensors: [{ name: 'w', shape: [1e9], values: new Float32Array(2) }], c: new Float32Array(2), R: 0 }))))
      .toEqual(['model.tensors[0].shape[0]: 1000000000 is above 20000000', 'model.tensors[0]: its shape does not match its number of values']);
    expect(schemaProblems(mutate((r) => (r.rounds[0].stage = 999_999)))).toEqual(['rounds[0].stage: 999999 is above 1000']);
  });
  it('checks every index against the rows of the data', () => {
    const r = good();
    r.log.push({ id: 'd', seq: 1, time: 1, at: 0, event: { kind: 'decide', index: 999_999, label: 'normal', round: 0, source: 'key' } });
    expect(indexProblems(r, 214)).toEqual(['log[1].event.index: 999999 is not a row (0..2)']);
    expect(indexProblems(good(), 2)).toEqual(['rounds[0].scores: 3 scores for a dataset of 2 rows']);
  });
});
