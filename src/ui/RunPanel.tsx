// Run controls, the teaching stepper, the progress bar, the backend line and the hovered point.
import { useState } from 'react';
import { PHASES } from '../core/types';
import { secondsLeft } from '../store/labEta';
import { backendTitle } from '../worker/choice';
import { PHASE_SENTENCE, PHASE_TITLE } from './phases';
import { labStore, useLab } from './useLab';
import { useCurrent } from './views/derived';
import { CollapseWarning } from './CollapseWarning';

export function RunControls() {
  const run = useLab((s) => s.run);
  const ready = useLab((s) => !!s.backend && !!s.data);
  const [n, setN] = useState(5);
  const st = labStore.getState();
  const disabled = !ready || run.busy;
  return (
    <div className="run-controls" data-testid="run-controls">
      <button data-testid="train-round" className="primary" disabled={disabled} onClick={() => st.trainRound()} title="Answer the open queue, then train, score and query one stage">
        Train one round
      </button>
      <span className="group">
        <button data-testid="run-rounds" disabled={disabled} onClick={() => st.runRounds(n)}>Run</button>
        <input data-testid="rounds" id="rounds-count" aria-label="Number of rounds to run with the simulated oracle" type="number" min={1} max={50} value={n}
          onChange={(e) => setN(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} />
        <label htmlFor="rounds-count">{n === 1 ? 'round' : 'rounds'} (simulated oracle)</label>
      </span>
      {run.paused ? (
        <button data-testid="resume" disabled={!run.busy} onClick={() => st.resume()}>Resume</button>
      ) : (
        <button data-testid="pause" disabled={!run.busy} onClick={() => st.pause()}>Pause</button>
      )}
      <button data-testid="cancel" disabled={!run.busy} onClick={() => st.cancel()}>Cancel</button>
      <button data-testid="reset" disabled={!ready} onClick={() => st.reset()}>Reset</button>
    </div>
  );
}

export function Stepper() {
  const run = useLab((s) => s.run);
  const last = useLab((s) => s.lastPhase);
  const ready = useLab((s) => !!s.backend && !!s.data);
  const next = run.nextPhase;
  const nextIdx = PHASES.indexOf(next);
  const shown = last?.phase ?? null;
  return (
    <div className="stepper" data-testid="stepper">
      <ol>
        {PHASES.map((p, i) => (
          <li
            key={p}
            data-testid={`stage-${p}`}
            className={`${i < nextIdx ? 'done' : ''} ${p === next ? 'next' : ''} ${p === shown ? 'shown' : ''}`}
            title={PHASE_SENTENCE[p]}
          >
            <span className="num">{i + 1}</span> {PHASE_TITLE[p]}
          </li>
        ))}
      </ol>
      <button data-testid="step" disabled={!ready || run.busy} onClick={() => labStore.getState().step()}>
        Next step: {PHASE_TITLE[next]} (stage {run.stage})
      </button>
      <p className="sentence" data-testid="stage-sentence">
        {shown ? <><b>{PHASE_TITLE[shown]}:</b> {PHASE_SENTENCE[shown]}</> : <><b>Next, {PHASE_TITLE[next]}:</b> {PHASE_SENTENCE[next]}</>}
      </p>
    </div>
  );
}

/** "under a second left", "about 12 s left", "about 2 min 5 s left" */
export function timeLeftText(s: number): string {
  if (s < 1) return 'under a second left';
  if (s < 90) return `about ${s.toFixed(0)} s left`;
  return `about ${Math.floor(s / 60)} min ${Math.round(s % 60)} s left`;
}

export function ProgressBar() {
  const p = useLab((s) => s.progress);
  const run = useLab((s) => s.run);
  const rates = useLab((s) => s.rates);
  const roundsLeft = useLab((s) => s.roundsLeft);
  const snaps = useLab((s) => s.snapshots);
  const frac = p && p.epochs > 0 ? p.epoch / p.epochs : run.busy ? 0 : 1;
  const stageSec = snaps.length ? snaps[snaps.length - 1]!.snapshot.seconds : null;
  const left = p && run.config && run.busy ? secondsLeft(p, run.config, rates, Math.max(0, roundsLeft - 1), stageSec) : null;
  return (
    <div className="progress" data-testid="progress" data-busy={run.busy ? 'yes' : 'no'}>
      <div className="bar"><div className="fill" style={{ transform: `scaleX(${frac.toFixed(3)})` }} /></div>
      <div className="progress-text">
        <span data-testid="activity">{run.paused ? 'paused' : run.busy ? run.activity : run.activity === 'cancelled' ? 'cancelled' : 'idle'}</span>
        {p && (
          <span data-testid="progress-detail">
            stage {p.stage} · {PHASE_TITLE[p.phase]}{p.epochs > 0 ? ` · epoch ${p.epoch}/${p.epochs}` : ''}
            {p.loss !== null ? ` · loss ${p.loss.toPrecision(4)}` : ''}
          </span>
        )}
        {left !== null && <span data-testid="time-left">{timeLeftText(left)}</span>}
      </div>
    </div>
  );
}

/** One short badge (the backend that trains); the probe's reasoning and table open on demand. */
export function BackendBadge() {
  const b = useLab((s) => s.backend);
  const [open, setOpen] = useState(false);
  if (!b) return <div className="backend" data-testid="backend-line"><span className="badge muted-badge">choosing backend…</span></div>;
  return (
    <div className="backend" data-testid="backend-line" data-backend={b.active}>
      <button className="badge" data-testid="backend-badge" aria-expanded={open} aria-controls="backend-details" onClick={() => setOpen(!open)}
        title="Which backend trains, and why (click for the probe)">
        {backendTitle(b.active)}{b.how === 'fallback' ? ' (fallback)' : ''}
      </button>
      {open && (
        <div className="backend-details" id="backend-details" data-testid="backend-details">
          <p data-testid="backend-reason">{b.reason}</p>
          {b.trainer && <p className="kernel" data-testid="backend-kernel">Training runs on the {b.trainer}.</p>}
          <table className="probe" data-testid="probe-table">
            <thead><tr><th>backend</th><th>available</th><th>detail</th><th>ms / step</th><th>note</th></tr></thead>
            <tbody>
              {b.probes.map((p) => (
                <tr key={p.name}>
                  <td>{backendTitle(p.name)}</td><td>{p.available ? 'yes' : 'no'}</td><td>{p.detail}</td>
                  <td>{p.stepMs === null ? '–' : p.stepMs.toFixed(2)}</td><td>{p.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function Metrics() {
  const snaps = useLab((s) => s.snapshots);
  const run = useLab((s) => s.run);
  const last = snaps.length ? snaps[snaps.length - 1]!.snapshot : null;
  const prev = snaps.length > 1 ? snaps[snaps.length - 2]!.snapshot : null;
  const delta = last?.auroc != null && prev?.auroc != null ? last.auroc - prev.auroc : null;
  return (
    <div className="metrics" data-testid="metrics">
      <div className="metric"><span>AUROC</span><b data-testid="auroc">{last?.auroc != null ? last.auroc.toFixed(3) : '–'}</b>
        {delta !== null && <small className={delta >= 0 ? 'up' : 'down'}>{delta >= 0 ? '+' : ''}{delta.toFixed(3)}</small>}</div>
      <div className="metric"><span>AP</span><b data-testid="ap">{last?.ap != null ? last.ap.toFixed(3) : '–'}</b></div>
      <div className="metric"><span>stage</span><b data-testid="stage">{run.stage}</b></div>
      <div className="metric"><span>labels</span><b data-testid="labels">{run.labelled}</b></div>
      <div className="metric"><span>queued</span><b data-testid="queued">{run.queue.length}</b></div>
      <CollapseWarning />
    </div>
  );
}

export function HoverInfo() {
  const hover = useLab((s) => s.hover);
  const cur = useCurrent();
  const answers = useLab((s) => s.answers);
  if (!cur || hover === null || hover >= cur.msg.snapshot.scores.length) {
    return <div className="hover-info muted" data-testid="hover-info">Hover a point to see its index, score, rank and label in every view.</div>;
  }
  const s = cur.msg.snapshot;
  const given = answers.get(hover) ?? cur.table.labelled.get(hover);
  return (
    <div className="hover-info" data-testid="hover-info">
      point <b>{hover}</b> · score <b>{s.scores[hover]!.toPrecision(4)}</b> · rank <b>{cur.table.rank[hover]}</b> of {s.scores.length} ·{' '}
      {cur.table.queueNo[hover] ? `queued #${cur.table.queueNo[hover]} · ` : ''}
      {given === undefined ? 'unlabelled' : given === 1 ? 'labelled anomaly' : 'labelled normal'}
      {cur.truth ? ` · truth: ${cur.truth[hover] ? 'anomaly' : 'normal'}` : ''}
    </div>
  );
}
