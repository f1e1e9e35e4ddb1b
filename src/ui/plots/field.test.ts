import { describe, expect, it } from 'vitest';
import { fieldPixels, levelSegments, viridis } from './field';

describe('viridis', () => {
  it('runs from dark purple to yellow', () => {
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
    expect(viridis(0.5)).toEqual([33, 144, 141]);
  });
});

describe('fieldPixels', () => {
  it('maps log10 scores to colours with the top row first', () => {
    // 2 x 2 grid, row 0 is y = 0 (bottom): scores 1, 10 / 100, 1000 -> log 0..3
    const px = fieldPixels({ x: Float32Array.of(0, 1), y: Float32Array.of(0, 1), z: Float32Array.of(1, 10, 100, 1000) });
    expect(px.min).toBeCloseTo(0, 6);
    expect(px.max).toBeCloseTo(3, 6);
    // image row 0 = grid row 1 (y = 1): first pixel is log 2 -> t = 2/3
    expect(Array.from(px.rgba.slice(0, 3))).toEqual(viridis(2 / 3));
    expect(Array.from(px.rgba.slice(12, 15))).toEqual(viridis(1 / 3));
  });
});

describe('levelSegments', () => {
  it('draws the level line of a plane crossing a 2 x 2 grid', () => {
    // f = x on the unit square: level 0.25 is the vertical line x = 0.25
    const seg = levelSegments([0, 1], [0, 1], [0, 1, 0, 1], 0.25);
    expect(seg.x).toEqual([0.25, 0.25, null]);
    expect(seg.y).toEqual([0, 1, null]);
  });
  it('draws nothing when the level is outside the field', () => {
    expect(levelSegments([0, 1], [0, 1], [0, 1, 0, 1], 5).x).toEqual([]);
  });
});
