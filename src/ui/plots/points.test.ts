import { describe, expect, it } from 'vitest';
import { tinySnapshot } from '../../core/testing';
import { groupIndices, hoverTip, labelText, pointTable, scoreRanks } from './points';

describe('scoreRanks', () => {
  it('ranks the highest score first and breaks ties by index', () => {
    // scores 1, 4, 9, 0.25, 1, 8
    expect(Array.from(scoreRanks(tinySnapshot().scores))).toEqual([4, 3, 1, 6, 5, 2]);
  });
});

describe('pointTable', () => {
  it('puts queued before labelled before pseudo before unlabelled', () => {
    const t = pointTable(tinySnapshot());
    expect(t.state).toEqual(['normal', 'pseudo', 'queued', 'unlabelled', 'anomaly', 'queued']);
    expect(Array.from(t.queueNo)).toEqual([0, 0, 1, 0, 0, 2]);
    const g = groupIndices(t);
    expect(g.queued).toEqual([2, 5]);
    expect(g.unlabelled).toEqual([3]);
  });
  it('shows pending answers as labels and names truth in the hover text', () => {
    const answers = new Map([[3, 1 as const]]);
    const t = pointTable(tinySnapshot(), answers);
    expect(t.state[3]).toBe('anomaly');
    const truth = Uint8Array.of(0, 0, 1, 1, 1, 0);
    expect(labelText(3, t, truth, answers)).toBe('labelled anomaly, truth: anomaly');
    expect(labelText(5, t, truth, answers)).toBe('queued #2, truth: normal');
    expect(labelText(1, t, null)).toBe('pseudo-abnormal');
  });
});

describe('hoverTip', () => {
  it('names the point, its score to 3 digits, its rank and its state on three lines', () => {
    const s = tinySnapshot();
    // point 2: score 9, the highest (rank 1 of 6), queued first; point 3: score 0.25, last, unlabelled
    expect(hoverTip(2, s, pointTable(s), Uint8Array.of(0, 0, 1, 0, 1, 1))).toBe('point 2\nscore 9.00 · rank 1 of 6\nqueued #1, truth: anomaly');
    expect(hoverTip(3, s, pointTable(s), null)).toBe('point 3\nscore 0.250 · rank 6 of 6\nunlabelled');
  });
});
