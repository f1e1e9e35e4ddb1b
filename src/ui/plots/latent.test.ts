import { describe, expect, it } from 'vitest';
import { tinySnapshot } from './fixture';
import { latentCoords, latentFigure } from './latent';
import { pointTable } from './points';

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

describe('latentFigure', () => {
  it('draws R, the ABS circle, one trace per state, truth, hover and c', () => {
    const s = tinySnapshot();
    const truth = Uint8Array.of(0, 0, 1, 0, 1, 1);
    const fig = latentFigure(s, pointTable(s), { truth, showTruth: true, hover: 4 }, latentCoords(s));
    expect(fig.data.map((t) => t.meta)).toEqual(['circle', 'circle', 'unlabelled', 'pseudo', 'normal', 'anomaly', 'queued', 'truth', 'hover', 'centre']);
    const r = fig.data[0]!;
    expect(Math.hypot(Number(r.x![0]), Number(r.y![0]))).toBeCloseTo(1.5, 12);
    const abs = fig.data[1]!;
    expect(Math.hypot(Number(abs.x![30]), Number(abs.y![30]))).toBeCloseTo(2, 12);
    const queued = fig.data[6]!;
    expect(queued.text).toEqual(['1', '2']);
    expect(queued.x!.length).toBe(2);
    expect(fig.data[7]!.x!.length).toBe(3);
    expect(fig.data[8]!.x!.length).toBe(1);
    const cd = fig.data[5]!.customdata as unknown[][];
    expect(cd[0]!.slice(0, 3)).toEqual([4, 1, 5]);
    expect(fig.layout.title).toMatchObject({ text: 'Latent hypersphere, stage 1' });
  });
});
