// One queue card, subscribed to its own decision and to whether the cursor is on it: a key press redraws the
// card it decides and the card the cursor moves to, not the whole queue.
import { memo, useEffect, useRef } from 'react';
import type { RawData } from '../../core/types';
import type { Decision } from '../../store/labels';
import { act, labelsActions, useLabels } from '../sessions/context';
import { labStore } from '../useLab';
import { SampleView } from './SampleView';

export interface QueueCardProps {
  /** pool index of the point */
  index: number;
  /** position in the queue (0-based) */
  position: number;
  /** the data row the point came from */
  row: number;
  score: number;
  rank: number;
  total: number;
  /** the boundary's score (D at the boundary), null when the run draws none */
  boundary: number | null;
  human: boolean;
  /** the point's truth (1 anomaly), shown only while revealed; null when hidden or unknown */
  truth: 0 | 1 | null;
  raw: RawData | null;
}

function boundaryText(score: number, boundary: number | null) {
  if (boundary === null) return <span title="this loss and query strategy draw no boundary">no boundary</span>;
  const dist = score - boundary;
  const text = Math.abs(dist) < 1e-9 * Math.max(1, boundary) ? 'on the boundary' : `${dist > 0 ? 'outside' : 'inside'} the boundary by ${Math.abs(dist).toPrecision(2)}`;
  return <span title="score minus the boundary's score">{text}</span>;
}

export const QueueCard = memo(function QueueCard({ index: i, position: k, row, score, rank, total, boundary, human, truth, raw }: QueueCardProps) {
  const d = useLabels((s) => s.decisions.get(i));
  const current = useLabels((s) => s.cursor === k) && human;
  const ref = useRef<HTMLLIElement>(null);
  // the card the cursor reaches scrolls into view (the queue box is shorter than 20 cards); the first card, when
  // the queue appears, is in view already: no scroll, so no forced layout of the page in the stage's first render
  const mounted = useRef(false);
  useEffect(() => {
    if (current && (mounted.current || k > 0)) ref.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    mounted.current = true;
  }, [current]);
  const wrong = truth !== null && d !== undefined && d !== 'skip' && (truth === 1) !== (d === 'anomaly');
  const choose = (l: Decision) => act(labelsActions().decide(i, l, 'key'));
  return (
    <li
      ref={ref}
      data-testid="queue-card" data-index={i} data-decision={d ?? ''}
      className={`qcard ${current ? 'current' : ''} ${d ? `is-${d}` : ''} ${wrong ? 'wrong' : ''}`}
      onClick={() => labelsActions().moveTo(k)}
      onMouseEnter={() => labStore.getState().setHover(i)} onMouseLeave={() => labStore.getState().setHover(null)}
    >
      <div className="qcard-head">
        <span className="qno">{k + 1}</span>
        <span>point <b>{i}</b>{row !== i ? ` (row ${row})` : ''}</span>
      </div>
      <div className="qcard-facts">
        score <b>{score.toPrecision(3)}</b> · rank <b>{rank}</b> of {total}
        <br />
        {boundaryText(score, boundary)}
      </div>
      {raw && <SampleView raw={raw} row={row} />}
      {human && (
        <div className="qcard-buttons" role="group" aria-label={`label point ${i}`}>
          {(['normal', 'anomaly', 'skip'] as const).map((l) => (
            <button key={l} className={d === l ? `on ${l}` : l} aria-pressed={d === l} aria-label={`point ${i}: ${l}`}
              onClick={(e) => { e.stopPropagation(); choose(l); }}>{l}</button>
          ))}
        </div>
      )}
      {wrong && <div className="wrong-tag">truth says {truth ? 'anomaly' : 'normal'}</div>}
    </li>
  );
});
