// Plot 5, input space: on 2-D data the score field as a contour with the decision boundary; else a PCA scatter.
import type { StageSnapshot } from '../../engine/types';
import type { ScoreGrid } from '../../worker/protocol';
import { baseLayout, type Figure, type Trace } from './figure';
import { SCORE_SCALE } from './palette';
import { pointTraces } from './pointTraces';
import type { PointTable, ViewState } from './points';

export const INPUT_EXPLAIN_2D =
  'The data plane itself, shaded by the score the model would give each location (darker = more normal); the white line is the decision boundary.';
export const INPUT_EXPLAIN_PCA =
  'The inputs projected on their two main directions (PCA), coloured by anomaly score; labelled and queued points are marked.';

/** The score level drawn as the decision boundary: R^2 when the loss has a radius, else the ABS boundary, else the 90% quantile. */
export function boundaryScore(s: StageSnapshot): { value: number; what: string } {
  if (s.radius > 0) return { value: s.radius * s.radius, what: 'R²' };
  if (s.absBoundary !== null && s.absBoundary > 0) return { value: s.absBoundary, what: 'ABS boundary' };
  const sorted = Float64Array.from(s.scores).sort();
  return { value: sorted[Math.min(sorted.length - 1, Math.floor(0.9 * sorted.length))]!, what: '90% score quantile' };
}

const log10 = (v: number) => Math.log10(v + 1e-12);

/**
 * xy: input coordinates per pool index (raw 2-D values, or the PCA projection), row-major n x 2.
 * grid: score field on the plane (2-D data only).
 */
export function inputSpaceFigure(s: StageSnapshot, t: PointTable, v: ViewState, xy: Float32Array, grid: ScoreGrid | null, axisNames: [string, string], pca = false): Figure {
  const n = s.scores.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = xy[2 * i]!;
    y[i] = xy[2 * i + 1]!;
  }
  const data: Trace[] = [];
  const b = boundaryScore(s);
  if (grid) {
    const nx = grid.x.length;
    const ny = grid.y.length;
    const z: number[][] = [];
    for (let r = 0; r < ny; r++) z.push(Array.from(grid.z.subarray(r * nx, (r + 1) * nx), log10));
    data.push({
      type: 'contour', name: 'score field', meta: 'field', x: Array.from(grid.x), y: Array.from(grid.y), z,
      colorscale: SCORE_SCALE, ncontours: 18, contours: { coloring: 'fill', showlines: false },
      colorbar: { title: { text: 'log10 score' }, thickness: 14 }, hovertemplate: 'x %{x:.2f}, y %{y:.2f}<br>log10 score %{z:.2f}<extra></extra>',
      showlegend: false,
    });
    data.push({
      type: 'contour', name: `decision boundary (${b.what})`, meta: 'boundary', x: Array.from(grid.x), y: Array.from(grid.y), z,
      contours: { type: 'constraint', operation: '=', value: log10(b.value) },
      line: { color: '#ffffff', width: 4 }, showscale: false, hoverinfo: 'skip', showlegend: true,
      fillcolor: 'rgba(0,0,0,0)',
    });
  }
  data.push(...pointTraces(x, y, s, t, v, { gl: true, colourByScore: !grid, onField: !!grid }));
  const title = grid ? `Input plane and score field, stage ${s.stage}` : `Inputs (PCA) coloured by score, stage ${s.stage}`;
  const square = grid || !pca
    ? {
        xaxis: { title: { text: axisNames[0] }, zeroline: false, constrain: 'domain', ...(grid ? { range: [grid.x[0], grid.x[grid.x.length - 1]] } : {}) },
        yaxis: { title: { text: axisNames[1] }, scaleanchor: 'x', zeroline: false, constrain: 'domain', ...(grid ? { range: [grid.y[0], grid.y[grid.y.length - 1]] } : {}) },
      }
    : {};
  const layout = baseLayout(title, axisNames[0], axisNames[1], square);
  return { data, layout };
}
