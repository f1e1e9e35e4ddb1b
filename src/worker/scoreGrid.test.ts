import { describe, expect, it } from 'vitest';
import { gridPoints, scoreGrid } from './scoreGrid';

describe('score grid', () => {
  it('spans the data plus 8% each side, row-major with y outer', () => {
    // x in [0, 10] (margin 0.8), y in [0, 5] (margin 0.4)
    const g = gridPoints({ n: 2, values: Float64Array.from([0, 0, 10, 5]) }, 3);
    expect(Array.from(g.x)).toEqual([-0.8, 5, 10.8].map(Math.fround));
    expect(Array.from(g.y)).toEqual([-0.4, 2.5, 5.4].map(Math.fround));
    expect(g.points).toHaveLength(18);
    expect(Array.from(g.points.subarray(0, 6))).toEqual([g.x[0], g.y[0], g.x[1], g.y[0], g.x[2], g.y[0]]);
    expect(Array.from(g.points.subarray(6, 8))).toEqual([g.x[0], g.y[1]]);
  });

  it('a constant column gets a margin of 1; data that is not 2-D has no grid', async () => {
    const g = gridPoints({ n: 2, values: Float64Array.from([3, 1, 3, 2]) }, 2);
    expect(Array.from(g.x)).toEqual([2, 4]);
    const wide = { name: 'w', n: 1, d: 3, values: new Float64Array(3), labels: null, featureNames: ['a', 'b', 'c'] };
    expect(await scoreGrid(wide, async () => new Float32Array(0))).toBeNull();
    const flat = { ...wide, d: 2, values: Float64Array.from([0, 0]) };
    const grid = await scoreGrid(flat, async (p) => Float32Array.from({ length: p.length / 2 }, (_, i) => i));
    expect(grid!.z).toHaveLength(64 * 64);
    expect(grid!.z[4095]).toBe(4095);
  });
});
