// A large pool's crowded states painted into one image, with an empty legend entry (and colour bar) for each.
import type { StageSnapshot } from '../../../core/types';
import { SIDE_COLORBAR, type Trace } from '../figure';
import { OKABE_ITO, STATE_STYLE, type PointState } from '../palette';
import type { ViewState } from '../points';
import { disc, frameImage, raster, rgbaOf, ring, type Pixels, type RasterFrame, type RasterLayer, type Rgba, type Stamp } from './raster';
import { GREYS, scaleColour, VIRIDIS } from '../scoreBands';

/** A state with more points than this is painted on a painted plot (SVG costs 0.2-0.5 ms a point per draw). */
export const SVG_MAX = 400;

/** Shades of a painted score scale (the image has no bands to count: 64 read as continuous). */
const SHADES = 64;

/** Where the image goes and how pixels become its source (a canvas in the page; tests pass their own). */
export interface PaintOpts {
  frame: RasterFrame;
  encode: (px: Pixels) => string | null;
}

export type Shading = 'greys' | 'viridis' | 'onField' | 'flat';

export interface Painted {
  /** which point groups are in the image ('truth': the true-anomaly rings) */
  states: ReadonlySet<PointState | 'truth'>;
  /** the pool indices painted as points (a box or lasso selects among them by position) */
  idx: number[];
  image: Record<string, unknown> | null;
  /** one empty trace per painted group, carrying its legend entry (and the score colour bar) */
  legend: Map<PointState | 'truth', Trace>;
}

const STAMP: Record<Exclude<PointState, 'queued'>, number> = { unlabelled: 1, pseudo: 2, normal: 2.5, anomaly: 3 };
const LATER: Array<Exclude<PointState, 'queued' | 'unlabelled'>> = ['pseudo', 'normal', 'anomaly'];

/** An empty trace: its legend entry only (x: [null] draws nothing). */
function legendOnly(name: string, meta: string, marker: Record<string, unknown>): Trace {
  return { type: 'scatter', mode: 'markers', name, meta, x: [null], y: [null], hoverinfo: 'skip', marker };
}

/**
 * Paints the unlabelled points (shaded by log score), every other state over SVG_MAX points, and the truth rings
 * when shown and as many; later states win where they overlap, as SVG draws them later.
 */
export function paintPoints(x: ArrayLike<number>, y: ArrayLike<number>, s: StageSnapshot, g: Readonly<Record<PointState, readonly number[]>>, v: ViewState, truthIdx: readonly number[], shading: Shading, scale: number, p: PaintOpts): Painted {
  const states = new Set<PointState | 'truth'>(['unlabelled']);
  for (const st of LATER) if (g[st].length > SVG_MAX) states.add(st);
  if (v.showTruth && truthIdx.length > SVG_MAX) states.add('truth');
  const palette: Rgba[] = [];
  const layers: RasterLayer[] = [];
  const legend = new Map<PointState | 'truth', Trace>();
  const un = g.unlabelled;
  const stamp = (r: number): Stamp => disc(r * scale);
  const name = (st: PointState) => `${STATE_STYLE[st].name} (${g[st].length})`;
  const marker = (st: PointState, color: string) => ({ symbol: STATE_STYLE[st].symbol, size: STATE_STYLE[st].size * scale, color });
  if (shading === 'greys' || shading === 'viridis') {
    const stops = shading === 'viridis' ? VIRIDIS : GREYS;
    const log = (i: number) => Math.log10(s.scores[i]! + 1e-12);
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of un) {
      const l = log(i);
      if (l < lo) lo = l;
      if (l > hi) hi = l;
    }
    if (!(lo <= hi)) lo = hi = 0;
    const span = hi - lo;
    for (let k = 0; k < SHADES; k++) palette.push(rgbaOf(scaleColour(stops, (k + 0.5) / SHADES), 0.85));
    // the highest scores on top, as the SVG plot draws its darkest (latent) or brightest (viridis) points last
    layers.push({ idx: un, stamp: stamp(STAMP.unlabelled), level: (i) => (span > 0 ? Math.min(SHADES - 1, Math.floor(((log(i) - lo) / span) * SHADES)) : 0) });
    // the legend's dot takes the scale's middle; the colour bar spans the painted range
    const bar = shading === 'viridis' ? { color: [(lo + hi) / 2], cmin: lo, cmax: hi, colorscale: 'Viridis', showscale: true, colorbar: SIDE_COLORBAR } : { color: scaleColour(stops, 0.5) };
    legend.set('unlabelled', legendOnly(name('unlabelled'), 'unlabelled', { ...marker('unlabelled', scaleColour(stops, 0.5)), ...bar }));
  } else if (shading === 'onField') {
    // white dots with a dark rim, readable on every shade of the field
    palette.push(rgbaOf('#000000'), rgbaOf('#ffffff'));
    layers.push({ idx: un, stamp: stamp(STAMP.unlabelled + 1), level: () => 0 }, { idx: un, stamp: stamp(STAMP.unlabelled), level: () => 1 });
    legend.set('unlabelled', legendOnly(name('unlabelled'), 'unlabelled', { ...marker('unlabelled', '#ffffff'), line: { color: '#000', width: 1 } }));
  } else {
    palette.push(rgbaOf(STATE_STYLE.unlabelled.color, 0.75));
    layers.push({ idx: un, stamp: stamp(STAMP.unlabelled), level: () => 0 });
    legend.set('unlabelled', legendOnly(name('unlabelled'), 'unlabelled', marker('unlabelled', STATE_STYLE.unlabelled.color)));
  }
  const idx = [...un];
  for (const st of LATER) {
    if (!states.has(st)) continue;
    const level = palette.push(rgbaOf(STATE_STYLE[st].color)) - 1;
    layers.push({ idx: g[st], stamp: stamp(STAMP[st]), level: () => level });
    legend.set(st, legendOnly(name(st), st, marker(st, STATE_STYLE[st].color)));
    idx.push(...g[st]);
  }
  // a long queue: the first SVG_MAX stay SVG points (hover, legend), the rest are painted yellow squares on top
  const qRest = g.queued.length > SVG_MAX ? g.queued.slice(SVG_MAX) : [];
  if (qRest.length) {
    const rim = palette.push(rgbaOf('#000000')) - 1;
    palette.push(rgbaOf(STATE_STYLE.queued.color));
    layers.push({ idx: qRest, stamp: stamp(3), level: () => rim }, { idx: qRest, stamp: stamp(2), level: () => rim + 1 });
    idx.push(...qRest);
  }
  if (states.has('truth')) {
    const level = palette.push(rgbaOf(OKABE_ITO.vermillion)) - 1;
    layers.push({ idx: truthIdx, stamp: ring(5 * scale, 1.5 * scale), level: () => level });
    legend.set('truth', legendOnly(`true anomaly (${truthIdx.length})`, 'truth', { symbol: 'circle-open', size: 17 * scale, color: OKABE_ITO.vermillion, line: { width: 2.5 * scale } }));
  }
  const source = p.encode(raster(x, y, p.frame, palette, layers));
  return { states, idx, image: source ? frameImage(source, p.frame) : null, legend };
}

/** The frame around every point (a twentieth of the extent as margin), for a plot whose range the data sets. */
export function frameAround(x: ArrayLike<number>, y: ArrayLike<number>, width: number, height: number): RasterFrame {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  if (!(x0 <= x1)) [x0, x1, y0, y1] = [-1, 1, -1, 1];
  const mx = (x1 - x0 || 1) / 20;
  const my = (y1 - y0 || 1) / 20;
  return { x0: x0 - mx, x1: x1 + mx, y0: y0 - my, y1: y1 + my, width, height };
}
