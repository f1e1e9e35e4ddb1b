// What a change of a plot's overlay marks needs: a new layout (marks added, removed or moved), or only a
// restyle of the few marks whose fill or title changed (a decision: one square takes its answer's colour).
import type { OverlayMark } from './pointTraces';

export interface MarkPatch {
  /** marks were added, removed, reordered or moved: positions and the squares' spreading are computed again */
  geometry: boolean;
  /** marks whose fill or title changed, in the new list's order: the only ones drawn again */
  restyle: OverlayMark[];
}

const sameSpot = (a: OverlayMark, b: OverlayMark) =>
  a.kind === b.kind && a.index === b.index && a.x === b.x && a.y === b.y && a.label === b.label;

/** Compares two mark lists in order; any change of place, kind, number or count is a geometry change. */
export function markPatch(prev: readonly OverlayMark[] | null, next: readonly OverlayMark[]): MarkPatch {
  if (!prev || prev.length !== next.length) return { geometry: true, restyle: [...next] };
  const restyle: OverlayMark[] = [];
  for (let k = 0; k < next.length; k++) {
    const a = prev[k]!;
    const b = next[k]!;
    if (!sameSpot(a, b)) return { geometry: true, restyle: [...next] };
    if (a.fill !== b.fill || a.title !== b.title) restyle.push(b);
  }
  return { geometry: false, restyle };
}
