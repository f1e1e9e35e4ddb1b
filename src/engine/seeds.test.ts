import { describe, expect, it } from 'vitest';
import { formatSeedList, isOneToN, parseSeedList } from './seeds';

describe('seed lists', () => {
  it('parses seeds and ranges and prints them back', () => {
    expect(parseSeedList('1-3, 7')).toEqual([1, 2, 3, 7]);
    expect(parseSeedList('7')).toEqual([7]);
    expect(parseSeedList('0 4294967295')).toEqual([0, 4294967295]);
    expect(formatSeedList([1, 2, 3, 7, 9, 10])).toBe('1-3,7,9-10');
    expect(isOneToN([1, 2, 3])).toBe(true);
    expect(isOneToN([2, 3])).toBe(false);
  });
  it('says what is wrong', () => {
    expect(() => parseSeedList('')).toThrow(/at least one seed/);
    expect(() => parseSeedList('1,x')).toThrow(/'x' is not a seed/);
    expect(() => parseSeedList('5-2')).toThrow(/smaller seed/);
    expect(() => parseSeedList('1-3,2')).toThrow(/Seed 2 is listed twice/);
    expect(() => parseSeedList('4294967296')).toThrow(/0 to 4294967295/);
    expect(() => parseSeedList('1-5000')).toThrow(/At most 1000/);
  });
});
