import { describe, expect, it } from 'vitest';
import { tinySnapshot } from '../../core/testing';
import { fitLatent, latentCoords, latentFigure } from './latent';
import { pointTable } from './points';
import { drawMode, PAINT_ABOVE, WEBGL_FROM } from './pointTraces';
import type { Pixels } from './paint/raster';
import { SVG_MAX } from './paint/paintedPoints';
import { GREYS, SCORE_BANDS, scaleColour } from './scoreBands';

describe('latentCoords', () => {
  it('keeps every distance to c exact', () => {
    const s = tinySnapshot();
    const c = latentCoords(s);
    const expected = [1, 2, 3, 0.5, 1, Math.sqrt(8)];
    expected.forEach((r, i) => expect(Math.hypot(c.x[i]!, c.y[i]!)).toBeCloseTo(r, 6));
    expect(c.truePlane).toBe(false);
  });
  it('keeps the direction signs of the previous round', () => {
    const s = tinySnapshot();
    const a = latentCoords(s);
    const flipped: [Float64Array, Float64Array] = [a.axes![0].map((v) => -v), a.axes![1]];
    const b = latentCoords(s, flipped);
    expect(b.x[2]).toBeCloseTo(-a.x[2]!, 9);
    expect(b.y[2]).toBeCloseTo(a.y[2]!, 9);
  });
  it('shows the true plane when repDim is 2', () => {
    const s = tinySnapshot({
      repDim: 2, center: Float32Array.of(1, 1), embedding: Float32Array.of(1, 1, 4, 5, 0, 1), scores: Float32Array.of(0, 25, 1),
      queued: [], pseudo: [], labelled: [],
    });
    const c = latentCoords(s);
    expect(c.truePlane).toBe(true);
    expect(Array.from(c.x)).toEqual([0, 3, -1]);
    expect(Array.from(c.y)).toEqual([0, 4, 0]);
  });
});

describe('fitLatent', () => {
  it('sets the range from the bulk and pins a far point to the edge at its angle', () => {
    // 50 points on the unit circle and one at (40, 0): the 98% quantile radius is 1, so the half-width is 1.15
    const x = [...Array.from({ length: 50 }, (_, i) => Math.cos((2 * Math.PI * i) / 50)), 40];
    const y = [...Array.from({ length: 50 }, (_, i) => Math.sin((2 * Math.PI * i) / 50)), 0];
    const f = fitLatent({ x, y, truePlane: true }, { radius: 0.5, absBoundary: null });
    expect(f.limit).toBeCloseTo(1.15, 12);
    expect(f.far).toEqual([50]);
    expect(f.x[50]).toBeCloseTo(1.15 * 0.97, 12);
    expect(f.y[50]).toBe(0);
    expect(f.x[0]).toBe(1);
  });
  it('never cuts R or the ABS circle off', () => {
    // radii 1, 2, 3, 0.5, 1, sqrt 8: the largest (3) sets 3.15 (5% margin), above the ABS circle (2 x 1.08)
    const s = tinySnapshot();
    expect(fitLatent(latentCoords(s), s).limit).toBeCloseTo(3.15, 6);
    expect(fitLatent(latentCoords(s), { radius: 5, absBoundary: 4 }).limit).toBeCloseTo(5.4, 12);
    expect(fitLatent(latentCoords(s), s).far).toEqual([]);
  });
});

describe('latentFigure', () => {
  it('draws R, the ABS circle, one trace per state, truth, c, and the queue last (on top)', () => {
    const s = tinySnapshot();
    const truth = Uint8Array.of(0, 0, 1, 0, 1, 1);
    const fig = latentFigure(s, pointTable(s), { truth, showTruth: true, hover: 4 }, fitLatent(latentCoords(s), s));
    expect(fig.data.map((t) => t.meta)).toEqual(['circle', 'circle', 'unlabelled', 'pseudo', 'normal', 'anomaly', 'truth', 'hover', 'far', 'centre', 'queued']);
    // one renderer: six points are drawn as SVG, every trace of them, so trace order is drawing order
    expect(new Set(fig.data.map((t) => t.type))).toEqual(new Set(['scatter']));
    const r = fig.data[0]!;
    expect(Math.hypot(Number(r.x![0]), Number(r.y![0]))).toBeCloseTo(1.5, 12);
    const abs = fig.data[1]!;
    expect(Math.hypot(Number(abs.x![30]), Number(abs.y![30]))).toBeCloseTo(2, 12);
    const queued = fig.data[10]!;
    expect(queued.text).toEqual(['1', '2']);
    expect(queued.x!.length).toBe(2);
    expect((queued.marker as { symbol: string; color: string[] }).symbol).toBe('square');
    expect((queued.marker as { color: string[] }).color).toEqual(['#F0E442', '#F0E442']);
    expect(fig.data[6]!.x!.length).toBe(3);
    expect(fig.data[7]!.x!.length).toBe(1);
    const cd = fig.data[5]!.customdata as unknown[][];
    expect(cd[0]!.slice(0, 3)).toEqual([4, 1, 5]);
    expect(fig.layout.title).toMatchObject({ text: 'Latent hypersphere, stage 1' });
    expect((fig.layout.xaxis as { range: number[] }).range[1]).toBeCloseTo(3.15, 6);
  });
  it('names the stepper preview in the title and draws it unshaded', () => {
    const s = tinySnapshot({ queued: [] });
    const fig = latentFigure(s, pointTable(s), { truth: null, showTruth: false, hover: null }, fitLatent(latentCoords(s), s), { phase: 'center', scale: 1.5 });
    expect(fig.layout.title).toMatchObject({ text: 'Latent hypersphere, stage 1 (centre c set)' });
    const un = fig.data.find((t) => t.meta === 'unlabelled')!;
    expect((un.marker as { color: unknown; size: number }).color).toBe('#8C8C8C');
    expect((un.marker as { size: number }).size).toBeCloseTo(10.5, 12);
  });
});

describe('the renderer by pool size', () => {
  it('draws every trace with WebGL from WEBGL_FROM pool points, with SVG below', () => {
    expect([1, WEBGL_FROM - 1, WEBGL_FROM, PAINT_ABOVE, PAINT_ABOVE + 1, 200_000].map(drawMode)).toEqual(['svg', 'svg', 'webgl', 'webgl', 'painted', 'painted']);
    // WEBGL_FROM points on a circle of radius 1 around c = (0, 0)
    const n = WEBGL_FROM;
    const embedding = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      embedding[2 * i] = Math.cos(i);
      embedding[2 * i + 1] = Math.sin(i);
    }
    const s = tinySnapshot({ embedding, repDim: 2, center: Float32Array.of(0, 0), scores: new Float32Array(n).fill(1), queued: [0], pseudo: [], labelled: [] });
    const fig = latentFigure(s, pointTable(s), { truth: null, showTruth: false, hover: null }, fitLatent(latentCoords(s), s));
    expect(new Set(fig.data.map((t) => t.type))).toEqual(new Set(['scattergl']));
  });
  it('shades a scored WebGL cloud in single-colour bands, so plotly converts no colour per point', () => {
    const n = 1200;
    const embedding = new Float32Array(2 * n);
    // scores 10^0 ... 10^2.4 in equal log steps: log10 score i / 500, 100 points a band over 12 bands
    const scores = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      embedding[2 * i] = Math.cos(i);
      embedding[2 * i + 1] = Math.sin(i);
      scores[i] = 10 ** (i / 500) - 1e-12;
    }
    const s = tinySnapshot({ embedding, repDim: 2, center: Float32Array.of(0, 0), scores, queued: [0, 1199], pseudo: [], labelled: [] });
    const fig = latentFigure(s, pointTable(s), { truth: null, showTruth: false, hover: null }, fitLatent(latentCoords(s), s), { phase: 'scored' });
    const bands = fig.data.filter((t) => t.meta === 'unlabelled');
    expect(bands).toHaveLength(SCORE_BANDS);
    // 1198 unlabelled points (two are queued); band k holds log scores in [k/5, (k+1)/5) of the range 1/500 ... 1198/500
    expect(bands.reduce((a, t) => a + (t.x as number[]).length, 0)).toBe(n - 2);
    expect(bands.map((t) => (t.marker as { color: unknown }).color)).toEqual(Array.from({ length: SCORE_BANDS }, (_, k) => scaleColour(GREYS, (k + 0.5) / SCORE_BANDS)));
    expect(bands.map((t) => t.showlegend)).toEqual([true, ...Array(SCORE_BANDS - 1).fill(false)]);
    // the first band's hover rows name its own points: pool index in customdata[0]
    const first = (bands[0]!.customdata as number[][]).map((r) => r[0]);
    expect(first[0]).toBe(1);
    expect(first.every((i) => Math.log10(scores[i]! + 1e-12) < 1 / 500 + (1197 / 500) / SCORE_BANDS)).toBe(true);
    // no trace of the figure holds a colour per point
    expect(fig.data.filter((t) => Array.isArray((t.marker as { color?: unknown } | undefined)?.color) && (t.x as unknown[]).length > 2)).toEqual([]);
  });
  it('paints a pool over PAINT_ABOVE into one image under SVG traces, the queue drawn as points', () => {
    const n = PAINT_ABOVE + 1000;
    const embedding = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      embedding[2 * i] = Math.cos((2 * Math.PI * i) / n);
      embedding[2 * i + 1] = Math.sin((2 * Math.PI * i) / n);
    }
    const s = tinySnapshot({ embedding, repDim: 2, center: Float32Array.of(0, 0), scores: new Float32Array(n).fill(1), queued: [0, 5], pseudo: [], labelled: [[7, 1]] });
    const seen: Pixels[] = [];
    const fig = latentFigure(s, pointTable(s), { truth: null, showTruth: false, hover: null }, fitLatent(latentCoords(s), s), { encode: (px) => (seen.push(px), 'data:image/png;base64,AA') });
    expect(new Set(fig.data.map((t) => t.type))).toEqual(new Set(['scatter']));
    const un = fig.data.find((t) => t.meta === 'unlabelled')!;
    // the unlabelled trace is the legend entry only; its n - 3 points are in the image
    expect([un.x, un.name]).toEqual([[null], `unlabelled (${n - 3})`]);
    expect(fig.painted!.idx.length).toBe(n - 3);
    expect(fig.data.find((t) => t.meta === 'queued')!.x).toEqual([1, expect.closeTo(Math.cos((2 * Math.PI * 5) / n), 6)]);
    expect(fig.data.find((t) => t.meta === 'anomaly')!.x!.length).toBe(1);
    const img = (fig.layout.images as Array<Record<string, number | string>>)[0]!;
    // the ABS circle (radius 2, 8% margin) sets the half-width 2.16; the image covers the square frame
    expect(img.source).toBe('data:image/png;base64,AA');
    expect([img.x, img.y, img.sizex, img.sizey]).toEqual([expect.closeTo(-2.16, 9), expect.closeTo(2.16, 9), expect.closeTo(4.32, 9), expect.closeTo(4.32, 9)]);
    // point 0 at (1, 0) is pixel (floor(3.16 / 4.32 x 480), 240) = (351, 240); all scores equal: the lowest grey shade
    const px = seen[0]!;
    expect([px.width, px.height]).toEqual([480, 480]);
    const at = (c: number, r: number) => Array.from(px.rgba.slice(4 * (r * 480 + c), 4 * (r * 480 + c) + 4));
    expect(at(351, 240)).toEqual([...[1, 3, 5].map((k) => parseInt(scaleColour(GREYS, 0.5 / 64).slice(k, k + 2), 16)), 217]);
    // nothing at the centre
    expect(at(240, 240)).toEqual([0, 0, 0, 0]);
  });
  it('keeps the first SVG_MAX of a long queue as SVG points and paints the rest over everything', () => {
    const n = PAINT_ABOVE + 1000;
    const embedding = new Float32Array(2 * n);
    // every point at (0.5, 0): the painted queue (yellow, level above the grey) wins the shared pixels
    for (let i = 0; i < n; i++) embedding[2 * i] = 0.5;
    const queued = Array.from({ length: SVG_MAX + 100 }, (_, k) => k);
    const s = tinySnapshot({ embedding, repDim: 2, center: Float32Array.of(0, 0), scores: new Float32Array(n).fill(0.25), queued, pseudo: [], labelled: [] });
    const seen: Pixels[] = [];
    const fig = latentFigure(s, pointTable(s), { truth: null, showTruth: false, hover: null }, fitLatent(latentCoords(s), s), { encode: (px) => (seen.push(px), 'data:,') });
    const q = fig.data.find((t) => t.meta === 'queued')!;
    expect([q.x!.length, q.name]).toEqual([SVG_MAX, `queued (${SVG_MAX + 100})`]);
    expect(fig.painted!.idx.length).toBe(n - SVG_MAX);
    // (0.5, 0) in the frame of half-width 2.16 (the ABS circle): pixel (floor(2.66 / 4.32 x 480), 240) = (295, 240)
    const at = (c: number, r: number) => Array.from(seen[0]!.rgba.slice(4 * (r * 480 + c), 4 * (r * 480 + c) + 4));
    expect(at(295, 240)).toEqual([0xf0, 0xe4, 0x42, 255]);
    // the square's rim, 3 pixels out, is black
    expect(at(298, 240)).toEqual([0, 0, 0, 255]);
  });
});
