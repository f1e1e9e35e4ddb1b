// Paired comparison of two strategies over matched runs (same dataset and seed): win rate and the Wilcoxon
// signed-rank test (@stdlib/stats-wilcoxon: exact below 50 pairs without ties or zeros, else the normal approximation).
import wilcoxon from '@stdlib/stats-wilcoxon';
import { median } from './metrics';

export interface PairedResult {
  /** pairs compared */
  n: number;
  wins: number;
  losses: number;
  ties: number;
  /** (wins + ties / 2) / n */
  winRate: number | null;
  /** median of a - b */
  medianDiff: number | null;
  /** W+, the sum of the ranks of the positive differences (zeros dropped) */
  statistic: number | null;
  /** two-sided p-value; null when fewer than two pairs differ (the test needs two) */
  pValue: number | null;
}

/** a[i] and b[i] are one pair (the same dataset and seed under two strategies). */
export function pairedTest(a: number[], b: number[]): PairedResult {
  if (a.length !== b.length) throw new Error(`pairedTest: ${a.length} values against ${b.length}; the pairs must match`);
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) throw new Error(`pairedTest: pair ${i} is not two finite numbers (${a[i]}, ${b[i]})`);
    diff.push(a[i]! - b[i]!);
  }
  const wins = diff.filter((d) => d > 0).length;
  const losses = diff.filter((d) => d < 0).length;
  const ties = diff.length - wins - losses;
  const n = diff.length;
  let statistic: number | null = null;
  let pValue: number | null = null;
  if (wins + losses >= 2) {
    const r = wilcoxon(diff, { zeroMethod: 'wilcox' });
    statistic = r.statistic;
    // the exact two-sided value doubles one tail, which passes 1 when W+ sits at the centre: a p-value is at most 1
    pValue = Math.min(1, r.pValue);
  }
  return { n, wins, losses, ties, winRate: n ? (wins + ties / 2) / n : null, medianDiff: n ? median(diff) : null, statistic, pValue };
}

/** A p-value as the panel and the report print it: three decimals, or one significant digit below 0.001. */
export function formatP(p: number | null): string {
  return p === null ? 'n/a' : p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}
