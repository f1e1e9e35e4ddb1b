// Test wiring for the store: a recording worker port, a loader of tiny data, a fake address bar, any storage.
import type { RawData } from '../core/types';
import type { Command } from '../protocol';
import { createAppStore, type AppDeps, type AppStore } from './app';
import type { LogRecord } from './log';
import { openSessionStorage, type SessionStorage } from './persist';

export const tinyRaw = (n = 6, name = 'ring'): RawData => ({
  name, n, d: 2, values: Float64Array.from({ length: 2 * n }, (_, i) => i / 10), labels: null, featureNames: ['x', 'y'],
});

let dbCount = 0;
/** A fresh fake-indexeddb database per call (the test file imports 'fake-indexeddb/auto'). */
export function freshStorage(now?: () => number): SessionStorage {
  let id = 0;
  return openSessionStorage({ dbName: `store-test-${++dbCount}`, newId: () => `s${++id}`, ...(now ? { now } : {}) });
}

export interface TestStore {
  store: AppStore;
  sent: Command[];
  hrefs: string[];
  posted: Array<{ session: string; records: LogRecord[] }>;
}

export function testStore(over: Partial<AppDeps> = {}): TestStore {
  const sent: Command[] = [];
  const hrefs: string[] = [];
  const posted: TestStore['posted'] = [];
  let t = 1000;
  let id = 0;
  const store: AppStore = createAppStore({
    // a worker that has no model yet: weights requests are answered with null
    port: {
      send: (c) => {
        sent.push(c);
        if (c.type === 'getWeights') queueMicrotask(() => store.getState().lab.handleEvent({ type: 'weights', id: c.id, weights: null }));
      },
    },
    storage: freshStorage(),
    loader: async (s) => ({ raw: tinyRaw(6, s.dataset), source: 'synthetic', notices: [] }),
    url: { write: (h) => hrefs.push(h), location: () => ({ origin: 'http://lab', pathname: '/', hash: '', href: hrefs[hrefs.length - 1] ?? 'http://lab/' }) },
    channel: { post: (m) => posted.push(m), listen: () => undefined },
    now: () => t++,
    newId: () => `r${++id}`,
    ...over,
  });
  return { store, sent, hrefs, posted };
}

/** Storage whose label writes wait until released (to look at the page while a write is in flight). */
export function heldStorage(inner: SessionStorage): SessionStorage & { release(): void; held(): number } {
  const waiting: Array<() => void> = [];
  return {
    ...inner,
    appendLog: (id, records) => new Promise<void>((resolve, reject) => {
      waiting.push(() => inner.appendLog(id, records).then(resolve, reject));
    }),
    release: () => waiting.splice(0).forEach((go) => go()),
    held: () => waiting.length,
  };
}
