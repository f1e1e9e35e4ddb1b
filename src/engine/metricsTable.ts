// A run's metrics as one rectangular table (a row per stage, then the learning-curve summaries): the session's exports.
import { summarizeCurve, type CurveSummary } from './curves';
import { CURVE_METRICS, PAUC_MAX_FPR, stageResult, type CurveMetric, type StageResult } from './seedRun';
import type { StageSnapshot } from '../core/types';

export type MetricsCell = string | number | null;

/** Column names; the metric columns carry the curve summaries in the summary rows. */
export const METRICS_HEADER = ['row', 'stage', 'labels', 'found', 'precision', 'auroc', 'ap', 'auroc_unlabelled', `pauc_${PAUC_MAX_FPR}`, 'distinct_scores', 'collapsed'] as const;

const SUMMARIES: Array<[keyof CurveSummary, string]> = [['start', 'start'], ['end', 'end'], ['area', 'area'], ['rampUp', 'ramp_up']];

export interface StageInput {
  snapshot: Pick<StageSnapshot, 'stage' | 'scores' | 'center' | 'labelled' | 'auroc' | 'ap' | 'aurocUnlabelled' | 'seconds'>;
  /** the truth (0/1) per pool row of this snapshot, or null when the data has no labels */
  truth: Uint8Array | null;
}

/** The metrics of each stage (engine/seedRun.ts's stageResult, the CLI's and the report's rule) and their summaries. */
export function stageResults(stages: readonly StageInput[]): { stages: StageResult[]; summary: Record<CurveMetric, CurveSummary> } {
  if (stages.length === 0) throw new Error('There are no stages to report yet: train at least one round.');
  const rows = stages.map(({ snapshot, truth }) => {
    if (truth && truth.length !== snapshot.scores.length) throw new Error(`Stage ${snapshot.stage} has ${snapshot.scores.length} scores but ${truth.length} truth labels`);
    return stageResult(snapshot as StageSnapshot, truth);
  });
  const summary = Object.fromEntries(CURVE_METRICS.map((m) => [m, summarizeCurve(rows.map((s) => s[m]))])) as Record<CurveMetric, CurveSummary>;
  return { stages: rows, summary };
}

/**
 * Header and rows: 'stage' rows with labels spent, true anomalies among them (by the labels given), precision at that
 * budget, AUROC / AP over the pool, AUROC over the rows still unlabelled, pAUC; then one 'summary' row per curve summary.
 */
export function metricsTable(stages: readonly StageInput[]): { header: string[]; rows: MetricsCell[][] } {
  const r = stageResults(stages);
  const rows: MetricsCell[][] = r.stages.map((s) => ['stage', s.stage, s.labels, s.found, s.precision, s.auroc, s.ap, s.aurocUnlabelled, s.pauc, s.collapse.distinct, s.collapse.collapsed ? 1 : 0]);
  for (const [k, name] of SUMMARIES) {
    const m = (metric: CurveMetric) => r.summary[metric][k];
    rows.push([`summary:${name}`, null, null, null, null, ...CURVE_METRICS.map(m), null, null]);
  }
  return { header: [...METRICS_HEADER], rows };
}
