import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
  it('matches the xoshiro128** reference outputs for state [1, 2, 3, 4]', () => {
    const r = Rng.fromState(1, 2, 3, 4);
    const out = Array.from({ length: 6 }, () => r.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('seeds through splitmix32 (values cross-checked with a Python port)', () => {
    const r = new Rng(1);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([
      393288148, 2174103013, 3814759091, 2092745082,
    ]);
  });

  it('builds next() from 27 + 26 bits of two draws', () => {
    // first draws 11520 and 0: (11520 >>> 5) * 2^26 / 2^53 = 360 / 2^27
    expect(Rng.fromState(1, 2, 3, 4).next()).toBe(360 / 2 ** 27);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    expect(new Rng(2 ** 32 + 5).next()).not.toBe(new Rng(5).next());
  });

  it('keeps next, int and uniform in range', () => {
    const r = new Rng(7);
    for (let i = 0; i < 2000; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = r.int(5);
      expect(Number.isInteger(k) && k >= 0 && k < 5).toBe(true);
      const v = r.uniform(-2, 3);
      expect(v >= -2 && v < 3).toBe(true);
    }
  });

  it('draws standard normals (moments over 20000 draws)', () => {
    const r = new Rng(3);
    const n = 20000;
    let s = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      ss += z * z;
    }
    const mean = s / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(ss / n - mean * mean - 1)).toBeLessThan(0.05);
  });

  it('permutation is a permutation and shuffleInPlace keeps the elements', () => {
    const p = new Rng(9).permutation(100);
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(p)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
    const a = ['a', 'b', 'c', 'd', 'e'];
    new Rng(1).shuffleInPlace(a);
    expect([...a].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(new Rng(1).permutation(0).length).toBe(0);
  });

  it('choice without replacement gives k distinct members; with replacement may exceed the length', () => {
    const from = [10, 20, 30, 40, 50, 60];
    const r = new Rng(11);
    for (let t = 0; t < 50; t++) {
      const c = r.choice(from, 4, false);
      expect(c).toHaveLength(4);
      expect(new Set(c).size).toBe(4);
      for (const v of c) expect(from).toContain(v);
    }
    expect(new Set(r.choice(from, 6, false)).size).toBe(6);
    const w = r.choice(from, 20, true);
    expect(w).toHaveLength(20);
    for (const v of w) expect(from).toContain(v);
    expect(r.choice(from, 0, false)).toEqual([]);
  });

  it('rejects bad input with clear messages', () => {
    expect(() => new Rng(1.5)).toThrow(/seed must be a safe integer/);
    expect(() => new Rng(1).int(0)).toThrow(/positive integer/);
    expect(() => new Rng(1).choice([1, 2], 3, false)).toThrow(/3 distinct values from 2/);
    expect(() => new Rng(1).choice([], 1, true)).toThrow(/empty array/);
    expect(() => new Rng(1).uniform(2, 1)).toThrow(/lo <= hi/);
  });
});
