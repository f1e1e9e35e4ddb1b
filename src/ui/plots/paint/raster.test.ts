import { describe, expect, it } from 'vitest';
import { disc, frameImage, pointsInArea, raster, rgbaOf, ring, type RasterFrame } from './raster';

const pairs = (s: Int8Array) => Array.from({ length: s.length / 2 }, (_, k) => [s[2 * k], s[2 * k + 1]]);

describe('stamps', () => {
  it('makes a single pixel, a 3 x 3 square and a ring', () => {
    expect(pairs(disc(0))).toEqual([[0, 0]]);
    expect(pairs(disc(1)).length).toBe(9);
    // radius 2: |d|^2 <= 6 keeps 21 of the 5 x 5 (the four corners, at 8, are out)
    expect(pairs(disc(2)).length).toBe(21);
    // ring of radius 2, width 1: squared distances in [2.25, 6.25]: (±2,0) (0,±2) (±1,±2) (±2,±1) = 12; (±1,±1) at 2 and (±2,±2) at 8 are out
    const r = pairs(ring(2, 1));
    expect(r.length).toBe(12);
    expect(r).not.toContainEqual([0, 0]);
    expect(r).toContainEqual([2, 1]);
  });
});

describe('raster', () => {
  // 4 x 2 pixels over x in [0, 4), y in [0, 2): pixel (c, r) covers x in [c, c+1), y in (1-r, 2-r]
  const f: RasterFrame = { x0: 0, x1: 4, y0: 0, y1: 2, width: 4, height: 2 };
  const red = rgbaOf('#ff0000');
  const blue = rgbaOf('#0000ff', 0.5);
  it('puts a point in the pixel under it, the top row holding the largest y', () => {
    const px = raster([0.5, 3.5, 9], [1.5, 0.5, 1], f, [red], [{ idx: [0, 1, 2], stamp: disc(0), level: () => 0 }]);
    const at = (c: number, r: number) => Array.from(px.rgba.slice(4 * (r * 4 + c), 4 * (r * 4 + c) + 4));
    expect(at(0, 0)).toEqual([255, 0, 0, 255]);
    expect(at(3, 1)).toEqual([255, 0, 0, 255]);
    // every other pixel transparent; point 2 (x = 9) is outside the frame
    expect(px.rgba.filter((_, k) => k % 4 === 3 && px.rgba[k]! > 0).length).toBe(2);
  });
  it('keeps the higher level where stamps overlap, whatever the order', () => {
    // point 0 at pixel (1, 0) with a 3 x 3 stamp at level 0; point 1 at pixel (2, 0), level 1, single pixel
    for (const order of [[0, 1], [1, 0]]) {
      const layers = order.map((i) => ({ idx: [i], stamp: i === 0 ? disc(1) : disc(0), level: (j: number) => j }));
      const px = raster([1.5, 2.5], [1.5, 1.5], f, [red, blue], layers);
      expect(Array.from(px.rgba.slice(4 * 2, 4 * 3))).toEqual([0, 0, 255, 128]);
      expect(Array.from(px.rgba.slice(4 * 1, 4 * 2))).toEqual([255, 0, 0, 255]);
      // the stamp is clipped at the frame: columns 0-2 of both rows, less the blue pixel, are red
      expect(Array.from({ length: 8 }, (_, k) => px.rgba[4 * k])).toEqual([255, 255, 0, 0, 255, 255, 255, 0]);
    }
  });
  it('lays the image over the frame in data coordinates', () => {
    expect(frameImage('data:x', f)).toMatchObject({ x: 0, y: 2, sizex: 4, sizey: 2, xref: 'x', yref: 'y', sizing: 'stretch', xanchor: 'left', yanchor: 'top' });
  });
});

describe('pointsInArea', () => {
  const x = [0, 1, 2, 3, 1];
  const y = [0, 1, 2, 3, 3];
  const all = [0, 1, 2, 3, 4];
  it('selects within a box, its corners in either order', () => {
    expect(pointsInArea(x, y, all, { x: [2.5, 0.5], y: [0.5, 3] })).toEqual([1, 2, 4]);
    expect(pointsInArea(x, y, [0, 2], { x: [-1, 5], y: [-1, 5] })).toEqual([0, 2]);
    expect(pointsInArea(x, y, all, {})).toEqual([]);
  });
  it('selects within a lasso by the even-odd rule', () => {
    // a square from 0.5 to 2.5 holds (1, 1) and (2, 2)
    expect(pointsInArea(x, y, all, { lasso: { x: [0.5, 2.5, 2.5, 0.5], y: [0.5, 0.5, 2.5, 2.5] } })).toEqual([1, 2]);
    // an L: the square -0.5..4 less its corner x < 1.5, y > 1.5, so (1, 3) is out and (2, 2), (3, 3) are in
    expect(pointsInArea(x, y, all, { lasso: { x: [-0.5, 4, 4, 1.5, 1.5, -0.5], y: [-0.5, -0.5, 4, 4, 1.5, 1.5] } })).toEqual([0, 1, 2, 3]);
  });
});
