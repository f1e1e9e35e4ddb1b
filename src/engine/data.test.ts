import { describe, expect, it } from 'vitest';
import type { RawData } from '../core/types';
import { Rng } from '../core/rng';
import { dropConstantColumns, inPoolOrder, pollute, scalePool, semiTargets } from './data';

function raw(rows: number[][], labels: number[] | null, names?: string[]): RawData {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  return {
    name: 'fixture',
    n,
    d,
    values: Float64Array.from(rows.flat()),
    labels: labels === null ? null : Uint8Array.from(labels),
    featureNames: names ?? Array.from({ length: d }, (_, j) => `f${j}`),
  };
}

describe('scalePool', () => {
  it('standardises then min-max scales each column; a constant column becomes 0', () => {
    // column 0: mean 7/3; after z-scoring and min-max, u = (x - 1) / 3 -> 0, 1/3, 1
    const out = scalePool(raw([[1, 5], [2, 5], [4, 5]], null));
    expect(out).toBeInstanceOf(Float32Array);
    expect(out[0]).toBe(0);
    expect(out[2]).toBeCloseTo(1 / 3, 6);
    expect(out[4]).toBe(1);
    expect([out[1], out[3], out[5]]).toEqual([0, 0, 0]);
  });

  it('is invariant to a column affine transform (min-max undoes the z-score)', () => {
    const a = scalePool(raw([[0], [10], [30], [40]], null));
    expect(Array.from(a)).toEqual([0, 0.25, 0.75, 1]);
  });

  it('rejects non-finite values, empty tables and a wrong shape', () => {
    expect(() => scalePool(raw([[1, NaN], [2, 3]], null))).toThrow(/row 0, column 1 is not a finite number/);
    expect(() => scalePool({ ...raw([[1]], null), n: 0, values: new Float64Array(0) })).toThrow(/empty table/);
    expect(() => scalePool({ ...raw([[1, 2]], null), d: 3 })).toThrow(/2 values, expected n x d = 1 x 3 = 3/);
  });
});

describe('pollute', () => {
  // 10 normals and 5 anomalies, interleaved; row value = original row index
  const labels = [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0];
  const data = raw(labels.map((_, i) => [i]), labels);
  const normals = [0, 2, 3, 5, 6, 8, 9, 11, 12, 14];
  const anomalies = [1, 4, 7, 10, 13];

  it('full data: normals then anomalies, in original order', () => {
    for (const r of [null, 1, 1 / 3, 0.5]) {
      const { data: d, order } = pollute(data, r, new Rng(1), 'reference');
      expect(Array.from(order)).toEqual([...normals, ...anomalies]);
      expect(Array.from(d.values)).toEqual([...normals, ...anomalies]);
      expect(Array.from(d.labels!)).toEqual([...normals.map(() => 0), ...anomalies.map(() => 1)]);
      expect(d.n).toBe(15);
    }
  });

  it('subsamples floor(n_normal r / (1 - r)) anomalies: 10 normals, r = 0.2 -> 2', () => {
    const ref = pollute(data, 0.2, new Rng(5), 'reference');
    expect(ref.data.n).toBe(12);
    expect(Array.from(ref.order.slice(0, 10))).toEqual(normals);
    // reference: np.random.choice(anomaly_idx, n_out) with replacement, in draw order
    expect(Array.from(ref.order.slice(10))).toEqual(new Rng(5).choice(anomalies, 2, true));
    expect(Array.from(ref.data.labels!.slice(10))).toEqual([1, 1]);

    const imp = pollute(data, 0.2, new Rng(5), 'improved');
    const drawn = Array.from(imp.order.slice(10));
    expect(drawn).toEqual(new Rng(5).choice(anomalies, 2, false).sort((a, b) => a - b));
    expect(new Set(drawn).size).toBe(2);
    expect(Array.from(imp.data.values.slice(10))).toEqual(drawn);
  });

  it('without labels and ratio null keeps the identity order', () => {
    const { data: d, order } = pollute(raw([[5], [6], [7]], null), null, new Rng(1), 'improved');
    expect(Array.from(order)).toEqual([0, 1, 2]);
    expect(Array.from(d.values)).toEqual([5, 6, 7]);
    expect(d.labels).toBeNull();
  });

  it('rejects bad ratios, missing labels and an empty subsample', () => {
    expect(() => pollute(data, 0, new Rng(1), 'reference')).toThrow(/ratio must be in \(0, 1\]/);
    expect(() => pollute(data, 1.5, new Rng(1), 'reference')).toThrow(/ratio must be in \(0, 1\]/);
    expect(() => pollute(raw([[1]], null), 0.1, new Rng(1), 'reference')).toThrow(/needs labelled data/);
    // 10 * 0.05 / 0.95 = 0.53 -> 0 anomalies
    expect(() => pollute(data, 0.05, new Rng(1), 'reference')).toThrow(/keeps no anomaly/);
    expect(() => pollute(raw([[1], [2]], [0, 2]), null, new Rng(1), 'reference')).toThrow(/label of row 1 is 2/);
  });
});

describe('semiTargets', () => {
  it('encodes 0 / +1 / -1 and lets pseudo-abnormals (-2) override', () => {
    const s = semiTargets(
      Uint8Array.from([1, 1, 0, 0, 1]),
      Uint8Array.from([0, 1, 0, 1, 1]),
      Uint8Array.from([0, 0, 1, 0, 1]),
    );
    expect(Array.from(s)).toEqual([1, -1, -2, 0, -2]);
  });

  it('rejects mismatched lengths', () => {
    expect(() => semiTargets(new Uint8Array(2), new Uint8Array(3), new Uint8Array(2))).toThrow(/lengths differ/);
  });
});

describe('dropConstantColumns', () => {
  it('drops columns whose values are all equal and keeps the rest in order', () => {
    const r = raw([[1, 7, 3], [2, 7, 3], [4, 7, 5]], [0, 0, 1], ['a', 'b', 'c']);
    const { data: d, dropped } = dropConstantColumns(r);
    expect(dropped).toEqual(['b']);
    expect(d.d).toBe(2);
    expect(d.featureNames).toEqual(['a', 'c']);
    expect(Array.from(d.values)).toEqual([1, 3, 2, 3, 4, 5]);
    expect(d.labels).toBe(r.labels);
  });

  it('returns the data unchanged when nothing is constant, and refuses to drop every column', () => {
    const r = raw([[1, 2], [3, 4]], null);
    expect(dropConstantColumns(r).dropped).toEqual([]);
    expect(dropConstantColumns(r).data.values).toBe(r.values);
    expect(() => dropConstantColumns(raw([[1, 2], [1, 2]], null))).toThrow(/all 2 columns are constant/);
  });
});

describe('inPoolOrder', () => {
  it('picks file rows into pool order, keeping the array type; a row may repeat (reference-mode draws)', () => {
    const xy = inPoolOrder(Float32Array.of(10, 11, 20, 21, 30, 31), [2, 0], 2);
    expect(xy).toBeInstanceOf(Float32Array);
    expect(Array.from(xy)).toEqual([30, 31, 10, 11]);
    const truth = inPoolOrder(Uint8Array.of(1, 0, 1), Int32Array.of(2, 2, 1));
    expect(truth).toBeInstanceOf(Uint8Array);
    expect(Array.from(truth)).toEqual([1, 1, 0]);
  });
});
