// Paper-style text tables: AUROC x100 mean +- std (population std, as the reference prints) per stage.
import { meanStd } from '../src/engine/metrics';
import type { RunResult } from './runner';

export function column(rows: number[][], stage: number): number[] {
  return rows.map((r) => r[stage]);
}

export function fmt(values: number[], scale = 100, digits = 2): string {
  const { mean, std } = meanStd(values.map((v) => v * scale));
  return `${mean.toFixed(digits)} +- ${std.toFixed(1)}`;
}

export function stageTable(r: RunResult): string {
  const lines = ['stage  labels  AUROC x100       AP x100          s/stage'];
  for (let t = 0; t < r.auroc[0].length; t++) {
    const sec = meanStd(column(r.stage_seconds, t)).mean;
    lines.push(
      `${String(t).padEnd(7)}${String(r.labels[t]).padEnd(8)}${fmt(column(r.auroc, t)).padEnd(17)}${fmt(column(r.ap, t)).padEnd(17)}${sec.toFixed(2)}`,
    );
  }
  return lines.join('\n');
}
