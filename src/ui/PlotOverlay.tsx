// The queue's numbered squares and the disagreement rings as HTML over a plot: above every WebGL point,
// crisp at any size, and a key press restyles one element instead of redrawing the plot.
import type { OverlayMark } from './plots/pointTraces';
import { STATE_STYLE } from './plots/palette';

const OPEN_FILL = STATE_STYLE.queued.color;

interface Axis {
  _offset: number;
  _length: number;
  l2p(v: number): number;
}

/** Pixel position of a data point inside the plot div, or null when it is outside the visible axes. */
export function markPosition(xa: Axis, ya: Axis, x: number, y: number): { left: number; top: number } | null {
  const left = xa._offset + xa.l2p(x);
  const top = ya._offset + ya.l2p(y);
  const inside = left >= xa._offset - 1 && left <= xa._offset + xa._length + 1 && top >= ya._offset - 1 && top <= ya._offset + ya._length + 1;
  return Number.isFinite(left) && Number.isFinite(top) && inside ? { left, top } : null;
}

/**
 * Moves numbered squares that would cover each other: each one, in query order, takes the first free spot on
 * rings around its point (a leader line joins it to the point). Returns the drawn centre of every square.
 */
export function spreadSquares(at: ReadonlyArray<{ left: number; top: number }>, size: number): Array<{ left: number; top: number }> {
  const placed: Array<{ left: number; top: number }> = [];
  const free = (p: { left: number; top: number }) => placed.every((q) => Math.abs(q.left - p.left) >= size || Math.abs(q.top - p.top) >= size);
  for (const p of at) {
    let best = p;
    search: for (let ring = 1; !free(best) && ring <= 6; ring++) {
      for (let k = 0; k < 8 * ring; k++) {
        const a = (2 * Math.PI * k) / (8 * ring) - Math.PI / 2;
        const c = { left: p.left + Math.cos(a) * size * ring, top: p.top + Math.sin(a) * size * ring };
        if (free(c)) {
          best = c;
          break search;
        }
      }
    }
    placed.push(best);
  }
  return placed;
}

export interface PlotOverlayProps {
  plot: HTMLElement | null;
  marks: OverlayMark[];
  /** bumps after every plotly draw (zoom, pan, resize, new figure): positions are read again */
  version: number;
  scale: number;
  onHover?(index: number | null): void;
  onPick?(index: number): void;
}

export function PlotOverlay({ plot, marks, version, scale, onHover, onPick }: PlotOverlayProps) {
  const fl = (plot as unknown as { _fullLayout?: { xaxis?: Axis; yaxis?: Axis } } | null)?._fullLayout;
  const xa = fl?.xaxis;
  const ya = fl?.yaxis;
  if (!xa?.l2p || !ya?.l2p || marks.length === 0) return null;
  const size = Math.round(28 * scale);
  const ring = Math.round(38 * scale);
  const shown = marks.map((m) => ({ m, at: markPosition(xa, ya, m.x, m.y) })).filter((e): e is { m: OverlayMark; at: { left: number; top: number } } => e.at !== null);
  const squares = shown.filter((e) => e.m.kind === 'queued');
  const spread = spreadSquares(squares.map((e) => e.at), size + 2);
  const drawn = new Map(squares.map((e, k) => [e.m, spread[k]!]));
  const leaders = squares.filter((e) => drawn.get(e.m) !== e.at);
  return (
    <div className="plot-overlay" data-version={version} style={{ fontSize: `${Math.round(16 * scale)}px` }}>
      {leaders.length > 0 && (
        <svg className="leaders" width="100%" height="100%" aria-hidden>
          {leaders.map((e) => {
            const to = drawn.get(e.m)!;
            return <line key={e.m.index} x1={e.at.left} y1={e.at.top} x2={to.left} y2={to.top} stroke="#000" strokeWidth={2 * scale} />;
          })}
          {leaders.map((e) => <circle key={`p${e.m.index}`} cx={e.at.left} cy={e.at.top} r={3.5 * scale} fill="#000" />)}
        </svg>
      )}
      {shown.map(({ m, at: point }) => {
        const at = drawn.get(m) ?? point;
        const d = m.kind === 'queued' ? size : m.kind === 'ring' ? ring : ring + 6;
        return (
          <div
            key={`${m.kind}-${m.index}`}
            className={`mark mark-${m.kind}`}
            data-testid={`${m.kind}-mark`}
            data-index={m.index}
            data-x={Math.round(point.left)}
            data-y={Math.round(point.top)}
            role={m.kind === 'hover' ? undefined : 'img'}
            aria-label={m.kind === 'hover' ? undefined : m.title}
            title={m.kind === 'queued' ? m.title : undefined}
            style={{ left: at.left - d / 2, top: at.top - d / 2, width: d, height: d, background: m.kind === 'queued' ? m.fill : undefined, color: m.kind === 'queued' && m.fill !== OPEN_FILL ? '#fff' : undefined }}
            onMouseEnter={() => onHover?.(m.index)}
            onMouseLeave={() => onHover?.(null)}
            onClick={() => onPick?.(m.index)}
          >
            {m.label}
          </div>
        );
      })}
    </div>
  );
}
