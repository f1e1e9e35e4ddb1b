// The panel's table is the engine's one table builder (engine/resultTable.ts); here only its CSV export.
import Papa from 'papaparse';
import type { Cell, TableRow } from '../../engine/resultTable';

export { aggregate, formatCell, type Cell, type StageRow, type TableRow } from '../../engine/resultTable';

export const CSV_HEADER = [
  'configuration', 'key', 'stage', 'labels', 'seeds',
  'auroc_x100_mean', 'auroc_x100_std', 'ap_x100_mean', 'ap_x100_std',
  'auroc_unlabelled_x100_mean', 'auroc_unlabelled_x100_std', 'pauc_fpr005_mcclish_x100_mean', 'pauc_fpr005_mcclish_x100_std',
  'found_mean', 'found_std', 'precision_x100_mean', 'precision_x100_std', 'collapsed_seeds', 'seconds_per_stage',
];

const round = (x: number | undefined, digits: number) => (x === undefined ? '' : String(Number(x.toFixed(digits))));
const pair = (c: Cell | null) => [round(c?.mean, 4), round(c?.std, 4)];

/** Long format, one line per configuration and stage: easy to pivot in a spreadsheet or pandas. */
export function tableCsv(rows: TableRow[]): string {
  const data = rows.flatMap((r) => r.stages.map((s) => [
    r.label, r.key, String(s.stage), round(s.labels, 2), String(r.seeds.length),
    ...pair(s.auroc), ...pair(s.ap), ...pair(s.aurocUnlabelled), ...pair(s.pauc), ...pair(s.found), ...pair(s.precision),
    String(s.collapsed), round(s.seconds, 3),
  ]));
  return Papa.unparse({ fields: CSV_HEADER, data }, { newline: '\n' });
}

export const SUMMARY_CSV_HEADER = ['configuration', 'key', 'metric', 'seeds', 'start_x100', 'end_x100', 'area_x100', 'ramp_up_x100'];

/** Learning-curve summaries (mean over seeds) per configuration and metric. */
export function summaryCsv(rows: TableRow[]): string {
  const data = rows.flatMap((r) => (Object.keys(r.summary) as Array<keyof TableRow['summary']>).map((m) => {
    const s = r.summary[m];
    return [r.label, r.key, m, String(r.seeds.length), round(s.start?.mean, 4), round(s.end?.mean, 4), round(s.area?.mean, 4), round(s.rampUp?.mean, 4)];
  }));
  return Papa.unparse({ fields: SUMMARY_CSV_HEADER, data }, { newline: '\n' });
}
