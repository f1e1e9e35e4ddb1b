import { describe, expect, it } from 'vitest';
import type { Figure } from './figure';
import { tweenStep } from './tween';

const fig = (traces: Array<[string, string, number[], number[]]>): Figure => ({
  data: traces.map(([type, meta, x, y]) => ({ type, meta, x, y })),
  layout: {},
});

describe('tweenStep', () => {
  it('moves only the traces whose positions change', () => {
    const from = fig([['scatter', 'circle', [1, 0], [0, 1]], ['scatter', 'unlabelled', [1, 2, 3], [4, 5, 6]], ['scatter', 'centre', [0], [0]]]);
    const to = fig([['scatter', 'circle', [1, 0], [0, 1]], ['scatter', 'unlabelled', [0.5, 1, 1.5], [2, 2.5, 3]], ['scatter', 'centre', [0], [0]]]);
    expect(tweenStep(from, to)).toEqual({ traces: [1], data: [{ x: [0.5, 1, 1.5], y: [2, 2.5, 3] }] });
  });

  it('has nothing to move between equal figures', () => {
    const f = fig([['scatter', 'normal', [1], [2]]]);
    expect(tweenStep(f, fig([['scatter', 'normal', [1], [2]]]))).toEqual({ traces: [], data: [] });
  });

  it('refuses WebGL traces, other traces and other point counts', () => {
    expect(tweenStep(fig([['scattergl', 'normal', [1], [2]]]), fig([['scattergl', 'normal', [3], [4]]]))).toBeNull();
    expect(tweenStep(fig([['scatter', 'normal', [1], [2]]]), fig([['scatter', 'anomaly', [3], [4]]]))).toBeNull();
    expect(tweenStep(fig([['scatter', 'normal', [1], [2]]]), fig([['scatter', 'normal', [3, 4], [4, 5]]]))).toBeNull();
    expect(tweenStep(fig([['scatter', 'normal', [1], [2]]]), fig([]))).toBeNull();
  });
});
