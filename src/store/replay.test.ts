import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './labels';
import type { StageSnapshot } from '../core/types';
import { effectiveLabel, effectiveLabels, historyEvents, lossesOf, messageOf, missingDecisions, releaseEarlier, replayPlan, roundAnswers, roundOf, sharePairs } from './replay';

const e = (seq: number, index: number, label: HistoryEntry['label'], round: number): HistoryEntry => ({ seq, index, label, round, time: 0, source: 'key' });
// newest first, as the labels store keeps it
const history = [e(5, 9, 'normal', 2), e(4, 3, 'anomaly', 1), e(3, 3, 'normal', 1), e(2, 7, 'skip', 0), e(1, 4, 'anomaly', 0), e(0, 2, 'normal', 0)];

describe('replay plan', () => {
  it('keeps the newest decision per (round, index), drops skips and the open round', () => {
    expect(historyEvents(history, 2)).toEqual([
      { stage: 0, index: 2, label: 0 }, { stage: 0, index: 4, label: 1 }, { stage: 1, index: 3, label: 1 },
    ]);
  });
  it('targets the last saved round and reopens it when it queried', () => {
    const plan = replayPlan(history, [{ stage: 0, queued: [2, 4, 7] }, { stage: 1, queued: [3] }, { stage: 2, queued: [9] }]);
    expect(plan).toEqual({ events: historyEvents(history, 2), stage: 2, reopen: true });
    expect(replayPlan(history, [])).toBeNull();
    expect(replayPlan([], [{ stage: 0, queued: [] }])).toEqual({ events: [], stage: 0, reopen: false });
  });
  it('gives the open round its answers and finds labels the history lacks', () => {
    expect([...roundAnswers(history, 1)]).toEqual([[3, 1]]);
    expect([...roundAnswers(history, 0)]).toEqual([[4, 1], [2, 0]]);
    const decisions = new Map([[2, 'normal' as const], [7, 'skip' as const]]);
    expect(missingDecisions([[2, 0], [5, 1], [6, 0]], decisions)).toEqual([[5, 'anomaly'], [6, 'normal']]);
  });
  it('rebuilds the loss curve of saved rounds', () => {
    expect(lossesOf([{ stage: 0, aeLoss: [3, 2], occLoss: [1] }])).toEqual([
      { stage: 0, phase: 'pretrain', epoch: 1, loss: 3 }, { stage: 0, phase: 'pretrain', epoch: 2, loss: 2 }, { stage: 0, phase: 'train', epoch: 1, loss: 1 },
    ]);
  });

  it('a saved round keeps the worker\'s ranks, so a restored round is not ranked again on the page; a wrong-length one is dropped', () => {
    const snapshot = { stage: 1, scores: Float32Array.of(0.5, 2, 1), queued: [1] } as unknown as StageSnapshot;
    const m = { snapshot, grid: null, order: Int32Array.of(2, 0, 1), rank: Int32Array.of(3, 1, 2) };
    const saved = roundOf(m);
    expect(Array.from(saved.rank!)).toEqual([3, 1, 2]);
    const back = messageOf(saved);
    expect([Array.from(back.rank!), Array.from(back.order), back.snapshot.stage]).toEqual([[3, 1, 2], [2, 0, 1], 1]);
    expect('rank' in back.snapshot).toBe(false);
    expect(messageOf({ ...saved, rank: Int32Array.of(1) }).rank).toBeUndefined();
    expect(roundOf({ snapshot, grid: null, order: m.order })).not.toHaveProperty('rank');
  });

  it('finds the newest non-skip label of many points in one pass, as effectiveLabel does one by one', () => {
    // history (newest first): 9 normal, 3 anomaly (over an older normal), 7 skip only, 4 anomaly, 2 normal
    const got = effectiveLabels(history, [9, 3, 7, 4, 2, 11]);
    expect([...got]).toEqual([[9, 0], [3, 1], [7, null], [4, 1], [2, 0], [11, null]]);
    for (const i of [9, 3, 7, 4, 2, 11]) expect(got.get(i)).toBe(effectiveLabel(history, i));
  });

  it('shares the labelled pairs a round has in common with the one before, keeping its own order and the rest', () => {
    const prev = { stage: 1, labelled: [[4, 0], [7, 1], [9, 0]] } as unknown as StageSnapshot;
    // point 9 was relabelled anomaly; 2 is new
    const next = { stage: 2, labelled: [[7, 1], [4, 0], [9, 1], [2, 0]] } as unknown as StageSnapshot;
    const out = sharePairs(next, prev);
    expect(out.labelled).toEqual([[7, 1], [4, 0], [9, 1], [2, 0]]);
    expect([out.labelled[0] === prev.labelled[1], out.labelled[1] === prev.labelled[0], out.labelled[2] === next.labelled[2], out.labelled[3] === next.labelled[3]]).toEqual([true, true, true, true]);
    // nothing in common, or no round before: the snapshot itself
    expect(sharePairs(next, undefined)).toBe(next);
    expect(sharePairs({ ...next, labelled: [[1, 1]] } as unknown as StageSnapshot, prev).labelled[0]).toEqual([1, 1]);
  });

  it('lets the rounds before the last go of their embeddings, fields and ranks, copying them and leaving the last alone', () => {
    const round = (stage: number) => ({
      snapshot: { stage, scores: Float32Array.of(1, 2), embedding: Float32Array.of(1, 2, 3, 4), repDim: 2, queued: [stage] } as unknown as StageSnapshot,
      grid: { x: Float32Array.of(0), y: Float32Array.of(0), z: Float32Array.of(1) }, order: Int32Array.of(1, 0), rank: Int32Array.of(2, 1),
    });
    const snaps = [round(0), round(1), round(2)];
    const out = releaseEarlier(snaps);
    expect(out.map((m) => [m.snapshot.embedding.length, m.grid === null, 'rank' in m])).toEqual([[0, true, false], [0, true, false], [4, false, true]]);
    // what the curves, exports and the replay read stays: scores, order, queue
    expect(out.map((m) => [Array.from(m.snapshot.scores), Array.from(m.order), m.snapshot.queued])).toEqual([[[1, 2], [1, 0], [0]], [[1, 2], [1, 0], [1]], [[1, 2], [1, 0], [2]]]);
    // copies: a save holding the first message still writes its embedding; the last is the same object
    expect([snaps[0]!.snapshot.embedding.length, out[2] === snaps[2]]).toEqual([4, true]);
    // nothing left to let go: the same array, so the store does not re-render
    expect(releaseEarlier(out)).toBe(out);
  });

  it('a saved round keeps the worker\'s collapse figures and gives them back with the message', () => {
    const snapshot = { stage: 2, scores: Float32Array.of(1, 1, 1), queued: [] } as unknown as StageSnapshot;
    const collapse = { distinct: 1, std: 0, range: 0, nearC: 0, collapsed: true };
    const saved = roundOf({ snapshot, grid: null, order: Int32Array.of(0, 1, 2), collapse });
    expect(saved.collapse).toEqual(collapse);
    expect(messageOf(saved).collapse).toEqual(collapse);
    expect('collapse' in messageOf(saved).snapshot).toBe(false);
    expect(roundOf({ snapshot, grid: null, order: Int32Array.of(0, 1, 2) })).not.toHaveProperty('collapse');
  });
});
