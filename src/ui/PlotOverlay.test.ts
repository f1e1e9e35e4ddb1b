import { describe, expect, it } from 'vitest';
import { markPosition, spreadSquares } from './PlotOverlay';

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
});
