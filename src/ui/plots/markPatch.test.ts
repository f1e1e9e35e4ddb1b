import { describe, expect, it } from 'vitest';
import { tinySnapshot } from '../../core/testing';
import { markPatch } from './markPatch';
import { overlayMarks } from './pointTraces';
import { pointTable } from './points';

describe('markPatch', () => {
  // tinySnapshot: 6 points, queued 2 (#1) and 5 (#2); truth: 2, 4 and 5 are anomalies
  const t = pointTable(tinySnapshot());
  const truth = Uint8Array.of(0, 0, 1, 0, 1, 1);
  const x = [10, 11, 12, 13, 14, 15];
  const y = [20, 21, 22, 23, 24, 25];
  const marks = (answers: Map<number, 0 | 1>, showTruth = false) => overlayMarks(x, y, t, { truth, showTruth, hover: null, answers });

  it('restyles only the square a decision answered, and keeps the layout', () => {
    const before = marks(new Map());
    const after = marks(new Map([[2, 0]]));
    expect(markPatch(before, after)).toEqual({
      geometry: false,
      restyle: [{ kind: 'queued', index: 2, x: 12, y: 22, label: '1', fill: '#0072B2', title: 'point 2: queued #1, answered normal' }],
    });
    // the second decision restyles the second square only
    expect(markPatch(after, marks(new Map([[2, 0], [5, 1]]))).restyle.map((m) => [m.index, m.fill])).toEqual([[5, '#D55E00']]);
    // the same answers again: nothing to draw
    expect(markPatch(after, marks(new Map([[2, 0]])))).toEqual({ geometry: false, restyle: [] });
  });

  it('lays the marks out again when one is added, removed or moved', () => {
    const open = marks(new Map([[2, 0]]));
    // revealing the truth adds a ring on point 2 (answered normal, truly an anomaly)
    expect(markPatch(open, marks(new Map([[2, 0]]), true)).geometry).toBe(true);
    const moved = open.map((m) => (m.index === 5 ? { ...m, x: 16 } : m));
    expect(markPatch(open, moved).geometry).toBe(true);
    expect(markPatch(null, open)).toEqual({ geometry: true, restyle: open });
  });
});
