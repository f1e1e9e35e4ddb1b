// Issue rule: a change of an earlier round's decision reaches the model in the round it was made, live and in a replay.
// Hand-built logs: the events a reload replays, and the relabels the open round resends; then the real engine, live vs
// replayed, when a label the model had trained with is taken back.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Label } from '../core/types';
import { Session, makeConfig } from '../engine/session';
import { makeSynthetic } from '../engine/synthetic';
import { cpuBackend } from '../engine/testing';
import type { Decision } from './labels';
import { foldLog, type LogEvent, type LogRecord } from './log';
import { openRelabels, replayFromLog } from './replay';

let seq = 0;
const rec = (id: string, at: number, event: LogEvent): LogRecord => ({ id, seq: seq++, time: 0, at, event });
const decide = (id: string, at: number, index: number, label: Decision, round = at) => rec(id, at, { kind: 'decide', index, label, round, source: 'key' });
const round = (stage: number, queued: number[]) => ({ stage, queued });

describe('replay of a hand-built log', () => {
  seq = 0;
  const log = [
    rec('q0', 0, { kind: 'queue', round: 0, queue: [1, 2, 3] }),
    decide('d1', 0, 1, 'normal'),
    decide('d2', 0, 2, 'anomaly'),
    decide('d3', 0, 3, 'skip'),
    rec('q1', 0, { kind: 'queue', round: 1, queue: [4, 5] }),
    // round 1 is open: the anomaly at 2 (trained with at stage 1) is taken back, 1 is changed, 5 answered
    rec('u2', 1, { kind: 'remove', target: 'd2' }),
    rec('e1', 1, { kind: 'edit', target: 'd1', label: 'anomaly' }),
    decide('d5', 1, 5, 'anomaly'),
    // decided and taken back in the same round: the model never had it
    decide('d4', 1, 4, 'normal'),
    rec('u4', 1, { kind: 'remove', target: 'd4' }),
    rec('q2', 1, { kind: 'queue', round: 2, queue: [6] }),
  ];

  it('after round 2 trained: the removal is replayed in round 1 as label null, with that round\'s answers', () => {
    expect(replayFromLog(log, [round(0, [1, 2, 3]), round(1, [4, 5]), round(2, [6])])).toEqual({
      stage: 2, reopen: true,
      events: [
        { stage: 0, index: 1, label: 0 }, { stage: 0, index: 2, label: 1 },
        { stage: 1, index: 1, label: 1 }, { stage: 1, index: 2, label: null }, { stage: 1, index: 5, label: 1 },
      ],
    });
  });

  it('a reload while round 1 is open: round 0 is replayed as trained, the open round\'s changes are resent as relabels', () => {
    const rounds = [round(0, [1, 2, 3]), round(1, [4, 5])];
    const open = log.filter((r) => r.id !== 'q2');
    expect(replayFromLog(open, rounds)).toEqual({ stage: 1, reopen: true, events: [{ stage: 0, index: 1, label: 0 }, { stage: 0, index: 2, label: 1 }] });
    expect(openRelabels(open, foldLog(open).history, 1)).toEqual([{ index: 2, label: null }, { index: 1, label: 1 }]);
  });
});

describe('a label taken back after training, live vs a reload (the real engine)', () => {
  beforeAll(cpuBackend);
  const ring = makeSynthetic('ring', 1, 200);
  const config = makeConfig(ring, 'interactive', { aeEpochs: 2, occEpochs: 2, seed: 3, sizes: { ...makeConfig(ring, 'interactive').sizes, k: 4 } });

  it('the replayed model is the live one, bit for bit; replaying without the removal is not', async () => {
    // live: round 0 answered, round 1 opens, the anomaly of round 0 is taken back, round 1 answered, stage 2 trained
    const live = new Session(ring, config);
    await live.trainStage();
    const q0 = live.query();
    live.submitLabels([[q0[0]!, 0], [q0[1]!, 1]]);
    await live.trainStage();
    const q1 = live.query();
    live.relabel(q0[1]!, null);
    live.submitLabels([[q1[0]!, 1]]);
    const want = await live.trainStage();
    live.query();
    live.dispose();

    seq = 0;
    const log = [
      rec('q0', 0, { kind: 'queue', round: 0, queue: q0 }),
      decide('a', 0, q0[0]!, 'normal'),
      decide('b', 0, q0[1]!, 'anomaly'),
      rec('q1', 0, { kind: 'queue', round: 1, queue: q1 }),
      rec('ub', 1, { kind: 'remove', target: 'b' }),
      decide('c', 1, q1[0]!, 'anomaly'),
    ];
    const plan = replayFromLog(log, [round(0, q0), round(1, q1), round(2, [1])])!;
    const rebuilt = async (events: typeof plan.events) => {
      const s = new Session(ring, config);
      await s.restore(events, plan.stage, plan.reopen);
      const last = s.snapshots[s.snapshots.length - 1]!;
      s.dispose();
      return last;
    };
    const got = await rebuilt(plan.events);
    expect(got.stage).toBe(2);
    expect(got.labelled).toEqual(want.labelled);
    expect(got.labelled.map(([i]) => i)).not.toContain(q0[1]);
    expect(Array.from(got.scores)).toEqual(Array.from(want.scores));
    // the old replay, which left the removal out, trains stage 2 with the anomaly still labelled
    const old = await rebuilt(plan.events.filter((e): e is { stage: number; index: number; label: Label } => e.label !== null));
    expect(old.labelled.map(([i]) => i)).toContain(q0[1]);
    expect(Array.from(old.scores)).not.toEqual(Array.from(want.scores));
  });
});
