import { describe, expect, it } from 'vitest';
import { nearestIndex } from './nearest';

describe('nearestIndex', () => {
  // a 3 x 3 lattice at 0, 1, 2 (index = 3 row + column) and point 9 at (1.2, 1.1)
  const x = [0, 1, 2, 0, 1, 2, 0, 1, 2, 1.2];
  const y = [0, 0, 0, 1, 1, 1, 2, 2, 2, 1.1];
  const all = Array.from({ length: 10 }, (_, i) => i);
  it('finds the nearest point within the radii, across grid cells', () => {
    const n = nearestIndex(x, y, all, 4);
    expect(n.find(1.15, 1.05, 0.3, 0.3)).toBe(9);
    expect(n.find(0.95, 0.98, 0.3, 0.3)).toBe(4);
    expect(n.find(2.1, -0.1, 0.3, 0.3)).toBe(2);
    // nothing within 0.3 of (0.5, 0.5): the lattice points are 0.71 away
    expect(n.find(0.5, 0.5, 0.3, 0.3)).toBeNull();
    // the radii are an ellipse: 0.4 wide reaches (0, 0) from (0.35, 0), 0.1 tall does not reach (0, 1) from (0, 0.8)
    expect(n.find(0.35, 0, 0.4, 0.1)).toBe(0);
    expect(n.find(0, 0.8, 0.4, 0.1)).toBeNull();
  });
  it('searches only the indices it was given', () => {
    const n = nearestIndex(x, y, [0, 8], 4);
    expect(n.find(1.15, 1.05, 2, 2)).toBe(8);
    expect(nearestIndex(x, y, []).find(1, 1, 5, 5)).toBeNull();
  });
});
