// Plot 1, the latent hypersphere: radius = ||phi(x) - c|| exactly, angle from the top-2 principal directions.
import type { StageSnapshot } from '../../core/types';
import { baseLayout, type Figure, type Trace } from './figure';
import { canonicalSign, covariance, dot, symEig } from './linalg';
import { OKABE_ITO } from './palette';
import { pointTraces } from './pointTraces';
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

function circle(r: number, color: string, dash: string, name: string): Trace {
  const k = 120;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= k; i++) {
    xs.push(r * Math.cos((2 * Math.PI * i) / k));
    ys.push(r * Math.sin((2 * Math.PI * i) / k));
  }
  return { type: 'scatter', mode: 'lines', name, meta: 'circle', x: xs, y: ys, hoverinfo: 'name', line: { color, width: 3, dash } };
}

export const LATENT_EXPLAIN =
  'Each point is one sample in the network\'s output space: its distance from the centre c is exact (the score is that distance squared); the angle comes from the two main directions of spread.';

/** The latent figure from coordinates (possibly interpolated between rounds) and the snapshot. */
export function latentFigure(s: StageSnapshot, t: PointTable, v: ViewState, coords: { x: ArrayLike<number>; y: ArrayLike<number>; truePlane: boolean }): Figure {
  const data: Trace[] = [];
  if (s.radius > 0) data.push(circle(s.radius, OKABE_ITO.green, 'solid', `radius R = ${s.radius.toPrecision(3)}`));
  else data.push({ ...circle(0, OKABE_ITO.green, 'solid', 'radius R (not used by this loss)'), visible: false });
  if (s.absBoundary !== null && s.absBoundary > 0) {
    data.push(circle(Math.sqrt(s.absBoundary), OKABE_ITO.orange, 'dash', `ABS boundary (quantile ${s.qp?.toFixed(2)})`));
  } else data.push({ ...circle(0, OKABE_ITO.orange, 'dash', 'ABS boundary'), visible: false });
  data.push(...pointTraces(coords.x, coords.y, s, t, v, { gl: true }));
  data.push({
    type: 'scatter',
    mode: 'markers+text',
    name: 'centre c',
    meta: 'centre',
    x: [0],
    y: [0],
    text: ['c'],
    textposition: 'top right',
    textfont: { size: 18 },
    hoverinfo: 'name',
    marker: { symbol: 'cross-thin', size: 20, line: { width: 3, color: OKABE_ITO.black } },
  });
  let maxR = 0;
  for (let i = 0; i < coords.x.length; i++) maxR = Math.max(maxR, Math.hypot(coords.x[i]!, coords.y[i]!));
  maxR = Math.max(maxR, s.radius, s.absBoundary ? Math.sqrt(s.absBoundary) : 0) * 1.05 || 1;
  const axisTitle = coords.truePlane ? ['phi_1(x) - c_1', 'phi_2(x) - c_2'] : ['distance to c along direction 1', 'distance to c along direction 2'];
  const layout = baseLayout(`Latent hypersphere, stage ${s.stage}${coords.truePlane ? ' (true 2-D latent plane)' : ''}`, axisTitle[0]!, axisTitle[1]!, {
    xaxis: { title: { text: axisTitle[0] }, range: [-maxR, maxR], zeroline: false, constrain: 'domain' },
    yaxis: { title: { text: axisTitle[1] }, range: [-maxR, maxR], scaleanchor: 'x', scaleratio: 1, zeroline: false, constrain: 'domain' },
  });
  return { data, layout };
}
