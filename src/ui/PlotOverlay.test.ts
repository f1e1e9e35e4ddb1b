import { describe, expect, it } from 'vitest';
import { capSquares, markPosition, MAX_SQUARES, MIN_SQUARES, spreadSquares, squaresFor } from './PlotOverlay';
import type { OverlayMark } from './plots/pointTraces';

describe('markPosition', () => {
  // a linear axis: 100 px offset, 200 px long, data 0..10
  const xa = { _offset: 100, _length: 200, l2p: (v: number) => v * 20 };
  const ya = { _offset: 50, _length: 200, l2p: (v: number) => 200 - v * 20 };
  it('maps data to pixels inside the plot div and drops marks outside the axes', () => {
    expect(markPosition(xa, ya, 5, 5)).toEqual({ left: 200, top: 150 });
    expect(markPosition(xa, ya, 0, 10)).toEqual({ left: 100, top: 50 });
    expect(markPosition(xa, ya, 11, 5)).toBeNull();
  });
});

describe('spreadSquares', () => {
  it('keeps squares that do not touch and moves a covering one to the first free spot above', () => {
    const out = spreadSquares([{ left: 100, top: 100 }, { left: 200, top: 100 }, { left: 105, top: 100 }], 30);
    expect(out[0]).toEqual({ left: 100, top: 100 });
    expect(out[1]).toEqual({ left: 200, top: 100 });
    // ring 1, angle -90 degrees: straight up by one size
    expect(out[2]!.left).toBeCloseTo(105, 9);
    expect(out[2]!.top).toBeCloseTo(70, 9);
  });
  it('moves a third square on one spot to the right once up and up-right are covered', () => {
    const out = spreadSquares([{ left: 100, top: 100 }, { left: 100, top: 100 }, { left: 100, top: 100 }], 30);
    expect(out[1]!.left).toBeCloseTo(100, 9);
    expect(out[1]!.top).toBeCloseTo(70, 9);
    // ring 1 at -45 degrees (121.2, 78.8) touches both; at 0 degrees (130, 100) is exactly one size from each
    expect(out[2]!.left).toBeCloseTo(130, 9);
    expect(out[2]!.top).toBeCloseTo(100, 9);
  });
  it('leaves a square with no free spot in 6 rings on its point; the placed ones never overlap', () => {
    const out = spreadSquares(Array.from({ length: 300 }, () => ({ left: 0, top: 0 })), 10);
    const moved = out.filter((p) => p.left !== 0 || p.top !== 0);
    // every moved square is on a ring of radius 10..60 and at least one size (10) from every other and from the point
    for (const p of moved) expect(Math.hypot(p.left, p.top)).toBeLessThanOrEqual(60 + 1e-9);
    for (let i = 0; i < moved.length; i++) {
      expect(Math.max(Math.abs(moved[i]!.left), Math.abs(moved[i]!.top))).toBeGreaterThanOrEqual(10 - 1e-9);
      for (let j = 0; j < i; j++) expect(Math.max(Math.abs(moved[i]!.left - moved[j]!.left), Math.abs(moved[i]!.top - moved[j]!.top))).toBeGreaterThanOrEqual(10 - 1e-9);
    }
    // the spots run out: the last square stays on its point
    expect(moved.length).toBeLessThan(299);
    expect(out[299]).toEqual({ left: 0, top: 0 });
  });
  it('sees a covering square in the next grid cell', () => {
    // 59 and 61 fall in cells 1 and 2 of side 30, 2 px apart: the second moves up by one size
    const out = spreadSquares([{ left: 59, top: 10 }, { left: 61, top: 10 }], 30);
    expect(out[1]!.left).toBeCloseTo(61, 9);
    expect(out[1]!.top).toBeCloseTo(-20, 9);
  });
});

describe('capSquares', () => {
  const mark = (kind: OverlayMark['kind'], index: number): OverlayMark => ({ kind, index, x: 0, y: 0, label: '', fill: '', title: '' });
  it('keeps every ring and hover mark and the first queued squares in order', () => {
    const marks = [mark('ring', 9), mark('queued', 1), mark('queued', 2), mark('queued', 3), mark('hover', 4), mark('queued', 5)];
    const c = capSquares(marks, 2);
    expect(c.marks.map((m) => `${m.kind}${m.index}`)).toEqual(['ring9', 'queued1', 'queued2', 'hover4']);
    expect(c.hidden).toBe(2);
    // at or under the cap: the same array, nothing hidden
    expect(capSquares(marks, 4)).toEqual({ marks, hidden: 0 });
    expect(capSquares(marks, 4).marks).toBe(marks);
  });
});

describe('squaresFor', () => {
  it('numbers one square per six squares of plot area, within its bounds', () => {
    // 330 x 330 px at 28 px squares: 108900 / (6 x 784) = 23.1
    expect(squaresFor(330, 330, 28)).toBe(23);
    expect(squaresFor(2400, 2400, 28)).toBe(MAX_SQUARES);
    // presenter mode's 42 px squares on the same plot: 10 fit, the floor keeps 20
    expect(squaresFor(330, 330, 42)).toBe(MIN_SQUARES);
    expect(squaresFor(0, 0, 28)).toBe(MIN_SQUARES);
  });
});
