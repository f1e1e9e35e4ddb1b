// The report of whatever results exist under --out (one folder or several, merged): paper-style tables, extra metrics, figures, claims, coverage.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { configTitle } from '../src/engine/names';
import { aggregate, formatCell, type TableRow } from '../src/engine/resultTable';
import { meanStd } from '../src/engine/metrics';
import { checkClaims, verdict } from './paper-claims';
import { costMd, loadResults } from './paper-merge';
import { curveSvg, svgToPng } from './paper-figures';
import { BEYOND_CONFIGS, ODDS_DATASETS, PAPER_CONFIGS, PAPER_DATASETS } from './paper-grid';
import type { ResultFile } from './paper-worker';
import type { Loss, Query } from '../src/core/types';

const titleOf = (key: string) => {
  const [loss, query, ps] = key.split('/');
  return configTitle(loss as Loss, query as Query, ps === 'ps1');
};

function orderKeys(results: ResultFile[]): string[] {
  const known = [...PAPER_CONFIGS, ...BEYOND_CONFIGS].map((c) => c.key);
  const seen = [...new Set(results.map((r) => r.key))];
  return [...known.filter((k) => seen.includes(k)), ...seen.filter((k) => !known.includes(k)).sort()];
}

function orderDatasets(results: ResultFile[]): string[] {
  const seen = [...new Set(results.map((r) => r.dataset))];
  return [...PAPER_DATASETS.filter((d) => seen.includes(d)), ...seen.filter((d) => !PAPER_DATASETS.includes(d)).sort()];
}

function rowsFor(results: ResultFile[], dataset: string, keys: string[]): TableRow[] {
  const rs = results.filter((r) => r.dataset === dataset);
  return aggregate(keys.filter((k) => rs.some((r) => r.key === k)).map((k) => ({ key: k, label: titleOf(k) })), rs.map((r) => r.run));
}

function stageTableMd(rows: TableRow[]): string[] {
  const n = rows.reduce((m, r) => Math.max(m, r.stages.length), 0);
  const lines = [`| configuration | seeds | ${Array.from({ length: n }, (_, t) => `stage ${t}`).join(' | ')} |`, `|---|---|${'---|'.repeat(n)}`];
  for (const r of rows) lines.push(`| ${r.key}${r.collapsedSeeds.length ? ' (collapsed!)' : ''} | ${r.seeds.length} | ${r.stages.map((s) => formatCell(s.auroc)).join(' | ')} |`);
  return lines;
}

function extraTableMd(rows: TableRow[]): string[] {
  const lines = ['| configuration | AP x100 | AUROC unlab. | pAUC.05 | found / labels | precision x100 | area | ramp-up |', '|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const s = r.stages[r.stages.length - 1]!;
    const a = r.summary.auroc;
    lines.push(`| ${r.key} | ${formatCell(s.ap)} | ${formatCell(s.aurocUnlabelled)} | ${formatCell(s.pauc)} | ${s.found ? s.found.mean.toFixed(1) : 'n/a'} / ${Number(s.labels.toFixed(1))} | ${formatCell(s.precision)} | ${formatCell(a.area)} | ${formatCell(a.rampUp)} |`);
  }
  return lines;
}

/** res_read.py's view: per configuration and stage, the mean over datasets of the per-dataset mean AUROC x100. */
function meanOverDatasets(results: ResultFile[], datasets: string[], keys: string[]): string[] {
  const lines = [`| configuration | datasets | ${[0, 1, 2, 3, 4, 5].map((t) => `stage ${t}`).join(' | ')} |`, `|---|---|${'---|'.repeat(6)}`];
  for (const k of keys) {
    const per = datasets.map((d) => rowsFor(results, d, [k])[0]).filter((r): r is TableRow => !!r && r.stages.length > 0);
    if (per.length === 0) continue;
    const cells = [0, 1, 2, 3, 4, 5].map((t) => {
      const v = per.map((r) => r.stages[t]?.auroc?.mean).filter((x): x is number => x !== undefined);
      return v.length ? meanStd(v).mean.toFixed(2) : 'n/a';
    });
    lines.push(`| ${k} | ${per.length} | ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The datasets the cost table projects: those found, and all six ODDS sets once one is (the grid's 40-minute target). */
const costSets = (found: ResultFile[]) => {
  const seen = orderDatasets(found);
  return seen.some((d) => ODDS_DATASETS.includes(d)) ? [...seen, ...ODDS_DATASETS.filter((d) => !seen.includes(d))] : seen;
};

/** Final-stage AUROC x100 (mean over seeds) per dataset and its mean over the datasets that have it, for some configurations. */
function finalTable(results: ResultFile[], datasets: string[], keys: string[]): string[] {
  const lines = [`| configuration | ${datasets.join(' | ')} | mean |`, `|---|${'---|'.repeat(datasets.length + 1)}`];
  for (const k of keys) {
    const cells = datasets.map((d) => {
      const rs = results.filter((r) => r.dataset === d && r.key === k).map((r) => r.run.stages[r.run.stages.length - 1]!.auroc).filter((x): x is number => x !== null);
      return rs.length ? { v: 100 * meanStd(rs).mean, n: rs.length } : null;
    });
    if (cells.every((c) => c === null)) continue;
    const have = cells.filter((c): c is { v: number; n: number } => c !== null);
    const mean = have.length === datasets.length ? (have.reduce((a, c) => a + c.v, 0) / have.length).toFixed(2) : 'n/a';
    lines.push(`| ${k}${BEYOND_CONFIGS.some((c) => c.key === k) ? ' (beyond)' : ''} | ${cells.map((c) => (c ? `${c.v.toFixed(2)} (${c.n})` : 'n/a')).join(' | ')} | ${mean} |`);
  }
  return lines;
}

const FIGURE_SETS: Array<{ name: string; title: string; keys: string[] }> = [
  { name: 'queries-nce', title: 'query strategies, NCE loss', keys: ['nce/random/ps0', 'nce/mlp/ps0', 'nce/abs/ps1', 'nce/margin/ps1', 'nce/diverse/ps1', 'nce/density/ps1'] },
  { name: 'losses-abs', title: 'losses, ABS query', keys: ['soft_boundary/abs/ps1', 'soft_boundary_nce/abs/ps1', 'one_class/abs/ps1', 'nce/abs/ps1', 'dsad/abs/ps1'] },
];

export { loadResults };

/** `only`: the datasets the tables, claims and figures cover (default all found); the cost table covers every run found. */
export function writeReport(outDirs: string | string[], reportDir: string, only?: string[]): { path: string; results: number; figures: number } {
  const dirs = typeof outDirs === 'string' ? [outDirs] : outDirs;
  const outDir = dirs.map((d) => relative(process.cwd(), d) || '.').join(', ');
  const { results: found, bad, duplicates, conflicts } = loadResults(dirs);
  const results = only ? found.filter((r) => only.includes(r.dataset)) : found;
  if (results.length === 0) throw new Error(`No result files under ${outDir}${bad.length ? ` (${bad.length} unreadable)` : ''}: run the grid first, or give --out DIR.`);
  mkdirSync(join(reportDir, 'figures'), { recursive: true });
  const datasets = orderDatasets(results);
  const keys = orderKeys(results);
  const md: string[] = ['# Paper grid report', '',
    `${results.length} result files from \`${outDir}\` (${datasets.length} datasets, ${keys.length} configurations); reference mode, simulated oracle.`,
    'Cells: AUROC x100 over the whole pool, mean +- population std over seeds (as the reference prints). pAUC.05: partial AUROC up to FPR 0.05, McClish-standardised (50 = chance). Area: trapezoid area under AUROC x100 against the stage, divided by the rounds; ramp-up: stage 1 minus stage 0 (Trittenbach et al. 2021). Configurations marked *beyond* are not in the paper.', ''];
  if (bad.length) md.push(`Unreadable result files (ignored): ${bad.join(', ')}`, '');
  if (dirs.length > 1) md.push(`Merged ${dirs.length} folders: ${duplicates} runs found twice with the same numbers (kept once)${conflicts.length ? `; DIFFERENT numbers for the same run (the first folder's kept): ${conflicts.join('; ')}` : ''}.`, '');
  const collapsed = results.filter((r) => r.run.collapsed);
  md.push(`Collapsed runs (nearly all scores equal): ${collapsed.length ? collapsed.map((r) => `${r.dataset} ${r.key} seed ${r.seed}`).join('; ') : 'none'}.`, '');
  let figures = 0;
  const odds = datasets.filter((d) => ODDS_DATASETS.includes(d));
  if (odds.length) {
    md.push(`## Mean over the ODDS datasets (${odds.join(', ')})`, '', ...meanOverDatasets(results, odds, keys), '');
  }
  if (odds.length) {
    md.push('## Final AUROC of the query strategies with the NCE loss, per ODDS dataset', '',
      'AUROC x100 at the last stage, mean over the seeds present (their number in brackets); mean over datasets only where every dataset has the configuration.', '',
      ...finalTable(results, odds, FIGURE_SETS[0]!.keys), '');
  }
  md.push('## Claims: paired Wilcoxon signed-rank tests over (dataset, seed), ODDS datasets', '',
    'Two-sided, @stdlib/stats-wilcoxon (exact below 50 pairs without ties, else normal approximation); win rate = (wins + ties / 2) / pairs of A against B.', '',
    '| claim | A | B | metric | pairs | median A - B (x100) | A wins / ties / losses | win rate | W+ | verdict |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const c of checkClaims(results, odds)) {
    const t = c.test;
    md.push(`| ${c.claim} | ${c.a} | ${c.b} | ${c.metric} | ${t.n} | ${t.medianDiff === null ? 'n/a' : (100 * t.medianDiff).toFixed(2)} | ${t.wins} / ${t.ties} / ${t.losses} | ${t.winRate === null ? 'n/a' : t.winRate.toFixed(2)} | ${t.statistic ?? 'n/a'} | ${verdict(t)} |`);
  }
  md.push('');
  for (const d of datasets) {
    const rows = rowsFor(results, d, keys);
    md.push(`## ${d}`, '', ...stageTableMd(rows), '', 'Last stage and learning-curve summaries (AUROC x100):', '', ...extraTableMd(rows), '');
    for (const set of FIGURE_SETS) {
      const figRows = rowsFor(results, d, set.keys);
      if (figRows.length === 0) continue;
      const svg = curveSvg({ title: `${d}: ${set.title}`, rows: figRows });
      const stem = join(reportDir, 'figures', `${d}-${set.name}`);
      writeFileSync(`${stem}.svg`, svg);
      writeFileSync(`${stem}.png`, svgToPng(svg));
      figures += 2;
      md.push(`![${d}: ${set.title}](${relative(reportDir, `${stem}.png`)}) ([SVG](${relative(reportDir, `${stem}.svg`)}))`, '');
    }
  }
  const seeds = new Set(results.map((r) => r.seed)).size;
  md.push('## Cost of a run', '', `Every run found${only ? ', whatever the datasets above' : ''}. CPU: the worker thread's user + system time (Linux /proc), which a busy machine inflates far less than wall time (but still some: caches and memory are shared).`, '',
    ...costMd(found, costSets(found), keys.length * seeds), '');
  const path = join(reportDir, 'README.md');
  writeFileSync(path, md.join('\n'));
  return { path, results: results.length, figures };
}
