// The session's metrics table on hand-computed stages: six rows, three anomalies, labels given in two rounds.
import { describe, expect, it } from 'vitest';
import { metricsTable, stageResults, type StageInput } from './metricsTable';
import { stageMetrics } from './stageMetrics';
import type { Label } from '../core/types';

const truth = Uint8Array.from([1, 1, 0, 1, 0, 0]);
// ranks, high to low: 1 1 0 0 1 0 -> AUROC 7/9; AP 1/3 + 1/3 + (1/3)(3/5) = 13/15
const A = Float32Array.from([0.9, 0.8, 0.7, 0.3, 0.5, 0.1]);
// every anomaly above every normal
const B = Float32Array.from([0.9, 0.8, 0.1, 0.7, 0.2, 0.3]);

function stage(stage: number, scores: Float32Array, labelled: Array<[number, Label]>, t: Uint8Array | null = truth): StageInput {
  const known = new Uint8Array(6);
  for (const [i] of labelled) known[i] = 1;
  return { snapshot: { stage, scores, center: Float32Array.from([0, 0]), labelled, seconds: 1, ...stageMetrics(scores, t, known) }, truth: t };
}

const stages = [stage(0, A, []), stage(1, A, [[0, 1], [2, 0]]), stage(2, B, [[0, 1], [2, 0], [1, 1], [4, 0]])];

describe('metrics table', () => {
  it('gives each stage its labels, anomalies found, precision, AUROC, AP, unlabelled AUROC and pAUC', () => {
    const { header, rows } = metricsTable(stages);
    expect(header).toEqual(['row', 'stage', 'labels', 'found', 'precision', 'auroc', 'ap', 'auroc_unlabelled', 'pauc_0.05', 'distinct_scores', 'collapsed']);
    const [s0, s1, s2] = rows;
    expect(s0!.slice(0, 5)).toEqual(['stage', 0, 0, 0, null]);
    expect(s0![5]).toBeCloseTo(7 / 9, 12);
    expect(s0![6]).toBeCloseTo(13 / 15, 12);
    expect(s0![7]).toBeCloseTo(7 / 9, 12);
    // ROC to FPR 0.05: TPR 2/3 throughout, area 0.05 * 2/3; McClish: (1 + (a - 0.00125) / (0.05 - 0.00125)) / 2
    expect(s0![8]).toBeCloseTo(0.5 * (1 + (0.05 * (2 / 3) - 0.00125) / 0.04875), 12);
    expect(s0!.slice(9)).toEqual([6, 0]);
    // stage 1: one anomaly in two labels; unlabelled rows 1, 3, 4, 5 (truth 1 1 0 0, scores .8 .3 .5 .1) -> 3/4
    expect(s1!.slice(0, 5)).toEqual(['stage', 1, 2, 1, 0.5]);
    expect(s1![5]).toBeCloseTo(7 / 9, 12);
    expect(s1![7]).toBeCloseTo(3 / 4, 12);
    // stage 2: a perfect ranking; two anomalies in four labels
    expect(s2!.slice(0, 5)).toEqual(['stage', 2, 4, 2, 0.5]);
    expect(s2!.slice(5, 9)).toEqual([1, 1, 1, 1]);
  });

  it('ends with the learning-curve summaries of each metric', () => {
    const { rows } = metricsTable(stages);
    const byName = new Map(rows.slice(3).map((r) => [r[0], r]));
    expect([...byName.keys()]).toEqual(['summary:start', 'summary:end', 'summary:area', 'summary:ramp_up']);
    const start = byName.get('summary:start')!;
    expect(start.slice(1, 5)).toEqual([null, null, null, null]);
    expect(start[5]).toBeCloseTo(7 / 9, 12);
    expect(byName.get('summary:end')!.slice(5, 9)).toEqual([1, 1, 1, 1]);
    // AUROC 7/9, 7/9, 1: area ((7/9 + 7/9) / 2 + (7/9 + 1) / 2) / 2 = 5/6; unlabelled 7/9, 3/4, 1: ((7/9 + 3/4) / 2 + 7/8) / 2
    expect(byName.get('summary:area')![5]).toBeCloseTo(5 / 6, 12);
    expect(byName.get('summary:area')![7]).toBeCloseTo(((7 / 9 + 3 / 4) / 2 + 7 / 8) / 2, 12);
    expect(byName.get('summary:ramp_up')![5]).toBeCloseTo(0, 12);
    expect(byName.get('summary:ramp_up')![7]).toBeCloseTo(3 / 4 - 7 / 9, 12);
    expect(byName.get('summary:ramp_up')!.slice(9)).toEqual([null, null]);
  });

  it('leaves the quality columns empty when the data has no labels, and keeps the discovery counts', () => {
    const r = stageResults([stage(0, A, [], null), stage(1, A, [[3, 1], [5, 0]], null)]);
    expect(r.stages.map((s) => [s.auroc, s.ap, s.aurocUnlabelled, s.pauc])).toEqual([[null, null, null, null], [null, null, null, null]]);
    expect(r.stages[1]).toMatchObject({ labels: 2, found: 1, precision: 0.5 });
    expect(r.summary.auroc).toEqual({ start: null, end: null, area: null, rampUp: null });
  });

  it('refuses no stages and a truth of the wrong length, with what and where', () => {
    expect(() => metricsTable([])).toThrow('There are no stages to report yet: train at least one round.');
    const bad = { ...stage(0, A, []), truth: Uint8Array.from([1, 0]) };
    expect(() => metricsTable([bad])).toThrow('Stage 0 has 6 scores but 2 truth labels');
  });
});
