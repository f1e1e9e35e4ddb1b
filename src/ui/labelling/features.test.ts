import { describe, expect, it } from 'vitest';
import { columnStats, columnStatsSteps, featureRows, imagePixels, percentile, PERCENTILE_SAMPLE } from './features';
import { DEFAULT_KEYS, keyAction, rebind } from './keys';

// 4 rows x 2 columns: a = 1,2,3,10 (mean 4, std sqrt(12.5)); b constant 5
const values = [1, 5, 2, 5, 3, 5, 10, 5];

describe('feature rows', () => {
  it('computes z-scores and percentiles, most unusual first', () => {
    const st = columnStats(values, 4, 2);
    expect(st.mean[0]).toBe(4);
    expect(st.std[0]).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(st.std[1]).toBe(0);
    const rows = featureRows(values, 2, 3, st, ['a', 'b']);
    expect(rows.map((r) => r.name)).toEqual(['a', 'b']);
    expect(rows[0]!.z).toBeCloseTo(6 / Math.sqrt(12.5), 12);
    expect(rows[0]!.percentile).toBe(87.5); // 3 below, itself counted half: (3 + 0.5) / 4
    expect(rows[1]!).toMatchObject({ z: 0, percentile: 50 });
    expect(percentile(Float64Array.from([1, 2, 2, 3]), 2)).toBe(50);
  });
  it('gives the same statistics in steps of 3 rows, yielding between steps (2 sum steps and 2 deviation steps: 3 yields)', () => {
    const steps = columnStatsSteps(values, 4, 2, 3);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBe(3);
    expect(Array.from(r.value.mean)).toEqual([4, 5]);
    expect(r.value.std[0]).toBeCloseTo(Math.sqrt(12.5), 12);
    expect([r.value.std[1], r.value.min, r.value.max]).toEqual([0, 1, 10]);
    expect(Array.from(r.value.sorted[0]!)).toEqual([1, 2, 3, 10]);
  });
  it('draws an image at its native shape, ink dark', () => {
    const px = imagePixels([0, 16, 8, 0], 4, 0, [2, 2], { min: 0, max: 16 });
    expect(Array.from(px.filter((_, k) => k % 4 === 0))).toEqual([255, 0, 127, 255]);
    expect(() => imagePixels([0, 1, 2], 3, 0, [2, 2], { min: 0, max: 1 })).toThrow('needs 4 features');
  });
});

describe('keys', () => {
  it('maps single keys, either case, and rebinds', () => {
    expect(keyAction('N')).toBe('normal');
    expect(keyAction('Backspace')).toBe('undo');
    expect(keyAction('x')).toBeNull();
    const b = rebind(DEFAULT_KEYS, 'anomaly', 'n');
    expect(keyAction('n', b)).toBe('anomaly');
    expect(b.normal).toEqual([]);
    expect(() => rebind(DEFAULT_KEYS, 'skip', 'Shift')).toThrow("'Shift' cannot be bound");
  });
});

describe('column statistics on big data', () => {
  it('uses an even sample for percentiles but every row for mean and std', () => {
    const n = 10_000;
    const st = columnStats(Float64Array.from({ length: n }, (_, i) => i), n, 1);
    expect(st.sorted[0]).toHaveLength(PERCENTILE_SAMPLE);
    expect(st.mean[0]).toBe(4999.5);
    expect(percentile(st.sorted[0]!, 5000)).toBeCloseTo(50, 1);
    expect(percentile(st.sorted[0]!, 9999)).toBeCloseTo(99.99, 1);
  });
});
