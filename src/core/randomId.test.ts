// Ids for sessions and log records: unique, and made without randomUUID too (pages served over plain http).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomId } from './randomId';

afterEach(() => vi.unstubAllGlobals());

describe('randomId', () => {
  it('uses randomUUID where it exists', () => {
    const ids = new Set(Array.from({ length: 100 }, randomId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('falls back to 16 random bytes as 32 hex digits', () => {
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => (a.forEach((_, i) => (a[i] = i * 17)), a) });
    expect(randomId()).toBe('00112233445566778899aabbccddeeff');
  });
});
