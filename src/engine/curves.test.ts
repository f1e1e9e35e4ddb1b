import { describe, expect, it } from 'vitest';
import { discovery, summarizeCurve } from './curves';
import { collapseStats } from './collapse';

describe('discovery curve', () => {
  it('counts the true anomalies among the labels spent and the precision at the budget', () => {
    expect(discovery([[3, 1], [5, 0], [9, 1], [2, 0]])).toEqual({ labels: 4, found: 2, precision: 0.5 });
    expect(discovery([])).toEqual({ labels: 0, found: 0, precision: null });
  });
});

describe('learning-curve summaries', () => {
  it('start, end, area (trapezoid over stages / rounds) and ramp-up', () => {
    const s = summarizeCurve([0.6, 0.7, 0.9]);
    expect(s.start).toBe(0.6);
    expect(s.end).toBe(0.9);
    // ((0.6 + 0.7) / 2 + (0.7 + 0.9) / 2) / 2 = (0.65 + 0.8) / 2 = 0.725
    expect(s.area).toBeCloseTo(0.725, 12);
    expect(s.rampUp).toBeCloseTo(0.1, 12);
  });
  it('a stage without a value leaves area (and ramp-up, at stage 1) undefined', () => {
    expect(summarizeCurve([0.5, null, 0.7])).toEqual({ start: 0.5, end: 0.7, area: null, rampUp: null });
    expect(summarizeCurve([0.8])).toEqual({ start: 0.8, end: 0.8, area: 0.8, rampUp: null });
  });
});

describe('collapse guard', () => {
  it('a healthy spread: 100 distinct scores, one point at c', () => {
    const s = collapseStats(Float64Array.from({ length: 100 }, (_, i) => i / 100), [3, 4]);
    expect(s.distinct).toBe(100);
    // population std of 0, 0.01, ..., 0.99 = sqrt((100^2 - 1) / 12) / 100
    expect(s.std).toBeCloseTo(Math.sqrt(9999 / 12) / 100, 12);
    expect(s.range).toBeCloseTo(0.99, 12);
    // near = 1e-3 * (1 + 5): only the score 0
    expect(s.nearC).toBe(0.01);
    expect(s.collapsed).toBe(false);
  });
  it('all scores equal, most points at c, or a spread of a millionth: collapsed', () => {
    expect(collapseStats(new Float64Array(100).fill(2), [0.01, 0])).toMatchObject({ distinct: 1, std: 0, range: 0, collapsed: true });
    const nearC = collapseStats([...new Array(95).fill(1e-8), 1, 2, 3, 4, 5], [0, 0]);
    expect(nearC.nearC).toBe(0.95);
    expect(nearC.distinct).toBe(6);
    expect(nearC.collapsed).toBe(true);
    const flat = collapseStats(Float64Array.from({ length: 100 }, (_, i) => 1 + i * 1e-9), [1, 0]);
    expect(flat.distinct).toBe(100);
    expect(flat.collapsed).toBe(true);
  });
  it('says which score is bad', () => {
    expect(() => collapseStats([1, NaN], [0])).toThrow(/row 1/);
  });
});
