// Plot 1, the latent hypersphere: radius = ||phi(x) - c|| exactly, angle from the top-2 principal directions.
import type { StageSnapshot } from '../../core/types';
import { baseLayout, SIDE_LEGEND, type Figure, type Trace } from './figure';
import { canonicalSign, covariance, dot, symEig } from '../../engine/linalg';
import { OKABE_ITO } from './palette';
import { pointTraces, useWebGL } from './pointTraces';
import type { PointTable, ViewState } from './points';

export interface LatentCoords {
  x: Float64Array;
  y: Float64Array;
  /** the two directions used (rows of length repDim); null for the true plane */
  axes: [Float64Array, Float64Array] | null;
  truePlane: boolean;
}

/**
 * Polar view keeping distances to c: point i sits at radius ||v_i|| and angle atan2(v_i.u2, v_i.u1), v_i = phi_i - c.
 * prevAxes keeps the signs of the directions from the previous round so the points do not flip between rounds.
 */
export function latentCoords(s: StageSnapshot, prevAxes?: [Float64Array, Float64Array] | null): LatentCoords {
  const n = s.scores.length;
  const r = s.repDim;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  if (r === 2) {
    for (let i = 0; i < n; i++) {
      x[i] = s.embedding[2 * i]! - s.center[0]!;
      y[i] = s.embedding[2 * i + 1]! - s.center[1]!;
    }
    return { x, y, axes: null, truePlane: true };
  }
  let u1: Float64Array;
  let u2: Float64Array;
  if (r === 1) {
    u1 = Float64Array.of(1);
    u2 = Float64Array.of(0);
  } else {
    const { vectors } = symEig(covariance(s.embedding, n, r, s.center), r);
    u1 = vectors[0]!;
    u2 = vectors[1]!;
    if (prevAxes && prevAxes[0].length === r) {
      if (dot(u1, prevAxes[0]) < 0) u1 = u1.map((v) => -v);
      if (dot(u2, prevAxes[1]) < 0) u2 = u2.map((v) => -v);
    } else {
      u1 = canonicalSign(u1);
      u2 = canonicalSign(u2);
    }
  }
  const v = new Float64Array(r);
  for (let i = 0; i < n; i++) {
    let norm2 = 0;
    for (let j = 0; j < r; j++) {
      v[j] = s.embedding[i * r + j]! - s.center[j]!;
      norm2 += v[j]! * v[j]!;
    }
    const a = dot(v, u1);
    const b = dot(v, u2);
    const rad = Math.sqrt(norm2);
    const h = Math.hypot(a, b);
    // a point orthogonal to both directions keeps its radius, drawn at angle 0
    x[i] = h > 0 ? (rad * a) / h : rad;
    y[i] = h > 0 ? (rad * b) / h : 0;
  }
  return { x, y, axes: [u1, u2], truePlane: false };
}

/** Coordinates fitted to the bulk: points beyond `limit` are pinned to it (same angle) and listed in `far`. */
export interface FittedCoords {
  x: Float64Array;
  y: Float64Array;
  truePlane: boolean;
  /** half-width of the square view */
  limit: number;
  /** pool indices drawn on the edge instead of at their true distance */
  far: number[];
}

/** The quantile of the radii that sets the view; the rest (a few far points) would squash the bulk into a corner. */
export const BULK_QUANTILE = 0.98;

/**
 * The latent view's range: the 98% quantile of the distances to c with a margin, never smaller than R or the
 * ABS circle (so c and R stay visible); farther points are pinned to the edge and marked.
 */
export function fitLatent(c: { x: ArrayLike<number>; y: ArrayLike<number>; truePlane: boolean }, s: Pick<StageSnapshot, 'radius' | 'absBoundary'>): FittedCoords {
  const n = c.x.length;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = Math.hypot(c.x[i]!, c.y[i]!);
  const sorted = Float64Array.from(r).sort();
  const bulk = n ? sorted[Math.min(n - 1, Math.floor(BULK_QUANTILE * (n - 1)))]! * 1.15 : 0;
  const circles = Math.max(s.radius, s.absBoundary && s.absBoundary > 0 ? Math.sqrt(s.absBoundary) : 0) * 1.08;
  const max = n ? sorted[n - 1]! * 1.05 : 0;
  const limit = Math.max(Math.min(bulk, max), circles) || 1;
  const edge = limit * 0.97;
  const x = Float64Array.from(c.x);
  const y = Float64Array.from(c.y);
  const far: number[] = [];
  for (let i = 0; i < n; i++) {
    if (r[i]! <= edge) continue;
    far.push(i);
    x[i] = (x[i]! * edge) / r[i]!;
    y[i] = (y[i]! * edge) / r[i]!;
  }
  return { x, y, truePlane: c.truePlane, limit, far };
}

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
}

const PHASE_CAPTION = { center: 'centre c set', train: 'trained, not scored', scored: '' } as const;

/** The latent figure from fitted coordinates (possibly interpolated between rounds) and the snapshot. */
export function latentFigure(s: StageSnapshot, t: PointTable, v: ViewState, coords: FittedCoords, opts: LatentOpts = {}): Figure {
  const k = opts.scale ?? 1;
  const phase = opts.phase ?? 'scored';
  const data: Trace[] = [];
  // every trace uses one renderer (WebGL for large pools, SVG otherwise), so the queued markers (last) are on top
  const webgl = useWebGL(s.scores.length);
  const gl = webgl ? 'scattergl' : 'scatter';
  if (s.radius > 0) data.push(circle(s.radius, OKABE_ITO.green, 'solid', `radius R = ${s.radius.toPrecision(3)}`, gl, 3 * k));
  else data.push({ ...circle(0, OKABE_ITO.green, 'solid', 'radius R (not used by this loss)', gl, 3 * k), visible: false });
  if (s.absBoundary !== null && s.absBoundary > 0) {
    data.push(circle(Math.sqrt(s.absBoundary), OKABE_ITO.orange, 'dash', `ABS boundary (q ${s.qp?.toFixed(2)})`, gl, 3 * k));
  } else data.push({ ...circle(0, OKABE_ITO.orange, 'dash', 'ABS boundary', gl, 3 * k), visible: false });
  const points = pointTraces(coords.x, coords.y, s, t, v, { gl: webgl, shadeByScore: phase === 'scored', scale: k });
  const queued = points.pop()!;
  data.push(...points);
  data.push({
    type: gl,
    mode: 'markers',
    name: `pinned to the edge (${coords.far.length})`,
    meta: 'far',
    x: coords.far.map((i) => coords.x[i]!),
    y: coords.far.map((i) => coords.y[i]!),
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
  const m = coords.limit;
  const axisTitle = coords.truePlane ? ['phi_1(x) - c_1', 'phi_2(x) - c_2'] : ['distance to c along direction 1', 'distance to c along direction 2'];
  const caption = PHASE_CAPTION[phase];
  const title = `Latent hypersphere, stage ${s.stage}${caption ? ` (${caption})` : ''}`;
  const layout = baseLayout(title, axisTitle[0]!, axisTitle[1]!, {
    xaxis: { title: { text: axisTitle[0] }, range: [-m, m], zeroline: false, constrain: 'domain' },
    yaxis: { title: { text: axisTitle[1] }, range: [-m, m], scaleanchor: 'x', scaleratio: 1, zeroline: false, constrain: 'domain' },
    // the square plot leaves room at its side: the legend goes there, not under the axis title
    legend: SIDE_LEGEND(k),
  }, k);
  return { data, layout };
}
