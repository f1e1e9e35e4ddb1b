// "Compare strategies": configurations x seeds 1..N in the worker, paper-style table, mean curves, CSV/PNG/SVG export.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { LOSSES, QUERIES, type Loss, type Query } from '../../core/types';
import { labStore, useLab } from '../useLab';
import { loadPlotly, Plot } from '../Plot';
import { batchTimeLeft, compareStore, type CompareData } from '../../store/panels';
import { COMPARE_EXPLAIN, compareFigure } from './figure';
import { formatSeconds } from '../../store/compare/progress';
import { aggregate, summaryCsv, tableCsv } from './table';
import type { Preset } from '../../core/choices';
import { formatSeedList, parseSeedList } from '../../engine/seeds';
import { formatCompareSelection, parseCompareSelection, type CompareSelection } from '../../engine/compareLink';
import { beyondPaper, LOSS_TITLE, queryTitle } from '../../engine/names';
import type { LabSettings } from '../../store/urlState';
import { CompareTable } from './CompareTable';
import './compare.css';

/** The menus' names without the beyond-the-paper note (the panel marks those separately). */
const QUERY_LABEL = Object.fromEntries(QUERIES.map((q) => [q, queryTitle(q).replace(' (beyond the paper)', '')])) as Record<Query, string>;

function initialPick(s: LabSettings): CompareSelection {
  if (s.compare) {
    try { return parseCompareSelection(s.compare); } catch { /* the link parser already reported it */ }
  }
  return { queries: [s.query], losses: [s.loss], seeds: [s.seed], preset: s.preset, pseudo: s.pseudo };
}


const send = (cmd: Parameters<ReturnType<typeof labStore.getState>['send']>[0]) => labStore.getState().send(cmd);

function useCompare<T>(sel: (s: CompareData) => T): T {
  return useStore(compareStore, sel);
}

function fileStem(s: CompareData): string {
  return `compare-${s.dataset || 'data'}-${s.preset}-${s.seeds.length}seeds`;
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function toggle<T>(list: T[], v: T, on: boolean): T[] {
  return on ? (list.includes(v) ? list : [...list, v]) : list.filter((x) => x !== v);
}

function Picker() {
  const settings = useLab((s) => s.settings);
  const data = useLab((s) => s.data);
  const running = useCompare((s) => s.status === 'running');
  // the link's selection (compare=...) when there is one, else the session's settings and seed
  const [init] = useState(() => initialPick(settings));
  const [queries, setQueries] = useState<Query[]>(init.queries);
  const [losses, setLosses] = useState<Loss[]>(init.losses);
  const [pseudo, setPseudo] = useState(init.pseudo);
  const [preset, setPreset] = useState<Preset>(init.preset);
  const [seeds, setSeeds] = useState(() => formatSeedList(init.seeds));
  const parsed = useMemo(() => { try { return { list: parseSeedList(seeds), error: null }; } catch (e) { return { list: [], error: (e as Error).message }; } }, [seeds]);
  const n = parsed.list.length;
  const seedsOk = parsed.error === null && n <= 100;
  const total = queries.length * losses.length * (seedsOk ? n : 0);
  const why = !data ? 'Load a dataset first.'
    : !data.raw.labels ? 'This dataset has no labels: the simulated oracle needs them.'
    : parsed.error !== null ? `Seeds: ${parsed.error}` : !seedsOk ? `At most 100 seeds (got ${n}).`
    : queries.length === 0 ? 'Pick at least one query strategy.'
    : losses.length === 0 ? 'Pick at least one loss.' : null;
  // the selection lives in the link (a non-restarting setting), so "Copy link" shares it
  const mounted = useRef(false);
  useEffect(() => {
    // only a change the user makes goes into the link, so opening the page leaves the address as it was
    if (!mounted.current) { mounted.current = true; return; }
    if (!seedsOk || queries.length === 0 || losses.length === 0) return;
    const compare = formatCompareSelection({ queries, losses, seeds: parsed.list, preset, pseudo });
    if (labStore.getState().settings.compare !== compare) void labStore.getState().applySettings({ compare });
  }, [queries, losses, parsed.list, preset, pseudo, seedsOk]);
  const start = () => {
    const st = labStore.getState();
    compareStore.getState().start(send, {
      pick: { losses, queries, pseudo, preset, pollution: settings.pollution === 'full' ? null : settings.pollution, k: settings.k === 'auto' ? null : settings.k },
      seeds: parsed.list, dataset: st.settings.dataset, source: st.data?.source ?? 'bundled', dataSeed: st.settings.seed,
    });
  };
  return (
    <div className="compare-pick">
      <fieldset data-testid="compare-queries">
        <legend>Query strategies</legend>
        {QUERIES.map((q) => (
          <label key={q} className="field inline">
            <input type="checkbox" value={q} checked={queries.includes(q)} disabled={running} onChange={(e) => setQueries(toggle(queries, q, e.target.checked))} />
            <span>{QUERY_LABEL[q]}{beyondPaper(q) && <small className="beyond"> (beyond the paper)</small>}</span>
          </label>
        ))}
      </fieldset>
      <fieldset data-testid="compare-losses">
        <legend>Losses</legend>
        {LOSSES.map((l) => (
          <label key={l} className="field inline">
            <input type="checkbox" value={l} checked={losses.includes(l)} disabled={running} onChange={(e) => setLosses(toggle(losses, l, e.target.checked))} />
            <span>{LOSS_TITLE[l]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Protocol</legend>
        <label className="field inline">
          <span>Preset</span>
          <select data-testid="compare-preset" value={preset} disabled={running} onChange={(e) => setPreset(e.target.value as Preset)}>
            <option value="paper">paper</option>
            <option value="interactive">interactive</option>
          </select>
        </label>
        <label className="field inline">
          <span>Seeds</span>
          <input data-testid="compare-seeds" type="text" inputMode="numeric" value={seeds} disabled={running} onChange={(e) => setSeeds(e.target.value)} style={{ width: '8em' }} title="a list such as 1-5 or 1,3,7" />
        </label>
        <label className="field inline">
          <input type="checkbox" checked={pseudo} disabled={running} onChange={(e) => setPseudo(e.target.checked)} />
          <span>pseudo-abnormal samples</span>
        </label>
      </fieldset>
      <div className="compare-actions">
        <button className="primary" data-testid="compare-run" disabled={running || why !== null} onClick={start}>
          Run {queries.length * losses.length} configuration{queries.length * losses.length === 1 ? '' : 's'} x {seedsOk ? n : '?'} seeds = {total} runs
        </button>
        <button data-testid="compare-cancel" disabled={!running} onClick={() => compareStore.getState().cancel(send)}>Cancel</button>
        {why && <span className="compare-why">{why}</span>}
      </div>
    </div>
  );
}

function Progress() {
  const s = useCompare((x) => x);
  if (s.status === 'idle') return null;
  const total = s.configs.length * s.seeds.length;
  const done = s.results.length;
  const label = s.configs.find((c) => c.key === s.progress?.key)?.label;
  const frac = s.progress && s.progress.epochs > 0 ? s.progress.epoch / s.progress.epochs : 0;
  return (
    <div className="progress compare-progress" data-testid="compare-progress" role="status">
      <div className="bar"><div className="fill" style={{ width: `${(100 * Math.min(total, done + (s.status === 'running' && s.progress ? Math.min(1, (s.progress.stage + frac) / 6) : 0))) / Math.max(1, total)}%` }} /></div>
      <div className="progress-text">
        {s.status === 'running' && s.progress && (
          <span>run {s.progress.run + 1} of {s.progress.of}: {label}, seed {s.progress.seed}, stage {s.progress.stage} {s.progress.phase} {s.progress.epochs > 0 ? `epoch ${s.progress.epoch}/${s.progress.epochs}` : ''}</span>
        )}
        {s.status === 'running' && !s.progress && <span>starting (waits for the lab's current command)…</span>}
        {s.status === 'running' && <span>time left for the batch: {formatSeconds(batchTimeLeft(s))}</span>}
        {s.status !== 'running' && <span>{done} of {total} runs finished{s.status === 'cancelled' ? ' (cancelled)' : ''}{s.finishedAt && s.startedAt ? ` in ${formatSeconds((s.finishedAt - s.startedAt) / 1000)}` : ''}{s.backend ? ` on ${s.backend}` : ''}</span>}
      </div>
      {s.error && <div className="error" role="alert" data-testid="compare-error">{s.error}</div>}
    </div>
  );
}

async function exportImage(format: 'png' | 'svg', name: string): Promise<void> {
  const el = document.querySelector('[data-testid="plot-compare"]') as HTMLElement | null;
  if (!el) return;
  const Plotly = await loadPlotly();
  await Plotly.downloadImage(el, { format, filename: name, width: 1100, height: 600 } as never);
}

export function ComparePanel() {
  const s = useCompare((x) => x);
  const hidden = useLab((x) => x.hidden.has('compare'));
  const rows = useMemo(() => aggregate(s.configs, s.results), [s.configs, s.results]);
  // the plotly chart is drawn once the batch ends: no main-thread rendering while it runs
  const figure = useMemo(() => (s.status !== 'running' && s.results.length ? compareFigure(rows) : null), [rows, s.status, s.results.length]);
  const stem = fileStem(s);
  if (hidden) return null;
  return (
    <details className="card compare" data-testid="compare-panel">
      <summary>Compare strategies <small>(simulated oracle, any seeds, the CLI's protocol)</small></summary>
      <Picker />
      <Progress />
      {s.command && (
        <div className="compare-cli" data-testid="compare-cli">
          <p>
            Same engine and makeConfig as the command line: each configuration runs seeds {formatSeedList(s.seeds)} with the simulated oracle
            (initial stage + query rounds), so on the same backend these commands {s.command.exact ? 'give the same numbers' : 'are the closest equivalent'}:
          </p>
          <pre>{s.command.lines.join('\n')}</pre>
          {s.command.notes.length > 0 && <ul className="compare-notes">{s.command.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
        </div>
      )}
      <CompareTable rows={rows} results={s.results} />
      {s.results.length > 0 && (
        <div className="compare-actions">
          <button data-testid="compare-csv" onClick={() => download(`${stem}.csv`, tableCsv(rows), 'text/csv')}>Export table (CSV)</button>
          <button data-testid="compare-summary-csv" onClick={() => download(`${stem}-summary.csv`, summaryCsv(rows), 'text/csv')}>Curve summaries (CSV)</button>
          <button data-testid="compare-png" disabled={!figure} onClick={() => void exportImage('png', stem)}>Curves as PNG</button>
          <button data-testid="compare-svg" disabled={!figure} onClick={() => void exportImage('svg', stem)}>Curves as SVG</button>
        </div>
      )}
      {figure && (
        <div className="compare-plot">
          <Plot id="compare" figure={figure} height={460} />
          <p className="explain">{COMPARE_EXPLAIN}</p>
        </div>
      )}
    </details>
  );
}
