import { describe, expect, it } from 'vitest';
import { tinySnapshot } from '../../core/testing';
import { histogramFigure, HISTOGRAM_BINS, HISTOGRAM_TOP } from './histogram';
import { pointTable } from './points';

describe('histogramFigure', () => {
  it('splits scores by label and marks R² and the ABS boundary', () => {
    const s = tinySnapshot();
    const fig = histogramFigure(s, pointTable(s), { truth: Uint8Array.of(0, 0, 1, 0, 1, 1), showTruth: true, hover: null });
    const by = Object.fromEntries(fig.data.map((t) => [t.meta, Array.from(t.x as number[])]));
    expect(by.unlabelled).toEqual([4, 9, 0.25, 8]);
    expect(by.normal).toEqual([1]);
    expect(by.anomaly).toEqual([1]);
    expect(by['truth-anomaly']).toEqual([9, 1, 8]);
    expect(by['truth-normal']).toEqual([1, 4, 0.25]);
    const bins = fig.data[0]!.xbins as { size: number; end: number };
    expect(bins.size).toBeCloseTo((9 * 1.0001) / HISTOGRAM_BINS, 12);
    const shapes = fig.layout.shapes as Array<{ x0: number }>;
    expect(shapes.map((sh) => sh.x0)).toEqual([2.25, 4]);
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
