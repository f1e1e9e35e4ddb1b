// Fault injection: two tabs on one session, storage missing, a burst of 20 keys. Counts are read from IndexedDB and the
// journal, not from what the page shows (the key -> stored figures are in npm run bench:page).
import { expect, test } from '@playwright/test';
import { openLab, waitIdle, watchConsole } from './helpers';
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

test('a burst of 20 key presses 0 ms apart: all 20 in the journal before the handler returns, then all 20 in IndexedDB', async ({ page }) => {
  await openLab(page, '?backend=wasm&oracle=human&k=20');
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await expect(page.getByTestId('queue-card')).toHaveCount(20);
  const journalled = await page.evaluate(() => {
    for (let k = 0; k < 20; k++) window.dispatchEvent(new KeyboardEvent('keydown', { key: ['n', 'a', 's'][k % 3]!, bubbles: true }));
    // still in the same task: IndexedDB cannot have answered yet, so this is what a reload now would restore from
    let n = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (!key.startsWith('svdd-lab-journal:')) continue;
      for (const e of JSON.parse(localStorage.getItem(key)!) as Array<{ records: Array<{ event: { kind: string } }> }>) n += e.records.filter((r) => r.event.kind === 'decide').length;
    }
    return n;
  });
  expect(journalled).toBe(20);
  await expect.poll(async () => (await stored(page)).decisions).toBe(20);
  // confirmed records leave the journal
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('svdd-lab-journal:')).length)).toBe(0);
  await expect(page.getByTestId('round-progress')).toHaveText('20 of 20 answered');
});
