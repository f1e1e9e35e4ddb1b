import { describe, expect, it } from 'vitest';
import { SYNTHETIC, hardRadius, makeSynthetic, moonDistance } from './synthetic';

const radius = (v: Float64Array, i: number): number => Math.hypot(v[2 * i]!, v[2 * i + 1]!);

describe('makeSynthetic', () => {
  it('lists the four generators', () => {
    expect([...SYNTHETIC]).toEqual(['blobs', 'ring', 'moons', 'hard']);
  });

  it.each(SYNTHETIC)('%s: shape, counts, anomaly ratio and metadata', (name) => {
    const d = makeSynthetic(name, 7);
    expect(d.n).toBe(500);
    expect(d.d).toBe(2);
    expect(d.values.length).toBe(1000);
    expect(d.featureNames).toEqual(['x1', 'x2']);
    expect(d.kind).toEqual({ type: 'tabular' });
    expect(d.name).toBe(name);
    const anomalies = d.labels!.reduce((s, l) => s + l, 0);
    // 500 x 0.06 = 30, 500 x 0.08 = 40
    expect(anomalies).toBe(name === 'blobs' || name === 'moons' ? 30 : 40);
    expect(anomalies / d.n).toBeGreaterThanOrEqual(0.05);
    expect(anomalies / d.n).toBeLessThanOrEqual(0.1);
    expect(d.labels!.every((l) => l === 0 || l === 1)).toBe(true);
    // Anomalies are shuffled in, not stacked at the end.
    expect(d.labels!.slice(0, 250).reduce((s, l) => s + l, 0)).toBeGreaterThan(0);
  });

  it.each(SYNTHETIC)('%s: deterministic per seed, different across seeds', (name) => {
    const a = makeSynthetic(name, 42);
    const b = makeSynthetic(name, 42);
    const c = makeSynthetic(name, 43);
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.labels!)).toEqual(Array.from(b.labels!));
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
  });

  it('honours n and rounds anomalies to the nearest count', () => {
    const d = makeSynthetic('ring', 3, 450);
    expect(d.n).toBe(450);
    expect(d.labels!.reduce((s, l) => s + l, 0)).toBe(36); // 450 x 0.08
  });

  it('values are finite, rounded to 1e-6 and inside the documented boxes', () => {
    const boxes = { blobs: 6, ring: 4, moons: 3, hard: 4 } as const;
    for (const name of SYNTHETIC) {
      const d = makeSynthetic(name, 11);
      for (const v of d.values) {
        expect(Number.isFinite(v)).toBe(true);
        expect(Math.abs(v)).toBeLessThanOrEqual(boxes[name]);
        expect(Math.abs(Math.round(v * 1e6) - v * 1e6)).toBeLessThan(1e-6);
      }
    }
  });

  it('ring: normals lie on the ring (radius 1.55 to 2.45), anomalies inside r < 0.95 or outside r > 3', () => {
    const d = makeSynthetic('ring', 5);
    let inside = 0;
    let outside = 0;
    for (let i = 0; i < d.n; i++) {
      const r = radius(d.values, i);
      if (d.labels![i] === 0) {
        // 2 +- 0.15 x 3, plus 1e-6 rounding slack per coordinate
        expect(r).toBeGreaterThanOrEqual(1.55 - 2e-6);
        expect(r).toBeLessThanOrEqual(2.45 + 2e-6);
      } else {
        expect(r < 0.95 + 2e-6 || (r >= 3 - 2e-6 && r <= 4 + 2e-6)).toBe(true);
        if (r < 1) inside++;
        else outside++;
      }
    }
    expect(inside).toBeGreaterThan(5);
    expect(outside).toBeGreaterThan(5);
  });

  it('blobs: anomalies are at least 1.6 from every blob centre', () => {
    const d = makeSynthetic('blobs', 9);
    for (let i = 0; i < d.n; i++) {
      if (d.labels![i] !== 1) continue;
      const p = [d.values[2 * i]!, d.values[2 * i + 1]!];
      for (const c of [[-2, -2], [2, 2], [2, -2]]) expect(Math.hypot(p[0]! - c[0]!, p[1]! - c[1]!)).toBeGreaterThan(1.6 - 2e-6);
    }
  });

  it('moons: hand-checked arc distances, and anomalies at least 0.4 from both arcs', () => {
    expect(moonDistance([0, 1])).toBeCloseTo(0, 12); // top of the first arc
    expect(moonDistance([1, -0.5])).toBeCloseTo(0, 12); // bottom of the second arc
    expect(moonDistance([0, 0])).toBeCloseTo(Math.sqrt(1.25) - 1, 12); // 1 from the first arc, |hypot(1, 0.5) - 1| from the second
    expect(moonDistance([0.5, 2])).toBeCloseTo(Math.hypot(0.5, 2) - 1, 12);
    const d = makeSynthetic('moons', 2);
    for (let i = 0; i < d.n; i++) {
      if (d.labels![i] === 1) expect(moonDistance([d.values[2 * i]!, d.values[2 * i + 1]!])).toBeGreaterThan(0.4 - 2e-6);
    }
  });

  it('hard: anomalies sit at Mahalanobis radius 2.5 to 3.2', () => {
    expect(hardRadius([Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)])).toBeCloseTo(1, 12); // one sd along the major axis
    expect(hardRadius([-0.5 * Math.sin(Math.PI / 6), 0.5 * Math.cos(Math.PI / 6)])).toBeCloseTo(1, 12); // one sd along the minor axis
    const d = makeSynthetic('hard', 4);
    for (let i = 0; i < d.n; i++) {
      if (d.labels![i] !== 1) continue;
      const r = hardRadius([d.values[2 * i]!, d.values[2 * i + 1]!]);
      expect(r).toBeGreaterThan(2.5 - 1e-5);
      expect(r).toBeLessThan(3.2 + 1e-5);
    }
  });

  it('rejects unknown names, bad sizes and bad seeds with a clear message', () => {
    expect(() => makeSynthetic('spiral', 1)).toThrow('Unknown synthetic dataset "spiral": choose one of blobs, ring, moons, hard.');
    expect(() => makeSynthetic('ring', 1, 5)).toThrow('integer from 20 to 1000000, got 5');
    expect(() => makeSynthetic('ring', 1, 100.5)).toThrow('got 100.5');
    expect(() => makeSynthetic('ring', Number.NaN)).toThrow('seed must be an integer, got NaN');
    expect(() => makeSynthetic('ring', 1.5)).toThrow('seed must be an integer, got 1.5');
  });
});
