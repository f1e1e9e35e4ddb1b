import { describe, expect, it } from 'vitest';
import { tinySnapshot } from '../../core/testing';
import { binCounts, histogramFigure, HISTOGRAM_BINS, HISTOGRAM_TOP } from './histogram';
import { pointTable } from './points';

describe('histogramFigure', () => {
  it('splits scores by label and marks R² and the ABS boundary', () => {
    const s = tinySnapshot();
    const fig = histogramFigure(s, pointTable(s), { truth: Uint8Array.of(0, 0, 1, 0, 1, 1), showTruth: true, hover: null });
    // bins of 9.0009 / 40 = 0.2250225 from 0: 0.25 -> 1, 1 -> 4, 4 -> 17, 8 -> 35, 9 -> 39; no bar where a bin is empty
    const bars = (meta: string) => {
      const t = fig.data.find((d) => d.meta === meta)!;
      return Object.fromEntries((t.y as Array<number | null>).flatMap((v, i) => (v === null ? [] : [[i, v]])));
    };
    expect(bars('unlabelled')).toEqual({ 1: 1, 17: 1, 35: 1, 39: 1 });
    expect(bars('normal')).toEqual({ 4: 1 });
    expect(bars('anomaly')).toEqual({ 4: 1 });
    expect(bars('truth-anomaly')).toEqual({ 4: 1, 35: 1, 39: 1 });
    expect(bars('truth-normal')).toEqual({ 1: 1, 4: 1, 17: 1 });
    const size = (9 * 1.0001) / HISTOGRAM_BINS;
    const un = fig.data[0]!;
    expect(un.width).toBeCloseTo(size, 12);
    expect((un.x as number[])[1]).toBeCloseTo(1.5 * size, 12);
    expect((un.customdata as number[][])[1]).toEqual([expect.closeTo(size, 12), expect.closeTo(2 * size, 12)]);
    expect(un.name).toBe('unlabelled (4)');
    const shapes = fig.layout.shapes as Array<{ x0: number }>;
    expect(shapes.map((sh) => sh.x0)).toEqual([2.25, 4]);
  });
  it('counts into 40 bins from 0, the maximum in the last, values below 0 in the first', () => {
    const bins = { start: 0, end: 4, size: 0.1 };
    const c = binCounts([0, 0.05, 0.1, 3.95, 4, -1], bins);
    expect(c).toHaveLength(HISTOGRAM_BINS);
    expect([c[0], c[1], c[39], c.reduce((a, b) => a + b, 0)]).toEqual([3, 1, 2, 6]);
  });
  it('hides the truth traces when not asked', () => {
    const s = tinySnapshot({ radius: 0, absBoundary: null });
    const fig = histogramFigure(s, pointTable(s), { truth: Uint8Array.of(0, 0, 1, 0, 1, 1), showTruth: false, hover: null });
    expect(fig.data[3]!.visible).toBe(false);
    expect(fig.layout.shapes).toEqual([]);
  });
  it('keeps the y axis title clear of the plot title: a short title and a taller top margin', () => {
    const s = tinySnapshot();
    const fig = histogramFigure(s, pointTable(s), { truth: null, showTruth: false, hover: null });
    expect((fig.layout.yaxis as { title: { text: string } }).title.text).toBe('samples (log)');
    expect((fig.layout.margin as { t: number; l: number }).t).toBe(HISTOGRAM_TOP);
    expect((fig.layout.margin as { t: number; l: number }).l).toBe(60);
  });
});
