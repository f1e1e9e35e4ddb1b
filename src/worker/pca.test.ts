import { describe, expect, it } from 'vitest';
import { pca2 } from './pca';

describe('pca2', () => {
  it('finds the line the points lie on and its share of variance', () => {
    // 3-D points on the line t*(1,1,0) plus a small wobble along z: standardised, PC1 = (1,1,0)/sqrt2
    const rows = [
      [-2, -2, 0.1], [-1, -1, -0.1], [0, 0, 0.1], [1, 1, -0.1], [2, 2, 0.1], [3, 3, -0.1],
    ];
    const values = Float64Array.from(rows.flat());
    const { xy, explained } = pca2(values, 6, 3);
    // standardised x = y = (t - 0.5)/sd(t); sd(t) = sqrt(35/12); PC1 score = sqrt2 * (t - 0.5)/sd
    const sd = Math.sqrt(35 / 12);
    rows.forEach((r, i) => expect(xy[2 * i]).toBeCloseTo((Math.SQRT2 * (r[0]! - 0.5)) / sd, 4));
    // total variance 3 (three standardised columns), PC1 carries 2 of it (up to the tiny x-z correlation)
    expect(explained[0]).toBeCloseTo(2 / 3, 2);
    expect(explained[0] + explained[1]).toBeLessThanOrEqual(1 + 1e-9);
  });
});
