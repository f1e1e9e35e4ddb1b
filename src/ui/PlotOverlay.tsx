// The queue's numbered squares and the disagreement rings as HTML over a plot: above every WebGL point,
// crisp at any size, and a key press restyles one element instead of redrawing the plot.
import { memo, useMemo, useRef } from 'react';
import type { OverlayMark } from './plots/pointTraces';
import { STATE_STYLE } from './plots/palette';
import { markPatch } from './plots/markPatch';

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
 * A square with no free spot within 6 rings stays on its point and is no obstacle to later ones (a pile of
 * them is covered anyway); so placed squares never overlap and a grid cell of side `size` holds at most one.
 */
export function spreadSquares(at: ReadonlyArray<{ left: number; top: number }>, size: number): Array<{ left: number; top: number }> {
  const placed: Array<{ left: number; top: number }> = [];
  // obstacles by grid cell: a covering one lies in the 3 x 3 cells around (k = 2000 squares on 200k rows)
  const cells = new Map<number, { left: number; top: number }>();
  const key = (cx: number, cy: number) => cx * 1_048_576 + cy;
  const free = (p: { left: number; top: number }) => {
    const cx = Math.floor(p.left / size);
    const cy = Math.floor(p.top / size);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const q = cells.get(key(cx + dx, cy + dy));
        if (q && Math.abs(q.left - p.left) < size && Math.abs(q.top - p.top) < size) return false;
      }
    }
    return true;
  };
  for (const p of at) {
    let best: { left: number; top: number } | null = free(p) ? p : null;
    search: for (let ring = 1; !best && ring <= 6; ring++) {
      for (let k = 0; k < 8 * ring; k++) {
        const a = (2 * Math.PI * k) / (8 * ring) - Math.PI / 2;
        const c = { left: p.left + Math.cos(a) * size * ring, top: p.top + Math.sin(a) * size * ring };
        if (free(c)) {
          best = c;
          break search;
        }
      }
    }
    placed.push(best ?? p);
    if (best) cells.set(key(Math.floor(best.left / size), Math.floor(best.top / size)), best);
  }
  return placed;
}

/** Numbered squares drawn at most (the first in query order): k = 2000 on 200k rows made 4000 elements a round. */
export const MAX_SQUARES = 200;

/** Queued squares always numbered, however small the plot (a teacher's queue of 20 is never cut). */
export const MIN_SQUARES = 20;

/**
 * How many numbered squares a plot area of w x h px holds readably: one per six squares' area, between
 * MIN_SQUARES and MAX_SQUARES (200 squares covered a laptop's latent plot entirely).
 */
export function squaresFor(w: number, h: number, size: number): number {
  const fit = Math.floor((Math.max(0, w) * Math.max(0, h)) / (6 * size * size));
  return Math.max(MIN_SQUARES, Math.min(MAX_SQUARES, fit));
}

/** The marks to draw: every ring and hover mark, the first `max` queued squares; `hidden` counts the queued left out. */
export function capSquares(marks: readonly OverlayMark[], max = MAX_SQUARES): { marks: readonly OverlayMark[]; hidden: number } {
  let queued = 0;
  for (const m of marks) if (m.kind === 'queued') queued++;
  if (queued <= max) return { marks, hidden: 0 };
  let kept = 0;
  const out = marks.filter((m) => m.kind !== 'queued' || kept++ < max);
  return { marks: out, hidden: queued - max };
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

/** Where one mark is drawn: its point, and its square's centre (moved off the point when squares would cover each other). */
interface Spot {
  point: { left: number; top: number };
  at: { left: number; top: number };
}

/** Every mark's spot (null: outside the visible axes), aligned with `marks`. */
function placeMarks(xa: Axis, ya: Axis, marks: readonly OverlayMark[], size: number): Array<Spot | null> {
  const points = marks.map((m) => markPosition(xa, ya, m.x, m.y));
  const squares = marks.map((m, k) => (m.kind === 'queued' && points[k] ? k : -1)).filter((k) => k >= 0);
  const spread = spreadSquares(squares.map((k) => points[k]!), size + 2);
  const at = new Map(squares.map((k, j) => [k, spread[j]!]));
  return points.map((p, k) => (p ? { point: p, at: at.get(k) ?? p } : null));
}

interface Handlers {
  hover(index: number | null): void;
  pick(index: number): void;
}

interface MarkProps {
  kind: OverlayMark['kind'];
  index: number;
  label: string;
  fill: string;
  title: string;
  left: number;
  top: number;
  /** the point itself (a moved square keeps it in data-x/data-y) */
  px: number;
  py: number;
  d: number;
  /** a hover line goes to the mark's left (the point is in the plot's right half: it would be cut off) */
  flip?: boolean;
  on: Handlers;
}

/** One mark; memoised on plain values, so a decision redraws only the square whose fill changed. */
const Mark = memo(function Mark({ kind, index, label, fill, title, left, top, px, py, d, flip = false, on }: MarkProps) {
  return (
    <div
      className={`mark mark-${kind}`}
      data-testid={`${kind}-mark`}
      data-index={index}
      data-x={Math.round(px)}
      data-y={Math.round(py)}
      role={kind === 'hover' ? undefined : 'img'}
      aria-label={kind === 'hover' ? undefined : title}
      title={kind === 'queued' ? title : undefined}
      style={{ left: left - d / 2, top: top - d / 2, width: d, height: d, background: kind === 'queued' ? fill : undefined, color: kind === 'queued' && fill !== OPEN_FILL ? '#fff' : undefined }}
      onMouseEnter={() => on.hover(index)}
      onMouseLeave={() => on.hover(null)}
      onClick={() => on.pick(index)}
    >
      {kind === 'hover' && label ? <span className={flip ? 'tip left' : 'tip'}>{label}</span> : label}
    </div>
  );
});

/** A moved square's leader: a line from its point, and a dot in the square's fill over the point (it covers the plot's own marker). */
const Leader = memo(function Leader({ x1, y1, x2, y2, fill, scale }: { x1: number; y1: number; x2: number; y2: number; fill: string; scale: number }) {
  const r = 6 * scale;
  return (
    <g>
      <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="#000" strokeWidth={2 * scale} />
      <rect x={x1 - r} y={y1 - r} width={2 * r} height={2 * r} fill={fill} stroke="#000" strokeWidth={1.5 * scale} />
    </g>
  );
});

export function PlotOverlay({ plot, marks: all, version, scale, onHover, onPick }: PlotOverlayProps) {
  const fl = (plot as unknown as { _fullLayout?: { xaxis?: Axis & { _length?: number }; yaxis?: Axis & { _length?: number } } } | null)?._fullLayout;
  const xa = fl?.xaxis;
  const ya = fl?.yaxis;
  const size = Math.round(28 * scale);
  const max = squaresFor(xa?._length ?? 0, ya?._length ?? 0, size);
  const { marks, hidden } = useMemo(() => capSquares(all, max), [all, max]);
  const hoverCb = useRef(onHover);
  hoverCb.current = onHover;
  const pickCb = useRef(onPick);
  pickCb.current = onPick;
  // stable handlers: the memoised marks do not redraw because a parent passed new closures
  const on = useMemo<Handlers>(() => ({ hover: (i) => hoverCb.current?.(i), pick: (i) => pickCb.current?.(i) }), []);
  const cache = useRef<{ marks: readonly OverlayMark[]; version: number; scale: number; plot: HTMLElement | null; spots: Array<Spot | null> } | null>(null);
  if (!xa?.l2p || !ya?.l2p || marks.length === 0) return null;
  const ring = Math.round(38 * scale);
  const c = cache.current;
  // a decision changes fills only: the positions (and the squares' spreading) of the last layout stay
  const spots = c && c.version === version && c.scale === scale && c.plot === plot && !markPatch(c.marks, marks).geometry
    ? c.spots
    : placeMarks(xa, ya, marks, size);
  cache.current = { marks, version, scale, plot, spots };
  const moved = marks.map((m, k) => ({ m, s: spots[k] })).filter((e): e is { m: OverlayMark; s: Spot } => !!e.s && e.s.at !== e.s.point);
  return (
    <div className="plot-overlay" data-version={version} style={{ fontSize: `${Math.round(16 * scale)}px` }}>
      {hidden > 0 && (
        <div className="overlay-note" data-testid="overlay-note">numbered: the first {max} of {max + hidden} queued (the rest as small squares)</div>
      )}
      {moved.length > 0 && (
        <svg className="leaders" width="100%" height="100%" aria-hidden>
          {moved.map(({ m, s }) => (
            <Leader key={m.index} x1={s.point.left} y1={s.point.top} x2={s.at.left} y2={s.at.top} fill={m.fill} scale={scale} />
          ))}
        </svg>
      )}
      {marks.map((m, k) => {
        const s = spots[k];
        if (!s) return null;
        const d = m.kind === 'queued' ? size : m.kind === 'ring' ? ring : ring + 6;
        return (
          <Mark key={`${m.kind}-${m.index}`} kind={m.kind} index={m.index} label={m.label} fill={m.fill} title={m.title}
            left={s.at.left} top={s.at.top} px={s.point.left} py={s.point.top} d={d} flip={s.point.left > xa._offset + xa._length * 0.4} on={on} />
        );
      })}
    </div>
  );
}
