// The metrics CSV of the open session: each stage's truth follows that stage's pool order, and the session file carries it.
import { describe, expect, it } from 'vitest';
import { metricsCsvOf, sessionExtrasOf } from './exports';
import { stageMetrics } from '../engine/stageMetrics';
import type { Label, StageSnapshot } from '../core/types';
import type { SnapshotMessage } from '../protocol';
import type { LabData } from './lab';

// original rows 0..3 with truth 1 0 0 1; the pool holds them as rows 3, 0, 1, 2
const rawLabels = Uint8Array.from([1, 0, 0, 1]);
const order = Int32Array.from([3, 0, 1, 2]);
const poolTruth = Uint8Array.from([1, 1, 0, 0]);

function message(stage: number, scores: number[], labelled: Array<[number, Label]>): SnapshotMessage {
  const s = Float32Array.from(scores);
  const known = new Uint8Array(4);
  for (const [i] of labelled) known[i] = 1;
  const snapshot: StageSnapshot = {
    stage, scores: s, embedding: new Float32Array(4), repDim: 1, center: Float32Array.from([0]), radius: 0, qp: null, absBoundary: null,
    queued: [], pseudo: [], labelled, aeLoss: [], occLoss: [], seconds: 1, ...stageMetrics(s, poolTruth, known),
  };
  return { snapshot, grid: null, order };
}

const lab = (snapshots: SnapshotMessage[]) => ({ snapshots, data: { raw: { labels: rawLabels } } }) as unknown as Pick<LabData, 'snapshots' | 'data'>;

describe('metrics CSV of the session', () => {
  it('writes a row per stage and the curve summaries, with pAUC from the truth in pool order', () => {
    // stage 0: pool scores .9 .2 .5 .1 against pool truth 1 1 0 0 -> pairs won 2 + 1 of 4: AUROC 3/4
    // stage 1: a perfect ranking; one anomaly among the two labels
    const csv = metricsCsvOf(lab([message(0, [0.9, 0.2, 0.5, 0.1], []), message(1, [0.9, 0.8, 0.1, 0.2], [[0, 1], [2, 0]])]));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('row,stage,labels,found,precision,auroc,ap,auroc_unlabelled,pauc_0.05,distinct_scores,collapsed');
    const s0 = lines[1]!.split(',');
    expect(s0.slice(0, 6)).toEqual(['stage', '0', '0', '0', '', '0.75']);
    // AP: thresholds .9 (R 1/2, P 1), .5 (P 1/2), .2 (R 1, P 2/3) -> 1/2 + 1/3
    expect(Number(s0[6])).toBeCloseTo(5 / 6, 12);
    // FPR <= 0.05 before the first normal: TPR 1/2, area 0.025 -> (1 + (0.025 - 0.00125) / 0.04875) / 2
    expect(Number(s0[8])).toBeCloseTo(0.5 * (1 + 0.02375 / 0.04875), 12);
    expect(lines[2]!.split(',').slice(0, 10)).toEqual(['stage', '1', '2', '1', '0.5', '1', '1', '1', '1', '4']);
    expect(lines.slice(3).map((l) => l.split(',')[0])).toEqual(['summary:start', 'summary:end', 'summary:area', 'summary:ramp_up']);
    const ramp = lines[6]!.split(',').slice(5, 9).map(Number);
    [0.25, 1 - 5 / 6, 0.25, 1 - 0.5 * (1 + 0.02375 / 0.04875)].forEach((v, i) => expect(ramp[i]).toBeCloseTo(v, 12));
  });

  it('puts metrics.csv in the session file once a stage has trained', () => {
    expect(sessionExtrasOf(lab([]))).toEqual({});
    expect(Object.keys(sessionExtrasOf(lab([message(0, [0.9, 0.2, 0.5, 0.1], [])])))).toEqual(['metrics.csv']);
  });
});
