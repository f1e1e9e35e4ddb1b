// Plot 5, input space: on 2-D data the score field as a contour with the decision boundary; else a PCA scatter.
import type { StageSnapshot } from '../../core/types';
import type { ScoreGrid } from '../../protocol';
import { baseLayout, SIDE_COLORBAR, SIDE_LEGEND, type Figure, type Trace } from './figure';
import { SCORE_SCALE } from './palette';
import { fieldPixels, levelSegments } from './field';
import { drawMode, pointTraces } from './pointTraces';
import { frameAround } from './paint/paintedPoints';
import type { Pixels, RasterFrame } from './paint/raster';
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

/** A painted input image's width in pixels (about the plot's on a laptop: a dot is two or three screen pixels). */
export const PAINT_PX = 480;

/**
 * xy: input coordinates per pool index (raw 2-D values, or the PCA projection), row-major n x 2.
 * grid: score field on the plane (2-D data only).
 */
/**
 * fieldImage: a data URL of fieldPixels(grid) (made by the view with a canvas), drawn under the points.
 * encode: pixels to an image source, for a large pool whose crowd is painted (plots/paintedPoints).
 */
export function inputSpaceFigure(
  s: StageSnapshot, t: PointTable, v: ViewState, xy: Float32Array, grid: ScoreGrid | null, axisNames: [string, string], pca = false, fieldImage: string | null = null, scale = 1,
  encode: (px: Pixels) => string | null = () => null,
): Figure {
  const n = s.scores.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = xy[2 * i]!;
    y[i] = xy[2 * i + 1]!;
  }
  const data: Trace[] = [];
  const b = boundaryScore(s);
  const images: unknown[] = [];
  if (grid) {
    const px = fieldPixels(grid);
    const seg = levelSegments(grid.x, grid.y, px.log, log10(b.value));
    // invisible two-point trace that carries the colour bar of the field image
    data.push({
      type: 'scatter', mode: 'markers', name: 'score field', meta: 'field', x: [grid.x[0]!, grid.x[0]!], y: [grid.y[0]!, grid.y[0]!],
      hoverinfo: 'skip', showlegend: false,
      marker: { color: [px.min, px.max], colorscale: SCORE_SCALE, showscale: true, opacity: 0, size: 1, colorbar: SIDE_COLORBAR },
    });
    data.push({
      type: 'scatter', mode: 'lines', name: `decision boundary (${b.what})`, meta: 'boundary', x: seg.x, y: seg.y,
      hoverinfo: 'skip', line: { color: '#ffffff', width: 4 }, connectgaps: false,
    });
    if (fieldImage) {
      const dx = (grid.x[1]! - grid.x[0]!) / 2;
      const dy = (grid.y[1]! - grid.y[0]!) / 2;
      const x0 = grid.x[0]! - dx;
      const x1 = grid.x[grid.x.length - 1]! + dx;
      const y0 = grid.y[0]! - dy;
      const y1 = grid.y[grid.y.length - 1]! + dy;
      images.push({ source: fieldImage, xref: 'x', yref: 'y', x: x0, y: y1, sizex: x1 - x0, sizey: y1 - y0, sizing: 'stretch', layer: 'below', xanchor: 'left', yanchor: 'top' });
    }
  }
  const mode = drawMode(n);
  let frame: RasterFrame | null = null;
  if (mode === 'painted') {
    const f = grid ? { x0: grid.x[0]!, x1: grid.x[grid.x.length - 1]!, y0: grid.y[0]!, y1: grid.y[grid.y.length - 1]!, width: PAINT_PX, height: PAINT_PX } : frameAround(x, y, PAINT_PX, PAINT_PX);
    // the pixels keep the plot's aspect, so a painted dot stays round: equal data scales (the plane) follow the
    // frame's shape, and a PCA plot is made square to match its square image
    const h = pca && !grid ? PAINT_PX : Math.round(Math.min(4 * PAINT_PX, Math.max(PAINT_PX / 4, (PAINT_PX * (f.y1 - f.y0)) / (f.x1 - f.x0 || 1))));
    frame = { ...f, height: h };
  }
  const layers = pointTraces(x, y, s, t, v, { gl: mode === 'webgl', colourByScore: !grid, onField: !!grid, scale, paint: frame ? { frame, encode } : undefined });
  data.push(...layers.traces);
  images.push(...layers.images);
  // the plane's range is its grid's; a painted plot has no points plotly could fit its axes to: the image's frame
  const xr = grid ? [grid.x[0], grid.x[grid.x.length - 1]] : frame ? [frame.x0, frame.x1] : null;
  const yr = grid ? [grid.y[0], grid.y[grid.y.length - 1]] : frame ? [frame.y0, frame.y1] : null;
  const title = grid ? `Input plane and score field, stage ${s.stage}` : `Inputs (PCA) coloured by score, stage ${s.stage}`;
  // equal scales on the plane and raw 2-D data; a painted PCA plot is squared to its square image
  const ratio = pca && !grid && frame ? { scaleratio: (frame.x1 - frame.x0) / (frame.y1 - frame.y0 || 1) } : null;
  const square = grid || !pca || ratio
    ? {
        xaxis: { title: { text: axisNames[0] }, zeroline: false, constrain: 'domain', ...(xr ? { range: xr } : {}) },
        yaxis: { title: { text: axisNames[1] }, scaleanchor: 'x', ...ratio, zeroline: false, constrain: 'domain', ...(yr ? { range: yr } : {}) },
      }
    : {};
  // the legend beside the square plot, under the colour bar: at the foot it would take the plot's height
  const layout = baseLayout(title, axisNames[0], axisNames[1], { ...square, images, legend: { ...SIDE_LEGEND(scale), y: 0, yanchor: 'bottom' } }, scale);
  return { data, layout, ...(frame ? { painted: { x, y, idx: layers.painted } } : {}) };
}
