// The 2-D score field as an image plus the decision boundary as marching-squares segments (cheap to draw).
import type { ScoreGrid } from '../../protocol';

// viridis at 9 stops (matplotlib), interpolated linearly
const VIRIDIS: Array<[number, number, number]> = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141], [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

export function viridis(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/** log10 field, its range, and RGBA pixels with the image's first row at the TOP (largest y). */
export function fieldPixels(grid: ScoreGrid): { rgba: Uint8ClampedArray; width: number; height: number; min: number; max: number; log: Float64Array } {
  const nx = grid.x.length;
  const ny = grid.y.length;
  const log = Float64Array.from(grid.z, (v) => Math.log10(v + 1e-12));
  let min = Infinity;
  let max = -Infinity;
  for (const v of log) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min || 1;
  const rgba = new Uint8ClampedArray(nx * ny * 4);
  for (let r = 0; r < ny; r++) {
    const src = ny - 1 - r;
    for (let c = 0; c < nx; c++) {
      const [R, G, B] = viridis((log[src * nx + c]! - min) / span);
      const k = 4 * (r * nx + c);
      rgba[k] = R;
      rgba[k + 1] = G;
      rgba[k + 2] = B;
      rgba[k + 3] = 255;
    }
  }
  return { rgba, width: nx, height: ny, min, max, log };
}

/** Marching squares: segments of the level set f = level over the grid, as x/y arrays with null breaks. */
export function levelSegments(gx: ArrayLike<number>, gy: ArrayLike<number>, f: ArrayLike<number>, level: number): { x: Array<number | null>; y: Array<number | null> } {
  const nx = gx.length;
  const ny = gy.length;
  const xs: Array<number | null> = [];
  const ys: Array<number | null> = [];
  const at = (r: number, c: number) => f[r * nx + c]! - level;
  const cross = (x0: number, y0: number, v0: number, x1: number, y1: number, v1: number): [number, number] => {
    const t = v0 / (v0 - v1);
    return [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t];
  };
  for (let r = 0; r < ny - 1; r++) {
    for (let c = 0; c < nx - 1; c++) {
      const v = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c)];
      const p: Array<[number, number]> = [[gx[c]!, gy[r]!], [gx[c + 1]!, gy[r]!], [gx[c + 1]!, gy[r + 1]!], [gx[c]!, gy[r + 1]!]];
      const pts: Array<[number, number]> = [];
      for (let e = 0; e < 4; e++) {
        const a = v[e]!;
        const b = v[(e + 1) % 4]!;
        if ((a < 0) !== (b < 0)) pts.push(cross(p[e]![0], p[e]![1], a, p[(e + 1) % 4]![0], p[(e + 1) % 4]![1], b));
      }
      // 2 crossings: one segment; 4 (saddle): two segments, paired in edge order
      for (let k = 0; k + 1 < pts.length; k += 2) {
        xs.push(pts[k]![0], pts[k + 1]![0], null);
        ys.push(pts[k]![1], pts[k + 1]![1], null);
      }
    }
  }
  return { x: xs, y: ys };
}
