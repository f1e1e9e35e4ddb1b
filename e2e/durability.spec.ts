// Fault injection: two tabs on one session, storage missing; the key press -> stored figure. Counts are read from
// IndexedDB, not from what the page shows.
import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers';
import { burst, humanQueue, reopened, stored } from './faultHelpers';

test('two tabs on one session, decisions interleaved: all of them in both, and after a reload', async ({ context }) => {
  const a = await context.newPage();
  await humanQueue(a);
  const b = await context.newPage();
  await b.goto('/?backend=wasm');
  await reopened(b);
  for (const [p, k] of [[a, 'n'], [b, 'a'], [a, 'n'], [b, 'a'], [a, 's'], [b, 'n']] as const) await burst(p, [k]);
  // each tab shows all six decisions (the other tab's arrive over the channel)
  await expect(a.getByTestId('history-entry')).toHaveCount(6);
  await expect(b.getByTestId('history-entry')).toHaveCount(6);
  expect((await stored(a)).decisions).toBe(6);
  await a.reload();
  await reopened(a);
  await b.reload();
  await reopened(b);
  await expect(a.getByTestId('history-entry')).toHaveCount(6);
  await expect(b.getByTestId('history-entry')).toHaveCount(6);
});

test('storage unavailable: a banner says so, the link\'s dataset loads and labelling works in memory', async ({ page }) => {
  const errors = watchConsole(page);
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await humanQueue(page, '?backend=wasm&dataset=moons');
  await expect(page.getByTestId('storage-banner')).toHaveText('Labels cannot be saved in this browser: export the session to keep them.');
  expect((await page.evaluate(() => (window as unknown as { __lab: { state(): { dataset: string } } }).__lab.state())).dataset).toBe('moons');
  await burst(page, ['n', 'a']);
  await expect(page.getByTestId('round-progress')).toHaveText('2 of 6 answered');
  await expect(page.getByTestId('labels-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('figures: key press -> stored (IndexedDB) latency in a burst of 20, printed, not asserted', async ({ page }) => {
  await humanQueue(page);
  const t = await page.evaluate(async () => {
    const id = await new Promise<string>((resolve) => {
      const r = indexedDB.open('svdd-lab');
      r.onsuccess = () => {
        const g = r.result.transaction('sessions').objectStore('sessions').get('lastSessionId');
        g.onsuccess = () => (r.result.close(), resolve(g.result as string));
      };
    });
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('svdd-lab');
      r.onsuccess = () => resolve(r.result);
    });
    const count = () => new Promise<number>((resolve) => {
      const c = db.transaction('sessions').objectStore('sessions').count(IDBKeyRange.bound(`log:${id}:`, `log:${id}:\uffff`));
      c.onsuccess = () => resolve(c.result);
    });
    const base = await count();
    const keys = Array.from({ length: 20 }, (_, i) => ['n', 'a', 's'][i % 3]!);
    const t0 = performance.now();
    for (const key of keys) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    const done: number[] = [];
    while (done.length < keys.length && performance.now() - t0 < 20_000) {
      const n = (await count()) - base;
      while (done.length < n) done.push(performance.now() - t0);
    }
    db.close();
    return done;
  });
  const sorted = [...t].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  console.log(`key press -> stored in IndexedDB, burst of 20 (0 ms apart): p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, all ${sorted[sorted.length - 1]!.toFixed(1)} ms (the localStorage journal holds each at once)`);
  expect(t.length).toBe(20);
});
