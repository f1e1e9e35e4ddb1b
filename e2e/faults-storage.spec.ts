// Fault injection in storage: a full quota (IndexedDB puts refused), and stored sessions that cannot be opened.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { openLab, waitIdle, watchConsole } from './helpers';
import { burst, reopened, stored } from './faultHelpers';

/** Every IndexedDB put throws QuotaExceededError while globalThis.__full is set (as the browser does when the quota is used up). */
const quota = () => {
  const g = globalThis as unknown as { __full?: boolean; __quota?: boolean };
  if (g.__quota) return;
  g.__quota = true;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (g.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
};
/** The page and its decision-log worker (which stores the labels) run out of room together. */
async function setFull(page: Page, on: boolean): Promise<void> {
  await expect.poll(() => page.workers().some((w) => /logWrites/.test(w.url()))).toBe(true);
  const flag = (v: boolean) => void ((globalThis as unknown as { __full?: boolean }).__full = v);
  await page.evaluate(flag, on);
  for (const w of page.workers().filter((x) => /logWrites/.test(x.url()))) {
    await w.evaluate('globalThis.__name = (f) => f;');
    await w.evaluate(quota);
    await w.evaluate(flag, on);
  }
}

test('storage full: the message names the write that failed and lists the sessions by size; the refused label is said, no saved one is lost', async ({ page }) => {
  const errors = watchConsole(page);
  await page.addInitScript(quota);
  await openLab(page, '?backend=wasm');
  await page.getByTestId('session-new').click();
  await expect(page.getByTestId('session-item')).toHaveCount(2);
  await page.getByTestId('oracle-human').click();
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await expect(page.getByTestId('queue-card')).toHaveCount(6);
  await burst(page, ['n']);
  await expect(page.getByTestId('round-progress')).toHaveText('1 of 6 answered');
  await expect.poll(async () => (await stored(page)).decisions).toBe(1);

  await setFull(page, true);
  await burst(page, ['a']);
  const full = page.getByTestId('storage-full');
  await expect(full).toContainText("Could not save the label: the browser's storage for this site is full.");
  await expect(full.getByTestId('storage-size')).toHaveCount(2);
  await expect(full.getByTestId('storage-size').first()).toHaveText(/^ring \d{4}-\d\d-\d\d \d\d:\d\d: \d+(\.\d)? (kB|MB)$/);
  // the refused decision is taken back and said so: not shown as made, not recorded
  await expect(page.getByTestId('labels-error')).toContainText('Not saved, so not recorded: Could not save the label');
  await expect(page.getByTestId('round-progress')).toHaveText('1 of 6 answered');
  await expect(page.getByTestId('history-entry')).toHaveCount(1);
  expect((await stored(page)).decisions).toBe(1);

  // room again: the next decision is stored, and a reload brings back both saved ones
  await setFull(page, false);
  await burst(page, ['a']);
  await expect(page.getByTestId('round-progress')).toHaveText('2 of 6 answered');
  await expect(page.getByTestId('labels-error')).toHaveCount(0);
  await expect.poll(async () => (await stored(page)).decisions).toBe(2);
  await page.reload();
  await reopened(page);
  await expect(page.getByTestId('history-entry')).toHaveCount(2);
  await expect(page.getByTestId('round-progress')).toHaveText('2 of 6 answered');
  expect(errors).toEqual([]);
});

/** Writes records straight into the lab's database (as a damaged or older copy of the page would have left them). */
function putRaw(page: Page, entries: Array<[string, unknown]>): Promise<void> {
  return page.evaluate((es) => new Promise<void>((resolve, reject) => {
    const req = indexedDB.open('svdd-lab');
    req.onsuccess = () => {
      const tx = req.result.transaction('sessions', 'readwrite');
      for (const [k, v] of es) tx.objectStore('sessions').put(v, k);
      tx.oncomplete = () => (req.result.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  }), entries);
}

test('stored sessions that cannot be opened: listed with the reason, export raw and delete work, the rest of the lab works', async ({ page }) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm');
  const meta = (id: string, name: string, schemaVersion = 3) => ({
    schemaVersion, id, name, createdAt: 1, updatedAt: Date.now() - 1000, settings: {}, config: null, runId: `${id}-run0`, datasetName: 'ring',
  });
  await putRaw(page, [
    // no dataset record
    ['session:bad1', meta('bad1', 'no data')],
    // written by a newer version
    ['session:bad2', meta('bad2', 'from the future', 99)],
    ['data:bad2', { source: 'bundled', name: 'ring' }],
    // a queue that is not rows
    ['session:bad3', meta('bad3', 'bad queue')],
    ['data:bad3', { source: 'bundled', name: 'ring' }],
    ['log:bad3:000000000:q', { id: 'q', seq: 0, time: 1, at: 0, event: { kind: 'queue', round: 0, queue: [-1, 1e9, 'x'] } }],
    ['lastSessionId', 'bad1'],
  ]);
  await page.reload();
  await expect(page.getByTestId('session-notice')).toContainText(
    'The last session could not be restored (The saved session is damaged: the dataset is neither a bundled name nor imported data); a new one was started.');
  const broken = (id: string) => page.locator(`[data-testid="session-broken"][data-id="${id}"]`);
  await expect(broken('bad1').getByTestId('session-problem')).toHaveText('The saved session is damaged: the dataset is neither a bundled name nor imported data');
  await expect(broken('bad2').getByTestId('session-problem')).toHaveText('schema 99 is not one this version reads');

  // opening the third one fails with its reason, and leaves the open session as it was
  const open = (await stored(page)).last;
  await page.locator('[data-testid="session-item"][data-id="bad3"]').getByTestId('session-open').click();
  await expect(broken('bad3').getByTestId('session-problem')).toHaveText("The saved session is damaged: log[0].event.queue[0]: -1 is below 0; log[0].event.queue[1]: 1000000000 is above 2000000; log[0].event.queue[2]: 'x' is not a number");
  expect((await stored(page)).last).toBe(open);

  // export raw: what is stored, as it is
  const [dl] = await Promise.all([page.waitForEvent('download'), broken('bad3').getByTestId('session-export-raw').click()]);
  expect(dl.suggestedFilename()).toBe('bad-queue-raw.svdd-lab.zip');
  const doc = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync((await dl.path())!)))['session.json']!));
  expect(doc.format).toBe('svdd-lab-session-raw');
  expect(doc.raw.meta.name).toBe('bad queue');
  expect(doc.raw.log).toEqual([{ id: 'q', seq: 0, time: 1, at: 0, event: { kind: 'queue', round: 0, queue: [-1, 1e9, 'x'] } }]);

  // delete: gone from the list and from storage
  page.on('dialog', (d) => void d.accept());
  await broken('bad1').getByTestId('session-delete').click();
  await expect(broken('bad1')).toHaveCount(0);
  expect((await stored(page)).keys.filter((k) => k.includes('bad1'))).toEqual([]);

  // a reload with the bad queue as the last session still starts the page
  await putRaw(page, [['lastSessionId', 'bad3']]);
  await page.reload();
  await expect(page.getByTestId('session-notice')).toContainText('The last session could not be restored (The saved session is damaged: log[0].event.queue[0]: -1 is below 0');
  await expect(page.getByTestId('session-broken')).toHaveCount(2);

  // the rest of the lab works: train, label, stored
  await page.getByTestId('oracle-human').click();
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await burst(page, ['n', 'a']);
  await expect(page.getByTestId('round-progress')).toHaveText('2 of 6 answered');
  await expect.poll(async () => (await stored(page)).decisions).toBe(2);
  expect(errors).toEqual([]);
});
