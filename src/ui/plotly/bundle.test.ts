import { describe, expect, it } from 'vitest';
import { TEXT_BOXES, trimTextCache } from './bundle';

describe('trimTextCache', () => {
  const boxes = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`text ${i}`, { width: i }]));
  it('keeps plotly\'s measured boxes up to the cap and lets all go past it', () => {
    const cache = { savedBBoxes: boxes(TEXT_BOXES) };
    const kept = cache.savedBBoxes;
    trimTextCache(TEXT_BOXES, cache);
    expect(cache.savedBBoxes).toBe(kept);
    cache.savedBBoxes = boxes(TEXT_BOXES + 1);
    trimTextCache(TEXT_BOXES, cache);
    expect(Object.keys(cache.savedBBoxes)).toEqual([]);
  });
  it('does nothing before plotly is loaded', () => {
    expect(() => trimTextCache()).not.toThrow();
  });
});
