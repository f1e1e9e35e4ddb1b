// Plot 1, the latent hypersphere: radius = ||phi(x) - c|| exactly, angle from the top-2 principal directions.
import type { StageSnapshot } from '../../core/types';
import { baseLayout, SIDE_LEGEND, type Figure, type Trace } from './figure';
import { OKABE_ITO } from './palette';
import { drawMode, pointTraces } from './pointTraces';
import { SVG_MAX } from './paint/paintedPoints';
import type { Pixels } from './paint/raster';
import type { PointTable, ViewState } from './points';

// the plane's coordinates are computed in the worker (engine/latentPlane) and here for rounds sent without them
export { BULK_QUANTILE, fitLatent, latentCoords, type FittedCoords, type LatentCoords } from '../../engine/latentPlane';
import type { FittedCoords } from '../../engine/latentPlane';

function circle(r: number, color: string, dash: string, name: string, type: string, width: number): Trace {
  const k = 120;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= k; i++) {
    xs.push(r * Math.cos((2 * Math.PI * i) / k));
    ys.push(r * Math.sin((2 * Math.PI * i) / k));
  }
  return { type, mode: 'lines', name, meta: 'circle', x: xs, y: ys, hoverinfo: 'name', line: { color, width, dash } };
}

export const LATENT_EXPLAIN =
  'Each point is one sample in the network\'s output space: its distance from the centre c is exact (the score is that distance squared); the angle comes from the two main directions of spread. Points beyond the frame are pinned to its edge (open triangles).';

export interface LatentOpts {
  /** marker, line and font factor (presenter mode) */
  scale?: number;
  /** which stage result this is: 'centre' and 'train' are previews before the stage is scored */
  phase?: 'center' | 'train' | 'scored';
  /** pixels to an image source (a canvas data URL in the page): a large pool's crowd is painted, not drawn */
  encode?: (px: Pixels) => string | null;
}

/** A painted latent image's side in pixels: about the plot's size on a laptop, so a point is a pixel or three. */
export const LATENT_PX = 480;

const PHASE_CAPTION = { center: 'centre c set', train: 'trained, not scored', scored: '' } as const;

/** The latent figure from fitted coordinates (possibly interpolated between rounds) and the snapshot. */
export function latentFigure(s: StageSnapshot, t: PointTable, v: ViewState, coords: FittedCoords, opts: LatentOpts = {}): Figure {
  const k = opts.scale ?? 1;
  const phase = opts.phase ?? 'scored';
  const data: Trace[] = [];
  // every trace uses one renderer (WebGL for large pools, SVG otherwise), so the queued markers (last) are on top;
  // the largest pools paint their crowd into an image under SVG traces
  const mode = drawMode(s.scores.length);
  const webgl = mode === 'webgl';
  const gl = webgl ? 'scattergl' : 'scatter';
  const m = coords.limit;
  const paint = mode === 'painted' ? { frame: { x0: -m, x1: m, y0: -m, y1: m, width: LATENT_PX, height: LATENT_PX }, encode: opts.encode ?? (() => null) } : undefined;
  if (s.radius > 0) data.push(circle(s.radius, OKABE_ITO.green, 'solid', `radius R = ${s.radius.toPrecision(3)}`, gl, 3 * k));
  else data.push({ ...circle(0, OKABE_ITO.green, 'solid', 'radius R (not used by this loss)', gl, 3 * k), visible: false });
  if (s.absBoundary !== null && s.absBoundary > 0) {
    data.push(circle(Math.sqrt(s.absBoundary), OKABE_ITO.orange, 'dash', `ABS boundary (q ${s.qp?.toFixed(2)})`, gl, 3 * k));
  } else data.push({ ...circle(0, OKABE_ITO.orange, 'dash', 'ABS boundary', gl, 3 * k), visible: false });
  const layers = pointTraces(coords.x, coords.y, s, t, v, { gl: webgl, shadeByScore: phase === 'scored', scale: k, paint });
  const points = layers.traces;
  const queued = points.pop()!;
  data.push(...points);
  // a painted plot's far points are in its image too: SVG marks an even sample of at most SVG_MAX of them
  const every = paint ? Math.ceil(coords.far.length / SVG_MAX) : 1;
  const far = every > 1 ? coords.far.filter((_, j) => j % every === 0) : coords.far;
  data.push({
    type: gl,
    mode: 'markers',
    name: `pinned to the edge (${coords.far.length}${far.length < coords.far.length ? `, ${far.length} marked` : ''})`,
    meta: 'far',
    x: far.map((i) => coords.x[i]!),
    y: far.map((i) => coords.y[i]!),
    hoverinfo: 'skip',
    visible: coords.far.length > 0,
    marker: { symbol: 'triangle-up-open', size: 13 * k, color: OKABE_ITO.black, line: { width: 1.5 * k } },
  });
  data.push({
    type: gl,
    mode: 'markers+text',
    name: 'centre c',
    meta: 'centre',
    x: [0],
    y: [0],
    text: ['c'],
    textposition: 'top right',
    textfont: { size: 20 * k, color: OKABE_ITO.black },
    hoverinfo: 'name',
    marker: { symbol: 'cross-thin', size: 22 * k, color: OKABE_ITO.black, line: { width: 3 * k, color: OKABE_ITO.black } },
  });
  data.push(queued);
  const axisTitle = coords.truePlane ? ['phi_1(x) - c_1', 'phi_2(x) - c_2'] : ['distance to c along direction 1', 'distance to c along direction 2'];
  const caption = PHASE_CAPTION[phase];
  const title = `Latent hypersphere, stage ${s.stage}${caption ? ` (${caption})` : ''}`;
  const layout = baseLayout(title, axisTitle[0]!, axisTitle[1]!, {
    xaxis: { title: { text: axisTitle[0] }, range: [-m, m], zeroline: false, constrain: 'domain' },
    yaxis: { title: { text: axisTitle[1] }, range: [-m, m], scaleanchor: 'x', scaleratio: 1, zeroline: false, constrain: 'domain' },
    // the square plot leaves room at its side: the legend goes there, not under the axis title
    legend: SIDE_LEGEND(k),
    images: layers.images,
  }, k);
  return { data, layout, ...(paint ? { painted: { x: coords.x, y: coords.y, idx: layers.painted } } : {}) };
}
