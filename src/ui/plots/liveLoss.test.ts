import { describe, expect, it } from 'vitest';
import { liveLossLines } from './liveLoss';

describe('live loss lines', () => {
  it('places epochs left to right, each phase scaled to its own range', () => {
    const log = [
      { stage: 0, phase: 'pretrain' as const, epoch: 1, loss: 0.4 },
      { stage: 0, phase: 'pretrain' as const, epoch: 2, loss: 0.2 },
      { stage: 0, phase: 'train' as const, epoch: 1, loss: 5 },
    ];
    const [ae, occ] = liveLossLines(log, 116, 66, 8);
    // width 100 after padding: epochs at x = 8, 58, 108; height 50: the max at y = 8, the min at y = 58
    expect(ae.points).toEqual([[8, 8], [58, 58]]);
    expect([ae.min, ae.max]).toEqual([0.2, 0.4]);
    expect(occ.phase).toBe('train');
    expect(occ.points).toEqual([[108, 33]]); // a flat series sits mid-height
  });
  it('draws nothing without finite losses', () => {
    expect(liveLossLines([{ stage: 0, phase: 'train', epoch: 1, loss: NaN }], 100, 50)).toEqual([]);
  });
});
