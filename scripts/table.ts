// Paper-style text tables from the one table builder (src/engine/resultTable.ts) the panel and the report use.
import { aggregate, formatCell, type TableRow } from '../src/engine/resultTable';
import type { SeedRun } from '../src/engine/seedRun';

/** The CLI's per-stage table of one configuration's runs. */
export function stageTable(runs: SeedRun[]): string {
  const [row] = aggregate([{ key: runs[0]?.key ?? '', label: '' }], runs) as [TableRow];
  const cols = ['stage', 'labels', 'found', 'AUROC x100', 'AP x100', 'AUROC unlab.', 'pAUC.05 x100', 'prec. x100', 's/stage'];
  const widths = [7, 8, 15, 17, 17, 17, 17, 17, 8];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('').trimEnd();
  const lines = [line(cols)];
  for (const s of row.stages) {
    lines.push(line([String(s.stage), String(Number(s.labels.toFixed(1))), formatCell(s.found, 1), formatCell(s.auroc), formatCell(s.ap),
      formatCell(s.aurocUnlabelled), formatCell(s.pauc), formatCell(s.precision), s.seconds.toFixed(2)]));
  }
  const a = row.summary.auroc;
  lines.push(`AUROC curve: start ${formatCell(a.start)}, end ${formatCell(a.end)}, area ${formatCell(a.area)}, ramp-up ${formatCell(a.rampUp)}`);
  if (row.collapsedSeeds.length) lines.push(`WARNING: the scores collapsed (nearly all equal) for seed(s) ${row.collapsedSeeds.join(', ')}`);
  return lines.join('\n');
}

/** One grid line: the configuration's AUROC cell per stage. */
export function gridLine(key: string, runs: SeedRun[]): string {
  const [row] = aggregate([{ key, label: key }], runs) as [TableRow];
  return `${key.padEnd(36)}${row.stages.map((s) => formatCell(s.auroc).padEnd(15)).join('')}${row.collapsedSeeds.length ? ' (collapsed)' : ''}`;
}
