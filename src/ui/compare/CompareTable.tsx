// The comparison table, one metric at a time so it fits its width: per stage mean +- std, the curve's area and ramp-up,
// and the win rate against random with its paired test.
import { useState } from 'react';
import { formatP } from '../../engine/paired';
import type { SeedRun } from '../../engine/seedRun';
import { formatCell, type Cell, type StageRow, type TableRow } from './table';
import { winRates, type CompareMetric } from './winRate';

const METRICS: Array<{ key: CompareMetric; title: string; explain: string }> = [
  { key: 'auroc', title: 'AUROC', explain: 'AUROC x100 over the whole pool, as the paper reports it' },
  { key: 'ap', title: 'AP', explain: 'average precision x100 over the whole pool' },
  { key: 'aurocUnlabelled', title: 'AUROC (unlabelled)', explain: 'AUROC x100 over the samples still unlabelled when the stage trained' },
  { key: 'pauc', title: 'pAUC (FPR <= 0.05)', explain: 'partial AUROC up to a false-positive rate of 0.05, McClish-standardised x100 (50 = chance, 100 = perfect)' },
  { key: 'found', title: 'anomalies found', explain: 'true anomalies among the labels spent so far (the discovery curve)' },
  { key: 'precision', title: 'precision at budget', explain: 'anomalies found / labels spent, x100' },
];

const cellOf = (s: StageRow, m: CompareMetric): Cell | null => s[m];
const curveMetric = (m: CompareMetric): m is 'auroc' | 'ap' | 'aurocUnlabelled' | 'pauc' => m !== 'found' && m !== 'precision';

export function CompareTable({ rows, results }: { rows: TableRow[]; results: SeedRun[] }) {
  const [metric, setMetric] = useState<CompareMetric>('auroc');
  const stages = rows.reduce((m, r) => Math.max(m, r.stages.length), 0);
  if (stages === 0) return null;
  const info = METRICS.find((x) => x.key === metric)!;
  const wins = winRates(rows.map((r) => r.key), results, metric);
  const digits = metric === 'found' ? 1 : 2;
  return (
    <div className="compare-table-wrap">
      <label className="field inline compare-metric">
        <span>Show</span>
        <select data-testid="compare-metric" value={metric} onChange={(e) => setMetric(e.target.value as CompareMetric)}>
          {METRICS.map((m) => <option key={m.key} value={m.key}>{m.title}</option>)}
        </select>
      </label>
      <table className="compare-table" data-testid="compare-table">
        <colgroup>
          <col className="c-config" />
          {Array.from({ length: stages }, (_, t) => <col key={t} />)}
          <col /><col className="c-win" />
        </colgroup>
        <thead>
          <tr>
            <th>configuration</th>
            {Array.from({ length: stages }, (_, t) => <th key={t}>stage {t}</th>)}
            <th title="trapezoid area under the curve over the stages / rounds; ramp-up = stage 1 minus stage 0">area · ramp-up</th>
            <th title="last stage against random with the same loss, paired by seed: (wins + ties / 2) / seeds, two-sided Wilcoxon signed-rank p">vs random</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const w = wins.get(r.key);
            const sum = curveMetric(metric) ? r.summary[metric] : null;
            return (
              <tr key={r.key} data-key={r.key}>
                <th scope="row">{r.label}<div className="sub">{r.seeds.length} seed{r.seeds.length === 1 ? '' : 's'}{r.collapsedSeeds.length > 0 && <span className="collapsed" data-testid="compare-collapsed"> · collapsed: seed {r.collapsedSeeds.join(', ')}</span>}</div></th>
                {Array.from({ length: stages }, (_, t) => {
                  const c = r.stages[t];
                  return (
                    <td key={t} data-stage={t} title={c ? `${c.seconds.toFixed(2)} s per stage` : undefined}>
                      {c ? (
                        <>
                          <div className="value" data-testid="cell">{formatCell(cellOf(c, metric), digits)}</div>
                          <div className="sub">{Number(c.labels.toFixed(1))} labels{c.collapsed ? ' · collapsed' : ''}</div>
                        </>
                      ) : '…'}
                    </td>
                  );
                })}
                <td data-testid="summary">{sum ? <>{formatCell(sum.area)}<div className="sub">ramp-up {formatCell(sum.rampUp)}</div></> : '–'}</td>
                <td data-testid="win-rate">{w ? <>{w.test.winRate === null ? 'n/a' : `${Math.round(100 * w.test.winRate)}%`} <span className="sub">of {w.test.n}</span><div className="sub">p = {formatP(w.test.pValue)}</div></> : <span className="sub">{r.key.split('/')[1] === 'random' ? 'baseline' : 'add random'}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="explain">{info.title}: {info.explain}; mean +- population standard deviation over the seeds (as `npm run experiment` prints it). Labels are means (seconds per stage in each cell's tooltip and the CSV). "vs random" compares the last stage with random under the same loss, seed by seed (with five seeds the smallest possible p is 0.0625).</p>
    </div>
  );
}
