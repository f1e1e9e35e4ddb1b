// Hovering a painted plot's points: plotly has no trace to hover them, so the nearest within a few pixels is found here.
import { nearestIndex, type Nearest } from './plots/paint/nearest';
import type { Figure } from './plots/figure';

interface Axis {
  _offset: number;
  _length: number;
  p2l(v: number): number;
}

/** How near (px) the pointer must come to a painted point to hover it. */
export const HOVER_PX = 8;

/**
 * Reports the painted point nearest the pointer (once a frame), and null when the pointer leaves it; the index is
 * built at the first move over each new figure. Returns the detach function.
 */
export function paintedHover(el: HTMLElement, painted: () => Figure['painted'], onHover: (index: number | null) => void): () => void {
  let index: { of: NonNullable<Figure['painted']>; n: Nearest } | null = null;
  let shown: number | null = null;
  let frame = 0;
  const at = (ev: MouseEvent): number | null => {
    const p = painted();
    const fl = (el as unknown as { _fullLayout?: { xaxis?: Axis; yaxis?: Axis } })._fullLayout;
    const xa = fl?.xaxis;
    const ya = fl?.yaxis;
    if (!p || !xa?.p2l || !ya?.p2l) return null;
    if (index?.of !== p) index = { of: p, n: nearestIndex(p.x, p.y, p.idx) };
    const box = el.getBoundingClientRect();
    const px = ev.clientX - box.left - xa._offset;
    const py = ev.clientY - box.top - ya._offset;
    if (px < 0 || px > xa._length || py < 0 || py > ya._length) return null;
    const rx = Math.abs(xa.p2l(px + HOVER_PX) - xa.p2l(px));
    const ry = Math.abs(ya.p2l(py + HOVER_PX) - ya.p2l(py));
    return index.n.find(xa.p2l(px), ya.p2l(py), rx, ry);
  };
  const move = (ev: MouseEvent) => {
    // an unpainted plot (plotly hovers its points itself) schedules nothing
    if (!painted() && shown === null) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const hit = at(ev);
      if (hit !== null && hit !== shown) onHover(hit);
      else if (hit === null && shown !== null) onHover(null);
      shown = hit;
    });
  };
  el.addEventListener('mousemove', move);
  return () => {
    el.removeEventListener('mousemove', move);
    cancelAnimationFrame(frame);
  };
}
