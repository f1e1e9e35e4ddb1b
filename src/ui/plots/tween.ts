// The stage transition as one plotly animation: only the moving traces' positions, no per-frame redraw.
import type { Figure } from './figure';

/** Trace types plotly can transition without a redraw (scattergl is not one of them). */
const ANIMATABLE = new Set(['scatter']);

export interface TweenStep {
  /** new x and y per moving trace, in the order of `traces` */
  data: Array<{ x: ArrayLike<number>; y: ArrayLike<number> }>;
  /** the indices of the traces whose positions change */
  traces: number[];
}

const same = (a: ArrayLike<unknown> | undefined, b: ArrayLike<unknown> | undefined) => {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * What plotly.animate moves to take `from` (drawn) to `to`: the traces whose x or y differ, with the same point
 * counts. Null when that cannot be a transition (other traces, types or counts, or a WebGL trace): redraw instead.
 */
export function tweenStep(from: Figure, to: Figure): TweenStep | null {
  if (from.data.length !== to.data.length) return null;
  const step: TweenStep = { data: [], traces: [] };
  for (let i = 0; i < to.data.length; i++) {
    const a = from.data[i]!;
    const b = to.data[i]!;
    if (a.type !== b.type || !ANIMATABLE.has(b.type) || a.meta !== b.meta) return null;
    const ax = a.x as ArrayLike<number> | undefined;
    const bx = b.x as ArrayLike<number> | undefined;
    const ay = a.y as ArrayLike<number> | undefined;
    const by = b.y as ArrayLike<number> | undefined;
    if ((ax?.length ?? 0) !== (bx?.length ?? 0) || (ay?.length ?? 0) !== (by?.length ?? 0)) return null;
    if (same(ax, bx) && same(ay, by)) continue;
    step.data.push({ x: bx ?? [], y: by ?? [] });
    step.traces.push(i);
  }
  return step;
}
