import { describe, expect, it } from 'vitest';
import { formatSeconds, timeLeft } from './progress';

describe('time left', () => {
  it('multiplies the mean finished run by the runs left, minus the running one', () => {
    // mean 15 s, 6 - 2 = 4 runs left, 5 s into the current one: 60 - 5 = 55
    expect(timeLeft([10, 20], 6, 5)).toBe(55);
    expect(timeLeft([], 6, 5)).toBeNull();
    expect(timeLeft([10, 20], 2, 0)).toBe(0);
    expect(timeLeft([10], 2, 30)).toBe(0);
  });
  it('prints minutes and seconds', () => {
    expect(formatSeconds(65)).toBe('1 min 05 s');
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(null)).toMatch(/first run/);
  });
});
