// The open queue: numbered points to answer (keys N / A, Backspace to undo, Enter to retrain).
import { useEffect } from 'react';
import { labStore, useLab } from './useLab';
import { useCurrent } from './views/derived';

export function QueuePanel() {
  const run = useLab((s) => s.run);
  const oracle = useLab((s) => s.settings.oracle);
  const answers = useLab((s) => s.answers);
  const showTruth = useLab((s) => s.showTruth);
  const cur = useCurrent();
  const open = run.nextPhase === 'label' && run.queue.length > 0 && !run.busy;
  const human = oracle === 'human';

  useEffect(() => {
    if (!open || !human) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
      const st = labStore.getState();
      const next = st.run.queue.find((i) => !st.answers.has(i));
      if ((e.key === 'n' || e.key === 'N') && next !== undefined) st.setAnswer(next, 0);
      else if ((e.key === 'a' || e.key === 'A') && next !== undefined) st.setAnswer(next, 1);
      else if (e.key === 'Backspace') {
        const done = st.run.queue.filter((i) => st.answers.has(i));
        if (done.length) st.setAnswer(done[done.length - 1]!, null);
      } else if (e.key === 'Enter') st.trainRound();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, human]);

  if (!open) return null;
  if (!human) {
    return (
      <div className="queue muted" data-testid="queue">
        {run.queue.length} queued points (numbered in the plots) will be answered by the simulated oracle at the next round.
      </div>
    );
  }
  const st = labStore.getState();
  return (
    <div className="queue" data-testid="queue">
      <p>
        Answer the numbered points: <kbd>N</kbd> normal, <kbd>A</kbd> anomaly, <kbd>Backspace</kbd> undo, <kbd>Enter</kbd> retrain
        ({answers.size} of {run.queue.length} answered; unanswered ones are skipped).
      </p>
      <ol>
        {run.queue.map((i) => {
          const a = answers.get(i);
          const wrong = showTruth && cur?.truth && a !== undefined && cur.truth[i] !== a;
          return (
            <li key={i} className={wrong ? 'wrong' : ''} onMouseEnter={() => st.setHover(i)} onMouseLeave={() => st.setHover(null)}>
              point {i}{cur ? ` · score ${cur.msg.snapshot.scores[i]!.toPrecision(3)} · rank ${cur.table.rank[i]}` : ''}
              <button className={a === 0 ? 'on normal' : 'normal'} onClick={() => st.setAnswer(i, a === 0 ? null : 0)}>normal</button>
              <button className={a === 1 ? 'on anomaly' : 'anomaly'} onClick={() => st.setAnswer(i, a === 1 ? null : 1)}>anomaly</button>
              {wrong && <span className="wrong-tag">truth says {cur!.truth![i] ? 'anomaly' : 'normal'}</span>}
            </li>
          );
        })}
      </ol>
      <button className="primary" data-testid="submit-labels" onClick={() => st.trainRound()}>Submit and retrain (Enter)</button>
    </div>
  );
}
