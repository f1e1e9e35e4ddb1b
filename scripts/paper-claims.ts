// The paper's claims as paired tests over (dataset, seed): ABS vs random, NCE vs one_class, both together; and the
// strategies beyond the paper against ABS and random.
import { formatP, pairedTest, type PairedResult } from '../src/engine/paired';
import type { ResultFile } from './paper-worker';

export interface Claim {
  claim: string;
  a: string;
  b: string;
}

export const CLAIMS: Claim[] = [
  { claim: 'ABS beats random (NCE loss)', a: 'nce/abs/ps1', b: 'nce/random/ps0' },
  { claim: 'ABS beats random (one-class loss)', a: 'one_class/abs/ps1', b: 'one_class/random/ps0' },
  { claim: 'ABS beats random (soft-boundary + NCE)', a: 'soft_boundary_nce/abs/ps1', b: 'soft_boundary_nce/random/ps0' },
  { claim: 'NCE beats one-class (ABS query)', a: 'nce/abs/ps1', b: 'one_class/abs/ps1' },
  { claim: 'NCE beats one-class (random query)', a: 'nce/random/ps0', b: 'one_class/random/ps0' },
  { claim: 'NCE + ABS beats one-class + random (both together)', a: 'nce/abs/ps1', b: 'one_class/random/ps0' },
  { claim: 'margin (beyond) vs ABS', a: 'nce/margin/ps1', b: 'nce/abs/ps1' },
  { claim: 'diverse (beyond) vs ABS', a: 'nce/diverse/ps1', b: 'nce/abs/ps1' },
  { claim: 'density (beyond) vs ABS', a: 'nce/density/ps1', b: 'nce/abs/ps1' },
  { claim: 'margin (beyond) vs random', a: 'nce/margin/ps1', b: 'nce/random/ps0' },
  { claim: 'diverse (beyond) vs random', a: 'nce/diverse/ps1', b: 'nce/random/ps0' },
  { claim: 'density (beyond) vs random', a: 'nce/density/ps1', b: 'nce/random/ps0' },
];

export type ClaimMetric = 'final AUROC' | 'AUROC area';
const value = (r: ResultFile, m: ClaimMetric): number | null =>
  m === 'final AUROC' ? r.run.stages[r.run.stages.length - 1]!.auroc : r.run.summary.auroc.area;

/** Pairs (same dataset and seed) of a against b on the metric, over the given datasets. */
export function pairs(results: ResultFile[], a: string, b: string, m: ClaimMetric, datasets: string[]): { x: number[]; y: number[] } {
  const byB = new Map(results.filter((r) => r.key === b).map((r) => [`${r.dataset}#${r.seed}`, r]));
  const x: number[] = [];
  const y: number[] = [];
  for (const r of results) {
    if (r.key !== a || !datasets.includes(r.dataset)) continue;
    const o = byB.get(`${r.dataset}#${r.seed}`);
    const va = value(r, m);
    const vb = o ? value(o, m) : null;
    if (va === null || vb === null) continue;
    x.push(va);
    y.push(vb);
  }
  return { x, y };
}

export interface ClaimResult extends Claim {
  metric: ClaimMetric;
  test: PairedResult;
}

export function checkClaims(results: ResultFile[], datasets: string[], claims = CLAIMS): ClaimResult[] {
  const out: ClaimResult[] = [];
  for (const c of claims) {
    for (const metric of ['final AUROC', 'AUROC area'] as ClaimMetric[]) {
      const { x, y } = pairs(results, c.a, c.b, metric, datasets);
      if (x.length === 0) continue;
      out.push({ ...c, metric, test: pairedTest(x, y) });
    }
  }
  return out;
}

/** 'holds (p = 0.003)' / 'reversed (p = ...)' / 'not shown (p = ...)' at the 5% level, two-sided. */
export function verdict(t: PairedResult): string {
  if (t.pValue === null) return 'no test (fewer than 2 differing pairs)';
  const p = formatP(t.pValue);
  if (t.pValue >= 0.05) return `not shown (p = ${p})`;
  return (t.medianDiff ?? 0) > 0 || t.wins > t.losses ? `holds (p = ${p})` : `reversed (p = ${p})`;
}
