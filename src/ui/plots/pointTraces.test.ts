import { describe, expect, it } from 'vitest';
import { tinySnapshot } from '../../core/testing';
import { disagreeing, overlayMarks } from './pointTraces';
import { pointTable } from './points';
import { plainText } from './text';

describe('overlayMarks', () => {
  // labelled 0 normal and 4 anomaly; queued 2 and 5; truth: 2, 4, 5 are anomalies
  const s = tinySnapshot();
  const t = pointTable(s);
  const truth = Uint8Array.of(0, 0, 1, 0, 1, 1);
  const x = [10, 11, 12, 13, 14, 15];
  const y = [20, 21, 22, 23, 24, 25];

  it('fills an answered queued square with its answer and rings the answers the truth contradicts', () => {
    const answers = new Map<number, 0 | 1>([[2, 0], [5, 1]]);
    const marks = overlayMarks(x, y, t, { truth, showTruth: true, hover: null, answers });
    expect(marks).toEqual([
      { kind: 'ring', index: 2, x: 12, y: 22, label: '', fill: 'transparent', title: 'point 2: labelled normal, truth says anomaly' },
      { kind: 'queued', index: 2, x: 12, y: 22, label: '1', fill: '#0072B2', title: 'point 2: queued #1, answered normal' },
      { kind: 'queued', index: 5, x: 15, y: 25, label: '2', fill: '#D55E00', title: 'point 5: queued #2, answered anomaly' },
    ]);
  });
  it('keeps open squares yellow and draws no rings while the truth is hidden', () => {
    const marks = overlayMarks(x, y, t, { truth, showTruth: false, hover: null, answers: new Map() });
    expect(marks.map((m) => [m.kind, m.fill, m.label])).toEqual([['queued', '#F0E442', '1'], ['queued', '#F0E442', '2']]);
  });
  it('counts stored labels too', () => {
    // point 0 stored normal (truth normal), 4 stored anomaly (truth anomaly): no disagreement; flip the truth of 0
    expect(disagreeing(t, truth, undefined)).toEqual([]);
    expect(disagreeing(t, Uint8Array.of(1, 0, 1, 0, 1, 1), new Map([[5, 0]]))).toEqual([0, 5]);
  });
});

describe('plainText', () => {
  it('escapes markup so plotly draws it as text', () => {
    expect(plainText('<span style="cursor:url(http://h/c.png)">s1</span>')).toBe('&lt;span style="cursor:url(http://h/c.png)"&gt;s1&lt;/span&gt;');
    expect(plainText('a & b %{x}')).toBe('a &amp; b %&#123;x}');
    expect(plainText('x1')).toBe('x1');
  });
});
