// The painted point nearest the pointer: points bucketed on a grid once, then a few cells searched per move.

export interface Nearest {
  /** the index nearest (x, y) within the ellipse of radii rx, ry (data units), or null */
  find(x: number, y: number, rx: number, ry: number): number | null;
}

/** Buckets idx's points on a cells x cells grid over their extent (a counting sort: two passes, no per-cell arrays). */
export function nearestIndex(x: ArrayLike<number>, y: ArrayLike<number>, idx: readonly number[], cells = 128): Nearest {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const i of idx) {
    if (x[i]! < x0) x0 = x[i]!;
    if (x[i]! > x1) x1 = x[i]!;
    if (y[i]! < y0) y0 = y[i]!;
    if (y[i]! > y1) y1 = y[i]!;
  }
  if (!(x0 <= x1 && y0 <= y1)) return { find: () => null };
  const sx = cells / (x1 - x0 || 1);
  const sy = cells / (y1 - y0 || 1);
  const cx = (v: number) => Math.min(cells - 1, Math.max(0, Math.floor((v - x0) * sx)));
  const cy = (v: number) => Math.min(cells - 1, Math.max(0, Math.floor((v - y0) * sy)));
  const start = new Int32Array(cells * cells + 1);
  for (const i of idx) start[cy(y[i]!) * cells + cx(x[i]!) + 1]!++;
  for (let c = 0; c < cells * cells; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cells * cells);
  const members = new Int32Array(idx.length);
  for (const i of idx) members[fill[cy(y[i]!) * cells + cx(x[i]!)]!++] = i;
  return {
    find(px, py, rx, ry) {
      if (!(rx > 0 && ry > 0)) return null;
      let best: number | null = null;
      let bestD = 1;
      for (let r = cy(py - ry); r <= cy(py + ry); r++) {
        for (let c = cx(px - rx); c <= cx(px + rx); c++) {
          for (let k = start[r * cells + c]!; k < start[r * cells + c + 1]!; k++) {
            const i = members[k]!;
            const d = ((x[i]! - px) / rx) ** 2 + ((y[i]! - py) / ry) ** 2;
            if (d <= bestD) [best, bestD] = [i, d];
          }
        }
      }
      return best;
    },
  };
}
