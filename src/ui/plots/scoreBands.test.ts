import { describe, expect, it } from 'vitest';
import { GREYS, scaleColour, scoreBands, VIRIDIS } from './scoreBands';

describe('scaleColour', () => {
  it('interpolates in RGB between the stops', () => {
    // d4 = 212, 3a = 58: half way is 135 = 0x87
    expect(scaleColour(GREYS, 0.5)).toBe('#878787');
    expect(scaleColour(GREYS, 0)).toBe('#d4d4d4');
    expect(scaleColour(GREYS, 1)).toBe('#3a3a3a');
    expect(scaleColour(GREYS, -3)).toBe('#d4d4d4');
    expect(scaleColour(VIRIDIS, 1)).toBe('#fde725');
    // half way between the stops at 0.50196 (#21918c) and 0.56471 (#1fa088): 0x21 -> 0x1f is 33 -> 31, 32 = 0x20
    const mid = (0.5019607843137255 + 0.5647058823529412) / 2;
    expect(scaleColour(VIRIDIS, mid)).toBe('#20998a');
  });
});

describe('scoreBands', () => {
  it('splits the range into equal bands, the top value in the last', () => {
    const b = scoreBands([0, 1, 2, 3, 4, 2.5, Number.NaN], GREYS, 4);
    expect([b.lo, b.hi]).toEqual([0, 4]);
    // width 1: [0,1) [1,2) [2,3) [3,4]; NaN in the lowest
    expect(b.members).toEqual([[0, 6], [1], [2, 5], [3, 4]]);
    expect(b.colours).toEqual([0.125, 0.375, 0.625, 0.875].map((t) => scaleColour(GREYS, t)));
  });
  it('puts every point of a flat or empty set in one band', () => {
    expect(scoreBands([5, 5, 5], GREYS, 3).members).toEqual([[0, 1, 2], [], []]);
    const e = scoreBands([], GREYS, 2);
    expect([e.lo, e.hi, e.members]).toEqual([0, 0, [[], []]]);
  });
});
