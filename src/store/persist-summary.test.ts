import { describe, expect, it } from 'vitest';
import type { StoredMeta } from './persist-keys';
import { sizesOf, summaries } from './persist-summary';

const meta = (id: string, updatedAt: number, extra: Partial<StoredMeta> = {}): StoredMeta =>
  ({ schemaVersion: 2, id, name: id, createdAt: 1, updatedAt, settings: {} as StoredMeta['settings'], config: null, datasetName: 'glass', ...extra });

describe('stored session summaries', () => {
  it('counts rounds by key, decisions of older schemas, newest first, and says what makes a meta unopenable', () => {
    const metas = [
      meta('a', 10, { labels: { history: [1, 2, 3] } }),
      meta('b', 20, { schemaVersion: 1, labels: { 4: 1, 9: 0 } }),
      meta('c', 5, { schemaVersion: 99 }),
    ];
    const out = summaries(metas, ['rounds:a:000000', 'rounds:a:000001', 'rounds:b:000000'], [], []);
    expect(out.map((s) => [s.id, s.rounds, s.decisions, s.problem])).toEqual([
      ['b', 1, 2, undefined],
      ['a', 2, 3, undefined],
      ['c', 0, 0, 'schema 99 is not one this version reads'],
    ]);
  });

  it('sizes: typed arrays by bytes, strings by length + 2, objects as their keys and values, largest first', () => {
    const sizes = sizesOf(['session:a', 'data:a', 'data:b', 'lastSessionId'], [{ name: 'x' }, new Float32Array(4), 'abc', 'a']);
    // {name:'x'}: 2 + ('name'.length + 3) + ('x'.length + 2) = 12; Float32Array(4): 16 bytes; 'abc': 5
    expect(sizes).toEqual([{ id: 'a', name: 'x', bytes: 28 }, { id: 'b', name: 'b', bytes: 5 }]);
  });
});
