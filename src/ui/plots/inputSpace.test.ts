import { describe, expect, it } from 'vitest';
import { tinySnapshot } from '../../core/testing';
import { boundaryScore, inputSpaceFigure } from './inputSpace';
import { pointTable } from './points';
import { SCORE_BANDS, scaleColour, VIRIDIS } from './scoreBands';
import { PAINT_ABOVE } from './pointTraces';
import type { Pixels } from './paint/raster';

const xy = Float32Array.of(0, 0, 1, 0, 2, 0, 0, 1, 1, 1, 2, 1);

describe('inputSpaceFigure', () => {
  it('draws the score field, the boundary contour at log10(R²) and the points at their inputs', () => {
    const s = tinySnapshot();
    const grid = { x: Float32Array.of(0, 1, 2), y: Float32Array.of(0, 1), z: Float32Array.of(1, 10, 100, 1000, 1, 1) };
    const fig = inputSpaceFigure(s, pointTable(s), { truth: null, showTruth: false, hover: null }, xy, grid, ['x1', 'x2'], false, 'data:image/png;base64,AAAA');
    const img = (fig.layout.images as Array<{ x: number; y: number; sizex: number; sizey: number }>)[0]!;
    // pixels are centred on the grid nodes: half a step beyond the first and last node
    expect([img.x, img.y, img.sizex, img.sizey]).toEqual([-0.5, 1.5, 3, 2]);
    expect(fig.data[0]!.meta).toBe('field');
    // the colour bar spans log10 of the field: 0 .. 3
    expect((fig.data[0]!.marker as { color: number[] }).color).toEqual([expect.closeTo(0, 6), expect.closeTo(3, 6)]);
    // boundary at log10(R^2 = 2.25) = 0.352: row y=0 holds log 0,1,2 -> crosses between x=0 and x=1 at 0.352
    const b = fig.data[1]!;
    expect(b.meta).toBe('boundary');
    expect(Number(b.x![0])).toBeCloseTo(Math.log10(2.25), 5);
    expect(b.y![0]).toBe(0);
    const q = fig.data.find((t) => t.meta === 'queued')!;
    expect(q.x).toEqual([2, 2]);
    expect(q.y).toEqual([0, 1]);
  });
  it('falls back to the ABS boundary, then to the 90% quantile', () => {
    expect(boundaryScore(tinySnapshot({ radius: 0 }))).toEqual({ value: 4, what: 'ABS boundary' });
    // sorted scores 0.25, 1, 1, 4, 8, 9: floor(0.9 * 6) = 5 -> 9
    expect(boundaryScore(tinySnapshot({ radius: 0, absBoundary: null }))).toEqual({ value: 9, what: '90% score quantile' });
  });
  it('colours a PCA scatter by log score when there is no grid', () => {
    const s = tinySnapshot({ queued: [], labelled: [], pseudo: [] });
    const fig = inputSpaceFigure(s, pointTable(s), { truth: null, showTruth: false, hover: null }, xy, null, ['PC 1', 'PC 2'], true);
    const u = fig.data.find((t) => t.meta === 'unlabelled')!;
    expect((u.marker as { color: number[] }).color[2]).toBeCloseTo(Math.log10(9), 6);
  });
  it('colours a large PCA scatter in Viridis bands, the colour bar on the first over their range', () => {
    const n = 1500;
    const embedding = new Float32Array(2 * n);
    const plane = new Float32Array(2 * n);
    const scores = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      plane[2 * i] = i;
      plane[2 * i + 1] = -i;
      scores[i] = 10 ** (-1 + (3 * i) / (n - 1));
    }
    const s = tinySnapshot({ embedding, repDim: 2, center: Float32Array.of(0, 0), scores, queued: [], pseudo: [], labelled: [] });
    const fig = inputSpaceFigure(s, pointTable(s), { truth: null, showTruth: false, hover: null }, plane, null, ['PC 1', 'PC 2'], true);
    const bands = fig.data.filter((t) => t.meta === 'unlabelled');
    expect(bands.map((t) => t.type)).toEqual(Array(SCORE_BANDS).fill('scattergl'));
    const m0 = bands[0]!.marker as { color: string; cmin: number; cmax: number; showscale: boolean; colorscale: string };
    // log10 scores from -1 to 2 (float32 rounding aside)
    expect(m0.cmin).toBeCloseTo(-1, 6);
    expect(m0.cmax).toBeCloseTo(2, 6);
    expect([m0.showscale, m0.colorscale, m0.color]).toEqual([true, 'Viridis', scaleColour(VIRIDIS, 0.5 / SCORE_BANDS)]);
    expect(bands.slice(1).every((t) => (t.marker as { showscale?: boolean }).showscale === undefined)).toBe(true);
    // 1500 points in 12 equal log-width bands: 125 each, the last x of band 0 is point 124
    expect(bands.map((t) => (t.x as number[]).length)).toEqual(Array(SCORE_BANDS).fill(125));
    expect((bands[0]!.x as number[]).at(-1)).toBe(124);
  });
  it('paints a large PCA pool and its many true anomalies, the axes set to the image frame', () => {
    const n = PAINT_ABOVE + 2000;
    const plane = new Float32Array(2 * n);
    const scores = new Float32Array(n);
    const truth = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      plane[2 * i] = i / (n - 1);
      plane[2 * i + 1] = 2 * (i / (n - 1));
      scores[i] = 10 ** (i / (n - 1));
      truth[i] = i % 10 === 0 ? 1 : 0;
    }
    const s = tinySnapshot({ embedding: new Float32Array(2 * n), repDim: 2, center: Float32Array.of(0, 0), scores, queued: [3], pseudo: [], labelled: [] });
    const seen: Pixels[] = [];
    const fig = inputSpaceFigure(s, pointTable(s), { truth, showTruth: true, hover: null }, plane, null, ['PC 1', 'PC 2'], true, null, 1, (px) => (seen.push(px), 'data:,'));
    // x spans 0..1 and y 0..2, each with a twentieth of margin
    expect((fig.layout.xaxis as { range: number[] }).range).toEqual([expect.closeTo(-0.05, 9), expect.closeTo(1.05, 9)]);
    expect((fig.layout.yaxis as { range: number[] }).range).toEqual([expect.closeTo(-0.1, 9), expect.closeTo(2.1, 9)]);
    const un = fig.data.find((t) => t.meta === 'unlabelled')!;
    // log10 scores run 0 .. 1 over the unlabelled points (point 3 is queued, not among them)
    const m = un.marker as { cmin: number; cmax: number; colorscale: string; showscale: boolean };
    expect([m.cmin, m.cmax, m.colorscale, m.showscale, (un.marker as { color: number[] }).color[0]]).toEqual([expect.closeTo(0, 9), expect.closeTo(1, 6), 'Viridis', true, expect.closeTo(0.5, 6)]);
    // 1000 true anomalies: over SVG_MAX, so their rings are painted too and the truth trace is a legend entry
    const tr = fig.data.find((t) => t.meta === 'truth')!;
    expect([tr.x, tr.name, tr.visible]).toEqual([[null], 'true anomaly (1000)', true]);
    // a square image on a square plot: y is scaled by the frame's x span over its y span (1.1 / 2.2)
    expect(seen.map((p) => [p.width, p.height])).toEqual([[480, 480]]);
    expect((fig.layout.yaxis as { scaleratio: number }).scaleratio).toBeCloseTo(0.5, 9);
    expect(fig.painted!.idx.length).toBe(n - 1);
  });
});
