// A large pool's points painted into one image (drawn by plotly as a layout image): no WebGL context, no regl
// programs, no per-point SVG, so a 200k-point plot costs a few milliseconds of loops and one PNG encode.

import { hexRgb } from '../scoreBands';

/** The data rectangle the image covers and its size in pixels; row 0 is the top (largest y). */
export interface RasterFrame {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  width: number;
  height: number;
}

export interface Pixels {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Pixel offsets [dx, dy, dx, dy, ...] around a point's pixel. */
export type Stamp = Int8Array;

/** Every offset within radius r (r = 1 gives a 3 x 3 square). */
export function disc(r: number): Stamp {
  const out: number[] = [];
  const R = Math.ceil(r);
  for (let dy = -R; dy <= R; dy++) for (let dx = -R; dx <= R; dx++) if (dx * dx + dy * dy <= r * r + r) out.push(dx, dy);
  return Int8Array.from(out);
}

/** The offsets between radii r - w/2 and r + w/2: an open circle. */
export function ring(r: number, w = 1): Stamp {
  const out: number[] = [];
  const R = Math.ceil(r + w);
  const lo = Math.max(0, r - w / 2) ** 2;
  const hi = (r + w / 2) ** 2;
  for (let dy = -R; dy <= R; dy++) {
    for (let dx = -R; dx <= R; dx++) {
      const d = dx * dx + dy * dy;
      if (d >= lo && d <= hi) out.push(dx, dy);
    }
  }
  return Int8Array.from(out);
}

/** Points painted with one stamp; `level(i)` picks the palette entry, and where stamps overlap the higher level wins. */
export interface RasterLayer {
  idx: readonly number[];
  stamp: Stamp;
  level: (i: number) => number;
}

/** An RGBA colour, 0-255 each. */
export type Rgba = readonly [number, number, number, number];

/** Paints the layers into the frame: unpainted pixels are transparent; points outside the frame are left out. */
export function raster(x: ArrayLike<number>, y: ArrayLike<number>, frame: RasterFrame, palette: readonly Rgba[], layers: readonly RasterLayer[]): Pixels {
  const { width: w, height: h } = frame;
  const top = new Int16Array(w * h).fill(-1);
  const sx = w / (frame.x1 - frame.x0 || 1);
  const sy = h / (frame.y1 - frame.y0 || 1);
  for (const layer of layers) {
    const st = layer.stamp;
    // the stamp as offsets into the pixel array, and how far it reaches: points that far inside skip the edge checks
    const lin = new Int32Array(st.length / 2);
    let reach = 0;
    for (let k = 0; k < st.length; k += 2) {
      lin[k / 2] = st[k + 1]! * w + st[k]!;
      reach = Math.max(reach, Math.abs(st[k]!), Math.abs(st[k + 1]!));
    }
    for (const i of layer.idx) {
      const px = Math.floor((x[i]! - frame.x0) * sx);
      const py = Math.floor((frame.y1 - y[i]!) * sy);
      if (!(px >= 0 && px < w && py >= 0 && py < h)) continue;
      const lv = layer.level(i);
      if (px >= reach && px < w - reach && py >= reach && py < h - reach) {
        const c = py * w + px;
        for (let k = 0; k < lin.length; k++) if (lv > top[c + lin[k]!]!) top[c + lin[k]!] = lv;
        continue;
      }
      for (let k = 0; k < st.length; k += 2) {
        const qx = px + st[k]!;
        const qy = py + st[k + 1]!;
        if (qx < 0 || qx >= w || qy < 0 || qy >= h) continue;
        const at = qy * w + qx;
        if (lv > top[at]!) top[at] = lv;
      }
    }
  }
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let at = 0; at < top.length; at++) {
    const c = palette[top[at]!];
    if (!c) continue;
    rgba.set(c, 4 * at);
  }
  return { rgba, width: w, height: h };
}

/** '#rrggbb' and an alpha in [0, 1] as an RGBA entry. */
export function rgbaOf(hex: string, alpha = 1): Rgba {
  const [r, g, b] = hexRgb(hex);
  return [r!, g!, b!, Math.round(alpha * 255)];
}

/** A plotly layout image laying the pixels over the frame in data coordinates, under the traces. */
export function frameImage(source: string, f: RasterFrame): Record<string, unknown> {
  return { source, xref: 'x', yref: 'y', x: f.x0, y: f.y1, sizex: f.x1 - f.x0, sizey: f.y1 - f.y0, sizing: 'stretch', layer: 'below', xanchor: 'left', yanchor: 'top' };
}

/** A box ({x: [a, b], y: [c, d]}) or lasso ({lasso: {x, y}}) drawn on a plot, in data coordinates. */
export interface Area {
  x?: readonly number[];
  y?: readonly number[];
  lasso?: { x: readonly number[]; y: readonly number[] };
}

/** The indices whose point lies inside the box or lasso (even-odd rule); painted points have no plotly selection. */
export function pointsInArea(x: ArrayLike<number>, y: ArrayLike<number>, idx: readonly number[], area: Area): number[] {
  const lasso = area.lasso;
  if (lasso && lasso.x.length >= 3) {
    const px = lasso.x;
    const py = lasso.y;
    const inside = (a: number, b: number) => {
      let odd = false;
      for (let k = 0, j = px.length - 1; k < px.length; j = k++) {
        if (py[k]! > b !== py[j]! > b && a < ((px[j]! - px[k]!) * (b - py[k]!)) / (py[j]! - py[k]!) + px[k]!) odd = !odd;
      }
      return odd;
    };
    return idx.filter((i) => inside(x[i]!, y[i]!));
  }
  if (!area.x || !area.y || area.x.length < 2 || area.y.length < 2) return [];
  const [xa, xb] = [Math.min(area.x[0]!, area.x[1]!), Math.max(area.x[0]!, area.x[1]!)];
  const [ya, yb] = [Math.min(area.y[0]!, area.y[1]!), Math.max(area.y[0]!, area.y[1]!)];
  return idx.filter((i) => x[i]! >= xa && x[i]! <= xb && y[i]! >= ya && y[i]! <= yb);
}
