// "Compare strategies": configurations x seeds 1..N in the worker, paper-style table, mean curves, CSV/PNG/SVG export.
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { LOSSES, QUERIES, type Loss, type Query } from '../../core/types';
import { onWorkerEvent } from '../../store/lab';
import { labStore, useLab } from '../useLab';
import { loadPlotly, Plot } from '../Plot';
import { batchTimeLeft, compareStore, type CompareData } from './compareStore';
import { COMPARE_EXPLAIN, compareFigure } from './figure';
import { formatSeconds } from './progress';
import { aggregate, formatCell, tableCsv, type TableRow } from './table';
import type { Preset } from '../../core/choices';
import { parseSeedList } from '../../engine/seeds';

// registered at load, so events of a batch never reach the main lab reducer
onWorkerEvent((ev) => compareStore.getState().handleEvent(ev));

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
  const [queries, setQueries] = useState<Query[]>(() => [settings.query]);
  const [losses, setLosses] = useState<Loss[]>(() => [settings.loss]);
  const [pseudo, setPseudo] = useState(settings.pseudo);
  const [preset, setPreset] = useState<Preset>(settings.preset);
  const [seeds, setSeeds] = useState(() => String(settings.seed));
  const parsed = useMemo(() => { try { return { list: parseSeedList(seeds), error: null }; } catch (e) { return { list: [], error: (e as Error).message }; } }, [seeds]);
  const n = parsed.list.length;
  const seedsOk = parsed.error === null && n <= 100;
  const total = queries.length * losses.length * (seedsOk ? n : 0);
  const why = !data ? 'Load a dataset first.'
    : !data.raw.labels ? 'This dataset has no labels: the simulated oracle needs them.'
    : parsed.error !== null ? `Seeds: ${parsed.error}` : !seedsOk ? `At most 100 seeds (got ${n}).`
    : queries.length === 0 ? 'Pick at least one query strategy.'
    : losses.length === 0 ? 'Pick at least one loss.' : null;
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
            <span>{q}</span>
          </label>
        ))}
      </fieldset>
      <fieldset data-testid="compare-losses">
        <legend>Losses</legend>
        {LOSSES.map((l) => (
          <label key={l} className="field inline">
            <input type="checkbox" value={l} checked={losses.includes(l)} disabled={running} onChange={(e) => setLosses(toggle(losses, l, e.target.checked))} />
            <span>{l}</span>
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

function Table({ rows }: { rows: TableRow[] }) {
  const stages = rows.reduce((m, r) => Math.max(m, r.stages.length), 0);
  if (stages === 0) return null;
  return (
    <div className="compare-table-wrap">
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th>configuration</th>
            {Array.from({ length: stages }, (_, t) => <th key={t}>stage {t}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{r.label}<div className="sub">{r.seeds.length} seed{r.seeds.length === 1 ? '' : 's'}</div></th>
              {Array.from({ length: stages }, (_, t) => {
                const c = r.stages[t];
                return (
                  <td key={t} data-stage={t}>
                    {c ? (
                      <>
                        <div className="auroc" data-testid="auroc">{formatCell(c.auroc)}</div>
                        <div className="sub">AP {formatCell(c.ap)}</div>
                        <div className="sub">{Number(c.labels.toFixed(1))} labels · {c.seconds.toFixed(2)} s</div>
                      </>
                    ) : '…'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="explain">AUROC x100, mean +- population standard deviation over the seeds (as `npm run experiment` prints it); AP x100 likewise; labels given and seconds per stage are means.</p>
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
  const rows = useMemo(() => aggregate(s.configs, s.results), [s.configs, s.results]);
  // the plotly chart is drawn once the batch ends: no main-thread rendering while it runs
  const figure = useMemo(() => (s.status !== 'running' && s.results.length ? compareFigure(rows) : null), [rows, s.status, s.results.length]);
  const stem = fileStem(s);
  return (
    <details className="card compare" data-testid="compare-panel">
      <summary>Compare strategies <small>(simulated oracle, seeds 1..N, the CLI's protocol)</small></summary>
      <Picker />
      <Progress />
      {s.command && (
        <div className="compare-cli" data-testid="compare-cli">
          <p>
            Same engine and makeConfig as the command line: each configuration runs seeds 1..{s.seeds} with the simulated oracle
            (initial stage + query rounds), so on the same backend these commands {s.command.exact ? 'give the same numbers' : 'are the closest equivalent'}:
          </p>
          <pre>{s.command.lines.join('\n')}</pre>
          {s.command.notes.length > 0 && <ul className="compare-notes">{s.command.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
        </div>
      )}
      <Table rows={rows} />
      {s.results.length > 0 && (
        <div className="compare-actions">
          <button data-testid="compare-csv" onClick={() => download(`${stem}.csv`, tableCsv(rows), 'text/csv')}>Export table (CSV)</button>
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
