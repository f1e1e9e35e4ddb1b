// Every decision, newest first: change its label or delete it; counts; disagreements with the truth when revealed.
// The rows hold plain buttons and one click handler on the list reads them (no listener per row); a label is changed
// in the one <select> shown in the row being edited.
import { useState, type MouseEvent } from 'react';
import { labelCounts, type Decision } from '../../store/labels';
import { act, labelsActions, useLabels } from '../sessions/context';
import { DECISIONS, historyActionOf } from './historyActions';

const SHOWN = 30;

export function HistoryPanel({ truth, reveal }: { truth: Uint8Array | null; reveal: boolean }) {
  const history = useLabels((s) => s.history);
  const [all, setAll] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const counts = labelCounts({ history });
  const wrongOf = (index: number, label: Decision) =>
    reveal && truth && label !== 'skip' && index < truth.length && (truth[index] === 1) !== (label === 'anomaly');
  const latest = new Map<number, Decision>();
  for (let i = history.length - 1; i >= 0; i--) latest.set(history[i]!.index, history[i]!.label);
  const wrong = [...latest].filter(([i, l]) => wrongOf(i, l)).length;
  const shown = all ? history : history.slice(0, SHOWN);
  const onClick = (ev: MouseEvent<HTMLTableSectionElement>) => {
    const a = historyActionOf(ev.target as Element);
    if (!a) return;
    if (a.action === 'delete') act(labelsActions().remove(a.seq));
    else setEditing(a.seq);
  };
  const change = (seq: number, label: Decision) => {
    setEditing(null);
    act(labelsActions().edit(seq, label));
  };
  return (
    <details className="history" data-testid="history" open>
      <summary>
        History: <b data-testid="count-normal">{counts.normal}</b> normal · <b data-testid="count-anomaly">{counts.anomaly}</b> anomaly ·{' '}
        <b data-testid="count-skip">{counts.skip}</b> skipped ({history.length} decisions)
        {reveal && truth && <span className={wrong ? 'wrong-tag' : 'ok-tag'} data-testid="disagreements"> · {wrong} disagree with the ground truth</span>}
      </summary>
      {history.length === 0 ? <p className="muted">No decisions yet.</p> : (
        <table className="history-table">
          <thead><tr><th>point</th><th>label</th><th>round</th><th>time</th><th>by</th><th /></tr></thead>
          <tbody onClick={onClick}>
            {shown.map((e) => (
              <tr key={e.seq} data-testid="history-entry" data-index={e.index} data-label={e.label} className={wrongOf(e.index, e.label) ? 'wrong' : ''}>
                <td>{e.index}</td>
                <td>
                  {editing === e.seq ? (
                    <select autoFocus defaultValue={e.label} aria-label={`label of point ${e.index}`}
                      onChange={(ev) => change(e.seq, ev.target.value as Decision)} onBlur={() => setEditing(null)}>
                      {DECISIONS.map((d) => <option key={d} value={d}>{d}</option>)}
                    </select>
                  ) : (
                    <button className="link" data-action="edit" data-seq={e.seq} aria-label={`change the label of point ${e.index} (${e.label})`}>{e.label}</button>
                  )}
                  {wrongOf(e.index, e.label) && <span className="wrong-tag"> truth: {truth![e.index] ? 'anomaly' : 'normal'}</span>}
                </td>
                <td>{e.round}</td>
                <td>{new Date(e.time).toLocaleTimeString()}</td>
                <td>{e.source}</td>
                <td><button className="link" data-action="delete" data-seq={e.seq} aria-label={`delete decision on point ${e.index}`}>delete</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history.length > SHOWN && <button className="link" onClick={() => setAll(!all)}>{all ? 'show fewer' : `show all ${history.length}`}</button>}
    </details>
  );
}
