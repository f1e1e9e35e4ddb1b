// The human oracle: the queued samples as cards in query order, single-key labelling, round progress, history.
import { useEffect, useMemo, useRef, useState } from 'react';
import { inPoolOrder } from '../engine/data';
import { roundProgress } from '../store/labels';
import type { SnapshotMessage } from '../protocol';
import { HistoryPanel } from './labelling/HistoryPanel';
import { KeyHelp } from './labelling/KeyHelp';
import { keyAction, keyTitle, loadBindings, type KeyBindings } from './labelling/keys';
import { QueueCard } from './labelling/QueueCard';
import { act, labelsActions, sessionActions, useLabels, useSyncState } from './sessions/context';
import { labStore, useLab } from './useLab';
import { rankOf } from './plots/points';
import { CARD_WINDOW, cardWindowStart } from './labelling/cardWindow';
import { labelSelection, SelectionBar } from './labelling/SelectionBar';
import { selectionStore } from '../store/panels';
import './labelling/labelling.css';

/** Signed distance to the boundary in score units (D minus the boundary's D); null when the run has no boundary. */
export function boundaryOf(s: SnapshotMessage['snapshot']): number | null {
  if (s.absBoundary !== null && s.absBoundary > 0) return s.absBoundary;
  return s.radius > 0 ? s.radius * s.radius : null;
}

function OracleSwitch() {
  const oracle = useLab((s) => s.settings.oracle);
  const busy = useLab((s) => s.run.busy);
  const set = (o: 'human' | 'simulated') => void labStore.getState().applySettings({ oracle: o });
  return (
    <span className="oracle-switch" role="group" aria-label="Oracle">
      <b>Oracle:</b>
      <button data-testid="oracle-human" className={oracle === 'human' ? 'on' : ''} aria-pressed={oracle === 'human'} disabled={busy} onClick={() => set('human')}>
        human (you answer)
      </button>
      <button data-testid="oracle-simulated" className={oracle === 'simulated' ? 'on' : ''} aria-pressed={oracle === 'simulated'} disabled={busy} onClick={() => set('simulated')}>
        simulated (ground truth)
      </button>
    </span>
  );
}

/** "saving…" while a decision's write is in flight: its own component, so a write does not redraw the cards. */
function SaveState() {
  const pending = useLabels((s) => s.pending);
  return pending > 0 ? <span className="muted" data-testid="save-state"> · saving…</span> : <span className="muted" data-testid="save-state"> · saved</span>;
}

/** "3 of 20 answered" and the bar under it: their own components, so a decision does not redraw the panel. */
function RoundProgress() {
  const done = useLabels((s) => roundProgress(s).done);
  const total = useLabels((s) => s.queue.length);
  return <span data-testid="round-progress">{done} of {total} answered</span>;
}

function RoundBar() {
  const done = useLabels((s) => roundProgress(s).done);
  const total = useLabels((s) => s.queue.length);
  return <div className="round-bar" aria-hidden><div style={{ width: `${(100 * done) / Math.max(1, total)}%` }} /></div>;
}

export function QueuePanel() {
  const run = useLab((s) => s.run);
  const oracle = useLab((s) => s.settings.oracle);
  const showTruth = useLab((s) => s.showTruth);
  const data = useLab((s) => s.data);
  const snapshots = useLab((s) => s.snapshots);
  const queue = useLabels((s) => s.queue);
  const round = useLabels((s) => s.round);
  // the first card shown (a number: it changes only when a long queue's window moves), not the cursor itself
  const first = useLabels((s) => cardWindowStart(s.cursor, s.queue.length));
  const labelsError = useLabels((s) => s.error);
  const restoring = useSyncState((s) => s.restoring);
  const [bindings, setBindings] = useState<KeyBindings>(loadBindings);

  const human = oracle === 'human';
  const msg = snapshots.find((m) => m.snapshot.stage === round) ?? null;
  const hasQueue = queue.length > 0 && msg !== null && snapshots[snapshots.length - 1] === msg;
  const open = hasQueue && run.nextPhase === 'label' && run.stage === round;
  const canKey = hasQueue && human && (open || restoring);
  // a queue the worker has moved past (the stepper's label step, a round in flight) shows no cards
  const stale = hasQueue && !restoring && run.stage !== round;
  // ranks of the cards' points, once per round: the worker's, else rankOf (O(n): not again on every key press)
  const ranks = useMemo(() => {
    const m = new Map<number, number>();
    if (msg) for (const i of queue) m.set(i, msg.rank?.[i] ?? rankOf(msg.snapshot.scores, i));
    return m;
  }, [msg, queue]);

  const canKeyRef = useRef(canKey);
  canKeyRef.current = canKey;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      const typing = t && ((t.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((t as HTMLInputElement).type)) || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
      if (typing) return;
      const a = keyAction(e.key, bindings);
      if (!a) return;
      // Enter on a history or sessions button keeps its meaning; elsewhere (run buttons, cards) it retrains
      if (a === 'retrain' && t?.closest('.history, .sessions, .key-help, .selection-bar')) return;
      // points picked on a plot take the label keys first
      if ((a === 'normal' || a === 'anomaly' || a === 'skip') && selectionStore.getState().indices.length) {
        e.preventDefault();
        labelSelection(a);
        return;
      }
      if (!canKeyRef.current) return;
      e.preventDefault();
      const labels = labelsActions();
      if (a === 'normal' || a === 'anomaly' || a === 'skip') act(labels.decideCurrent(a));
      else if (a === 'undo') act(labels.undo());
      else if (a === 'prev') labels.move(-1);
      else if (a === 'next') labels.move(1);
      else if (a === 'retrain' && !labStore.getState().run.busy) sessionActions().retrain();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bindings]);

  const truth = useMemo(() => (msg && data?.raw.labels ? inPoolOrder(data.raw.labels, msg.order) : null), [msg, data]);
  const reveal = showTruth && human;

  if (!hasQueue || stale) {
    return (
      <div className="queue-panel" data-testid="queue-panel">
        <div className="queue-head"><OracleSwitch /></div>
        <p className="queue-line muted" data-testid="queue-empty">
          {run.busy ? 'Training: the next queue appears here when the stage is scored and queried.'
            : run.nextPhase === 'label' ? 'No points were queried this round.' : 'No open queue: the numbered points to answer appear here after the query step.'}
        </p>
        <SelectionBar />
        <HistoryPanel truth={truth} reveal={reveal} />
      </div>
    );
  }

  const snap = msg.snapshot;
  const boundary = boundaryOf(snap);
  const raw = data?.raw ?? null;

  return (
    <div className="queue-panel" data-testid="queue-panel">
      <div className="queue-head">
        <OracleSwitch />
        {human && truth && (
          <label className="reveal">
            <input type="checkbox" data-testid="reveal-truth" checked={showTruth} onChange={(e) => labStore.getState().setShowTruth(e.target.checked)} />
            reveal truth
          </label>
        )}
      </div>
      <div className="queue" data-testid="queue">
        {human ? (
          <p className="queue-line">
            Round {round}. Answer the numbered points. <RoundProgress />
            <SaveState />
            ; unanswered or skipped ones stay unlabelled. <kbd>{keyTitle(bindings.retrain[0] ?? 'Enter')}</kbd> retrains.
          </p>
        ) : (
          <p className="queue-line muted">
            {queue.length} queued points (numbered in the plots) will be answered by the simulated oracle at the next round.
          </p>
        )}
        <RoundBar />
        <SelectionBar />
        {labelsError && <div className="error" role="alert" data-testid="labels-error">{labelsError}</div>}
        {human && <KeyHelp bindings={bindings} onChange={setBindings} />}
        {queue.length > CARD_WINDOW && (
          <p className="queue-line muted" data-testid="card-window">
            Cards {first + 1}–{first + CARD_WINDOW} of {queue.length}; the arrow keys move through all of them.
          </p>
        )}
        <ol className="cards" start={first + 1}>
          {queue.slice(first, first + CARD_WINDOW).map((i, j) => (
            <QueueCard key={`${first + j}-${i}`} index={i} position={first + j} row={msg.order[i] ?? i} score={snap.scores[i]!}
              rank={ranks.get(i) ?? rankOf(snap.scores, i)} total={snap.scores.length} boundary={boundary} human={human}
              truth={reveal && truth ? (truth[i] ? 1 : 0) : null} raw={raw} />
          ))}
        </ol>
        {human && (
          <button className="primary" data-testid="submit-labels" disabled={run.busy} onClick={() => sessionActions().retrain()}>
            Submit and retrain ({keyTitle(bindings.retrain[0] ?? 'Enter')})
          </button>
        )}
      </div>
      <HistoryPanel truth={truth} reveal={reveal} />
    </div>
  );
}
