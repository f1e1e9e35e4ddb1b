// The parity criterion of issue 2, as a pure function so it is unit-tested.
import { meanStd } from '../src/engine/metrics';

export interface RefCell { mean: number[]; std: number[] }

export interface ParityRow { key: string; stage: number; ours: number; oursStd: number; ref: number; refStd: number; ok: boolean }

/** |mean_ours - mean_ref| <= 2.5 sqrt((s_o^2 + s_r^2)/5) + 1.0, AUROC x100, per (configuration, stage). */
export function cellOk(ours: number, oursStd: number, ref: number, refStd: number, seeds = 5): boolean {
  return Math.abs(ours - ref) <= 2.5 * Math.sqrt((oursStd ** 2 + refStd ** 2) / seeds) + 1.0;
}

export function compare(ref: Record<string, RefCell>, ours: Record<string, number[][]>): { rows: ParityRow[]; share: number; meanDiff: number; pass: boolean } {
  const rows: ParityRow[] = [];
  for (const [key, cell] of Object.entries(ref)) {
    const runs = ours[key];
    if (!runs) continue;
    cell.mean.forEach((refMean, t) => {
      const { mean, std } = meanStd(runs.map((r) => r[t] * 100));
      rows.push({ key, stage: t, ours: mean, oursStd: std, ref: refMean, refStd: cell.std[t], ok: cellOk(mean, std, refMean, cell.std[t], runs.length) });
    });
  }
  const share = rows.filter((r) => r.ok).length / Math.max(1, rows.length);
  const meanDiff = rows.reduce((s, r) => s + (r.ours - r.ref), 0) / Math.max(1, rows.length);
  return { rows, share, meanDiff, pass: rows.length > 0 && share >= 0.9 && Math.abs(meanDiff) <= 2.0 };
}
