import { describe, expect, it } from 'vitest';
import { foldLog, mergeLog, nextSeq, stageChanges, type LogRecord } from './log';
import { openRelabels, replayFromLog } from './replay';

const d = (seq: number, id: string, index: number, label: 'normal' | 'anomaly' | 'skip', round: number, at = round): LogRecord =>
  ({ id, seq, time: seq, at, event: { kind: 'decide', index, label, round, source: 'key' } });
const edit = (seq: number, id: string, target: string, label: 'normal' | 'anomaly' | 'skip', at: number): LogRecord => ({ id, seq, time: seq, at, event: { kind: 'edit', target, label } });
const remove = (seq: number, id: string, target: string, at: number): LogRecord => ({ id, seq, time: seq, at, event: { kind: 'remove', target } });
const queue = (seq: number, id: string, round: number, q: number[]): LogRecord => ({ id, seq, time: seq, at: round, event: { kind: 'queue', round, queue: q } });

describe('decision log', () => {
  it('folds records in log order into round, queue and a newest-first history', () => {
    const log = [queue(0, 'q0', 0, [4, 5]), d(1, 'a', 4, 'normal', 0), d(2, 'b', 5, 'anomaly', 0), edit(3, 'e', 'a', 'skip', 0), queue(4, 'q1', 1, [7]), remove(5, 'r', 'b', 1)];
    // shuffled input: the fold sorts
    const f = foldLog([log[3]!, log[0]!, log[5]!, log[1]!, log[4]!, log[2]!]);
    expect(f.round).toBe(1);
    expect(f.queue).toEqual([7]);
    expect(f.history.map((h) => [h.seq, h.index, h.label, h.round])).toEqual([[0, 4, 'skip', 0]]);
    expect(f.ids).toEqual(['a']);
  });
  it('two writers with the same seq: the id decides, the same everywhere; merging twice adds nothing', () => {
    const a = [d(0, 'x', 1, 'normal', 0)];
    const b = [d(0, 'w', 2, 'anomaly', 0)];
    const ab = mergeLog(a, b);
    const ba = mergeLog(b, a);
    expect(ab.map((r) => r.id)).toEqual(['w', 'x']);
    expect(ba).toEqual(ab);
    expect(mergeLog(ab, b)).toBe(ab);
    expect(nextSeq(ab)).toBe(1);
  });
  it('one rule for the live model and the replay: a change reaches the model in the round it was made', () => {
    const log = [
      d(0, 'a', 3, 'anomaly', 0), d(1, 'b', 4, 'normal', 0),
      d(2, 'c', 8, 'normal', 1),
      edit(3, 'e', 'a', 'normal', 1), // made in round 1 about round 0's point 3
      remove(4, 'r', 'b', 2), // made in round 2: taken back after training with it
      d(5, 'f', 9, 'anomaly', 2),
    ];
    expect(stageChanges(log, 3)).toEqual([
      { stage: 0, index: 3, label: 1 }, { stage: 0, index: 4, label: 0 },
      { stage: 1, index: 3, label: 0 }, { stage: 1, index: 8, label: 0 },
      { stage: 2, index: 4, label: null }, { stage: 2, index: 9, label: 1 },
    ]);
    const plan = replayFromLog(log, [{ stage: 0, queued: [3, 4] }, { stage: 1, queued: [8] }, { stage: 2, queued: [9] }]);
    // the edit is replayed with round 1's answers, where the live model got it, not in round 0
    expect(plan).toEqual({ events: [{ stage: 0, index: 3, label: 1 }, { stage: 0, index: 4, label: 0 }, { stage: 1, index: 3, label: 0 }, { stage: 1, index: 8, label: 0 }], stage: 2, reopen: true });
    // in the open round 2, the removal of round 0's point 4 went to the live model as a relabel: sent again after a restore
    const f = foldLog(log);
    expect(openRelabels(log, f.history, 2)).toEqual([{ index: 4, label: null }]);
  });
  it('a skip is no answer: a later skip leaves an earlier answer in force, an edit of that answer to skip takes it back', () => {
    const log = [d(0, 'a', 3, 'anomaly', 0), d(1, 's', 3, 'skip', 1), d(2, 'b', 5, 'normal', 1)];
    // round 1 skipped point 3 again: the model keeps its anomaly label, only point 5 changes
    expect(stageChanges(log, 2)).toEqual([{ stage: 0, index: 3, label: 1 }, { stage: 1, index: 5, label: 0 }]);
    // in round 2 the round-0 answer itself is edited to skip: no answer of 3 is left, so the model forgets it there
    const edited = [...log, edit(3, 'e', 'a', 'skip', 2)];
    expect(stageChanges(edited, 3)).toEqual([{ stage: 0, index: 3, label: 1 }, { stage: 1, index: 5, label: 0 }, { stage: 2, index: 3, label: null }]);
  });
  it('a reload that kept the log but lost the latest round results still reopens that round', () => {
    const log = [queue(0, 'q0', 0, [3, 4]), d(1, 'a', 3, 'anomaly', 0), d(2, 'b', 4, 'normal', 0), queue(3, 'q1', 1, [8, 9]), d(4, 'c', 8, 'normal', 1)];
    const events = [{ stage: 0, index: 3, label: 1 }, { stage: 0, index: 4, label: 0 }];
    // round 1 stored only as scored (before its query): the log's queue record reopens it
    expect(replayFromLog(log, [{ stage: 0, queued: [3, 4] }, { stage: 1, queued: [] }])).toEqual({ events, stage: 1, reopen: true });
    // round 1 not stored at all: the log targets it anyway, with round 0's answers
    expect(replayFromLog(log, [{ stage: 0, queued: [3, 4] }])).toEqual({ events, stage: 1, reopen: true });
    // no round stored, round 0's queue in the log: retrain and reopen round 0
    expect(replayFromLog(log.slice(0, 2), [])).toEqual({ events: [], stage: 0, reopen: true });
    // nothing trained, nothing queried: nothing to replay
    expect(replayFromLog([], [])).toBeNull();
    // a last stage trained without a query (all rounds done) is not reopened
    expect(replayFromLog(log, [{ stage: 0, queued: [3, 4] }, { stage: 1, queued: [8, 9] }, { stage: 2, queued: [] }])).toMatchObject({ stage: 2, reopen: false });
  });
});
