import { describe, expect, it } from 'vitest';
import { CARD_WINDOW, cardWindowStart } from './cardWindow';
import { rankOf, scoreRanks } from '../plots/points';

describe('queue card window', () => {
  it('shows every card of a small queue, and a window that follows the cursor in a big one', () => {
    expect(cardWindowStart(3, 6)).toBe(0);
    expect(cardWindowStart(0, 1259)).toBe(0);
    expect(cardWindowStart(100, 1259)).toBe(96);
    expect(cardWindowStart(1258, 1259)).toBe(1259 - CARD_WINDOW);
  });
  it('ranks one point exactly as the full ranking does (ties by index)', () => {
    const scores = [0.5, 0.9, 0.5, 0.1, 0.9];
    const all = scoreRanks(scores);
    expect(scores.map((_, i) => rankOf(scores, i))).toEqual(Array.from(all));
    expect(Array.from(all)).toEqual([3, 1, 4, 5, 2]);
  });
});
