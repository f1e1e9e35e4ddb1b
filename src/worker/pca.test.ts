import { describe, expect, it } from 'vitest';
import { pca2 } from './pca';

describe('pca2', () => {
  it('finds the shared direction of two equal columns and an uncorrelated third one', () => {
    // x = y = t, z = (1,-1,-1,1)/10 is uncorrelated with t: standardised covariance has eigenvalues 2, 1, 0
    const t = [1, 2, 3, 4];
    const z = [0.1, -0.1, -0.1, 0.1];
    const values = Float64Array.from(t.flatMap((v, i) => [v, v, z[i]!]));
    const { xy, explained } = pca2(values, 4, 3);
    const sd = Math.sqrt(1.25);
    t.forEach((v, i) => {
      expect(xy[2 * i]).toBeCloseTo((Math.SQRT2 * (v - 2.5)) / sd, 6);
      expect(xy[2 * i + 1]).toBeCloseTo(z[i]! * 10, 6);
    });
    expect(explained[0]).toBeCloseTo(2 / 3, 9);
    expect(explained[1]).toBeCloseTo(1 / 3, 9);
  });
});
