// "Score a file with this model": a new file with the training columns, scored in the worker; scores, ranks, R and a CSV.
import { useRef, useState } from 'react';
import { scoredCsv, type ScoredFile } from '../../worker/scoredCsv';
import { download, sessionActions } from '../sessions/context';
import { useLab } from '../useLab';
import { scoreInWorker } from '../../store/effects/importClient';
import { Modal } from './Modal';

const BINS = 30;
const TOP = 10;

/** Two histograms on one scale: the training scores (from the model's quantiles) and the new file's. */
function Histogram({ r }: { r: ScoredFile }) {
  const all = [...r.trainQuantiles, ...r.scores];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const w = (hi - lo) / BINS || 1;
  const count = (xs: ArrayLike<number>) => {
    const c = new Array<number>(BINS).fill(0);
    for (let i = 0; i < xs.length; i++) c[Math.min(BINS - 1, Math.floor((xs[i]! - lo) / w))]! += 1 / xs.length;
    return c;
  };
  const train = count(r.trainQuantiles);
  const fresh = count(r.scores);
  const top = Math.max(...train, ...fresh) || 1;
  const H = 90;
  const bw = 600 / BINS;
  return (
    <svg viewBox={`0 0 600 ${H + 16}`} className="score-hist" data-testid="score-hist" role="img" aria-label="histogram of the new scores against the training scores">
      {train.map((v, k) => <rect key={`t${k}`} x={k * bw} y={H - (v / top) * H} width={bw - 1} height={(v / top) * H} fill="#999" opacity={0.45} />)}
      {fresh.map((v, k) => <rect key={`n${k}`} x={k * bw + bw * 0.25} y={H - (v / top) * H} width={bw * 0.5} height={(v / top) * H} fill="#0072b2" />)}
      {r.radius2 !== null && r.radius2 >= lo && r.radius2 <= hi && <line x1={((r.radius2 - lo) / (hi - lo)) * 600} x2={((r.radius2 - lo) / (hi - lo)) * 600} y1={0} y2={H} stroke="#d55e00" strokeDasharray="4 3" />}
      <text x={0} y={H + 13} fontSize={11}>{lo.toPrecision(3)}</text>
      <text x={600} y={H + 13} fontSize={11} textAnchor="end">{hi.toPrecision(3)}</text>
    </svg>
  );
}

function Result({ r, onClose }: { r: ScoredFile; onClose: () => void }) {
  const outside = r.radius2 === null ? null : Array.from(r.scores).filter((s) => s > r.radius2!).length;
  const order = Array.from({ length: r.n }, (_, i) => i).sort((a, b) => r.rank[a]! - r.rank[b]!).slice(0, TOP);
  return (
    <Modal onBackdrop={onClose}>
      <div className="modal import" role="dialog" aria-modal="true" aria-labelledby="score-title" data-testid="score-dialog">
        <h2 id="score-title">Scores for {r.fileName}</h2>
        <p className="summary" data-testid="score-summary">
          <b>{r.n}</b> rows scored{outside === null ? ' (this loss has no radius R)' : <>, <b>{outside}</b> outside R</>}.
        </p>
        {r.notices.length > 0 && <ul className="notices" data-testid="score-notices">{r.notices.map((n, i) => <li key={i}>{n}</li>)}</ul>}
        <Histogram r={r} />
        <p className="muted small">Grey: the training scores; blue: this file's{r.radius2 !== null ? '; dashed: R' : ''}.</p>
        <table className="cols" data-testid="score-top">
          <thead><tr><th>rank</th><th>row</th><th>score</th><th>training percentile</th>{outside !== null && <th>outside R</th>}</tr></thead>
          <tbody>
            {order.map((i) => (
              <tr key={i}><td>{r.rank[i]}</td><td>{r.rows[i]}</td><td>{r.scores[i]!.toPrecision(4)}</td><td>{r.trainPercentile[i]!.toFixed(1)}</td>{outside !== null && <td>{r.scores[i]! > r.radius2! ? 'yes' : 'no'}</td>}</tr>
            ))}
          </tbody>
        </table>
        <div className="buttons">
          <button className="primary" data-testid="score-download" onClick={() => download(r.fileName.replace(/\.[^.]*$/, '') + '.scores.csv', scoredCsv(r), 'text/csv')}>Download scores CSV</button>
          <button data-testid="score-close" onClick={onClose}>Close</button>
        </div>
      </div>
    </Modal>
  );
}

export function ScoreFile() {
  const rounds = useLab((s) => s.snapshots.length);
  const ref = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ScoredFile | null>(null);
  const run = async (f: File) => {
    setBusy(f.name);
    setError(null);
    try {
      const model = await sessionActions().modelZip();
      const reply = await scoreInWorker(model.bytes, f.name, await f.arrayBuffer());
      if (reply.ok) setResult(reply.scored);
      else setError(`${f.name} was not scored: ${reply.error.message}`);
    } catch (e) {
      setError(`${f.name} was not scored: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="score-file">
      <button data-testid="score-file" disabled={rounds === 0 || !!busy} title={rounds === 0 ? 'Train a round first' : 'A new file with the same columns as the training data'}
        onClick={() => ref.current?.click()}>Score a file with this model…</button>
      <input ref={ref} type="file" hidden data-testid="score-input" onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) void run(f);
      }} />
      {busy && <p className="small" role="status">Scoring {busy}…</p>}
      {error && <div className="error small" role="alert" data-testid="score-error">{error}</div>}
      {result && <Result r={result} onClose={() => setResult(null)} />}
    </div>
  );
}
