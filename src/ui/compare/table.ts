// Aggregation of comparison runs into the paper-style table (AUROC/AP x100 mean +- population std per stage) and its CSV.
import Papa from 'papaparse';
import { meanStd } from '../../engine/metrics';
import type { CompareRunResult } from '../../worker/protocol';

export interface Cell {
  mean: number;
  std: number;
  /** seeds that had a value (AUROC is null when a stage's pool has one class only) */
  n: number;
}

export interface StageRow {
  stage: number;
  labels: number;
  auroc: Cell | null;
  ap: Cell | null;
  seconds: number;
}

export interface TableRow {
  key: string;
  label: string;
  seeds: number[];
  stages: StageRow[];
}

function cell(values: Array<number | null>, scale: number): Cell | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).map((x) => x * scale);
  if (v.length === 0) return null;
  return { ...meanStd(v), n: v.length };
}

/** One row per configuration (in the given order), one column per stage, over the seeds finished so far. */
export function aggregate(configs: Array<{ key: string; label: string }>, results: CompareRunResult[]): TableRow[] {
  return configs.map(({ key, label }) => {
    const rs = results.filter((r) => r.key === key).sort((a, b) => a.seed - b.seed);
    const nStages = rs.reduce((m, r) => Math.max(m, r.auroc.length), 0);
    const stages: StageRow[] = [];
    for (let t = 0; t < nStages; t++) {
      const at = rs.filter((r) => t < r.auroc.length);
      stages.push({
        stage: t,
        labels: meanStd(at.map((r) => r.labels[t]!)).mean,
        auroc: cell(at.map((r) => r.auroc[t]!), 100),
        ap: cell(at.map((r) => r.ap[t]!), 100),
        seconds: meanStd(at.map((r) => r.stageSeconds[t]!)).mean,
      });
    }
    return { key, label, seeds: rs.map((r) => r.seed), stages };
  });
}

/** 'mean +- std' exactly as scripts/table.ts prints it (mean to 2 decimals, std to 1). */
export function formatCell(c: Cell | null): string {
  return c ? `${c.mean.toFixed(2)} +- ${c.std.toFixed(1)}` : 'n/a';
}

export const CSV_HEADER = ['configuration', 'stage', 'labels', 'seeds', 'auroc_x100_mean', 'auroc_x100_std', 'ap_x100_mean', 'ap_x100_std', 'seconds_per_stage'];

const round = (x: number | undefined, digits: number) => (x === undefined ? '' : String(Number(x.toFixed(digits))));

/** Long format, one line per configuration and stage: easy to pivot in a spreadsheet or pandas. */
export function tableCsv(rows: TableRow[]): string {
  const data = rows.flatMap((r) => r.stages.map((s) => [
    r.label, String(s.stage), round(s.labels, 2), String(r.seeds.length),
    round(s.auroc?.mean, 4), round(s.auroc?.std, 4), round(s.ap?.mean, 4), round(s.ap?.std, 4), round(s.seconds, 3),
  ]));
  return Papa.unparse({ fields: CSV_HEADER, data }, { newline: '\n' });
}
