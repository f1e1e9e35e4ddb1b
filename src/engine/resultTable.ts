// The paper-style table, one builder for the CLI, the report and the panel: per configuration and stage,
// mean +- population std (as the reference prints) over the seeds, x100 for rates.
import { meanStd } from './metrics';
import { CURVE_METRICS, type CurveMetric, type SeedRun } from './seedRun';
import type { CurveSummary } from './curves';

export interface Cell {
  mean: number;
  std: number;
  /** seeds that had a value (AUROC is null when a stage's pool has one class only) */
  n: number;
}

export interface StageRow {
  stage: number;
  /** mean labels spent */
  labels: number;
  /** anomalies found (count) and precision at the budget (x100) */
  found: Cell | null;
  precision: Cell | null;
  auroc: Cell | null;
  ap: Cell | null;
  aurocUnlabelled: Cell | null;
  pauc: Cell | null;
  seconds: number;
  /** seeds whose scores collapsed at this stage */
  collapsed: number;
}

export interface TableRow {
  key: string;
  label: string;
  seeds: number[];
  stages: StageRow[];
  /** learning-curve summaries (x100) per metric */
  summary: Record<CurveMetric, Record<keyof CurveSummary, Cell | null>>;
  collapsedSeeds: number[];
}

export function cell(values: Array<number | null | undefined>, scale = 1): Cell | null {
  const v = values.filter((x): x is number => x !== null && x !== undefined && Number.isFinite(x)).map((x) => x * scale);
  if (v.length === 0) return null;
  return { ...meanStd(v), n: v.length };
}

const SUMMARY_KEYS: Array<keyof CurveSummary> = ['start', 'end', 'area', 'rampUp'];

/** One row per configuration (in the given order), one column per stage, over the seeds finished so far. */
export function aggregate(configs: Array<{ key: string; label: string }>, results: SeedRun[]): TableRow[] {
  return configs.map(({ key, label }) => {
    const rs = results.filter((r) => r.key === key).sort((a, b) => a.seed - b.seed);
    const nStages = rs.reduce((m, r) => Math.max(m, r.stages.length), 0);
    const stages: StageRow[] = [];
    for (let t = 0; t < nStages; t++) {
      const at = rs.map((r) => r.stages[t]).filter((s) => s !== undefined);
      stages.push({
        stage: t,
        labels: meanStd(at.map((s) => s.labels)).mean,
        found: cell(at.map((s) => s.found)),
        precision: cell(at.map((s) => s.precision), 100),
        auroc: cell(at.map((s) => s.auroc), 100),
        ap: cell(at.map((s) => s.ap), 100),
        aurocUnlabelled: cell(at.map((s) => s.aurocUnlabelled), 100),
        pauc: cell(at.map((s) => s.pauc), 100),
        seconds: meanStd(at.map((s) => s.seconds)).mean,
        collapsed: at.filter((s) => s.collapse.collapsed).length,
      });
    }
    const summary = Object.fromEntries(CURVE_METRICS.map((m) => [m, Object.fromEntries(
      SUMMARY_KEYS.map((k) => [k, cell(rs.map((r) => r.summary[m][k]), 100)]),
    )])) as TableRow['summary'];
    return { key, label, seeds: rs.map((r) => r.seed), stages, summary, collapsedSeeds: rs.filter((r) => r.collapsed).map((r) => r.seed) };
  });
}

/** '85.00 +- 5.0': mean to 2 decimals, std to 1 (the CLI, the report and the panel print cells alike). */
export function formatCell(c: Cell | null, digits = 2): string {
  return c ? `${c.mean.toFixed(digits)} +- ${c.std.toFixed(1)}` : 'n/a';
}
