// A large imported dataset stored in pieces: read back exactly as written, pieces of an older dataset never linger,
// a deleted session leaves none, and a missing piece is reported instead of a shorter matrix.
import 'fake-indexeddb/auto';
import { createStore, del, keys } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import type { RawData } from '../core/types';
import { openSessionStorage } from './persist';
import { splitDataset } from './persist-write';
import { DEFAULT_SETTINGS } from './urlState';

let dbCount = 0;
function env() {
  const dbName = `pieces-${++dbCount}`;
  let id = 0;
  // 4 values a piece: a 5 x 2 matrix lies in 3 pieces (4 + 4 + 2)
  const storage = openSessionStorage({ dbName, newId: () => `s${++id}`, pieceValues: 4 });
  const raw = createStore(dbName, 'sessions');
  return { storage, stored: async () => (await keys(raw)).map(String).sort(), raw };
}

const data = (n: number, name = 'big'): RawData => ({
  name, n, d: 2, values: Float64Array.from({ length: 2 * n }, (_, i) => i * 1.5 - 3), labels: Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
  featureNames: ['a', 'b'], kind: { type: 'tabular' },
});
const imported = (n: number) => ({ source: 'imported' as const, data: data(n), fileName: 'big.csv' });

describe('a dataset in pieces', () => {
  it('splits into slices of the given size (copies, not views of the whole buffer)', () => {
    const { head, pieces } = splitDataset('x', imported(5), 4);
    const made = pieces.map(([k, v]) => [k, v() as Float64Array] as const);
    expect(made.map(([k, v]) => [k, [...v]])).toEqual([
      ['data:x:000000', [-3, -1.5, 0, 1.5]], ['data:x:000001', [3, 4.5, 6, 7.5]], ['data:x:000002', [9, 10.5]],
    ]);
    expect(made.every(([, v]) => v.buffer.byteLength === v.byteLength)).toBe(true);
    expect(head).toMatchObject({ source: 'imported', fileName: 'big.csv', pieces: 3, length: 10 });
    expect('values' in (head as { data: object }).data).toBe(false);
    // small or bundled data stays in one value
    expect(splitDataset('x', imported(2), 4).pieces).toEqual([]);
    expect(splitDataset('x', { source: 'bundled', name: 'ring' }, 4)).toEqual({ head: { source: 'bundled', name: 'ring' }, pieces: [] });
  });

  it('is read back exactly as written, by load and by raw', async () => {
    const { storage, stored } = env();
    await storage.create({ name: 'S', dataset: imported(5), settings: DEFAULT_SETTINGS });
    expect(await stored()).toEqual(['data:s1', 'data:s1:000000', 'data:s1:000001', 'data:s1:000002', 'session:s1']);
    const back = await storage.load('s1');
    expect(back.dataset).toEqual(imported(5));
    expect((back.dataset as { data: RawData }).data.values).toBeInstanceOf(Float64Array);
    expect((await storage.raw('s1')).dataset).toEqual(imported(5));
    // the sizes count the pieces: 10 float64 values are 80 bytes of the session
    const [size] = await storage.sizes();
    expect(size!.bytes).toBeGreaterThan(80);
  });

  it('a smaller dataset replaces a larger one without leaving its pieces; a bundled one leaves none', async () => {
    const { storage, stored } = env();
    await storage.create({ name: 'S', dataset: imported(5), settings: DEFAULT_SETTINGS });
    await storage.restartRun('s1', 'run1', { settings: DEFAULT_SETTINGS, config: null, dataset: imported(3), clearLog: true });
    expect((await stored()).filter((k) => k.startsWith('data:'))).toEqual(['data:s1', 'data:s1:000000', 'data:s1:000001']);
    expect((await storage.load('s1')).dataset).toEqual(imported(3));
    const rec = await storage.load('s1');
    await storage.save({ ...rec, dataset: { source: 'bundled', name: 'ring' } });
    expect((await stored()).filter((k) => k.startsWith('data:'))).toEqual(['data:s1']);
    expect((await storage.load('s1')).dataset).toEqual({ source: 'bundled', name: 'ring' });
  });

  it('deleting the session deletes its pieces; another session keeps its own', async () => {
    const { storage, stored } = env();
    await storage.create({ name: 'A', dataset: imported(5), settings: DEFAULT_SETTINGS });
    await storage.create({ name: 'B', dataset: imported(3), settings: DEFAULT_SETTINGS });
    await storage.remove('s1');
    expect(await stored()).toEqual(['data:s2', 'data:s2:000000', 'data:s2:000001', 'session:s2']);
    expect((await storage.load('s2')).dataset).toEqual(imported(3));
  });

  it('a missing piece is reported, not read as a shorter matrix', async () => {
    const { storage, raw } = env();
    await storage.create({ name: 'S', dataset: imported(5), settings: DEFAULT_SETTINGS });
    await del('data:s1:000001', raw);
    await expect(storage.load('s1')).rejects.toThrow('The saved session is damaged: piece 1 of its dataset is missing or too long');
    // the raw export still gives what lies there
    expect((await storage.raw('s1')).dataset).toMatchObject({ source: 'imported', pieces: 3, length: 10 });
  });
});
