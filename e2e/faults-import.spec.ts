// Fault injection in imports: 60 damaged session files made from one the page exported. Each gets a message that names
// what and where; nothing is stored, the open session stays open, and the page starts again after a reload.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { MUTATIONS } from '../src/store/sessionFileMutations';
import { burst, humanQueue, stored } from './faultHelpers';
import { openLab, watchConsole } from './helpers';

async function exported(page: Page): Promise<Uint8Array> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-session').click()]);
  return new Uint8Array(readFileSync((await dl.path())!));
}

test(`${MUTATIONS.length} damaged session files: each refused with what and where, nothing stored, the session unchanged, the page starts again`, async ({ page, browser }) => {
  test.setTimeout(600_000);
  await humanQueue(page);
  await burst(page, ['n', 'a', 's']);
  await expect.poll(async () => (await stored(page)).decisions).toBe(3);
  const good = await exported(page);

  // a second browser profile (empty storage) imports the damaged copies
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  const errors = watchConsole(p);
  await openLab(p, '?backend=wasm');
  await expect(p.getByTestId('session-item')).toHaveCount(1);
  const before = await stored(p);
  const wrong: string[] = [];
  for (const [k, m] of MUTATIONS.entries()) {
    const { bytes, message } = m.make(good);
    const shown = p.getByTestId('session-error');
    if (await shown.count()) await shown.getByRole('button', { name: 'dismiss' }).click();
    await p.getByTestId('session-import-file').setInputFiles({ name: `damaged-${k}.svdd-lab.zip`, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
    await expect(shown).toBeVisible({ timeout: 30_000 });
    const text = (await shown.textContent()) ?? '';
    if (!text.includes(message)) wrong.push(`${m.name}: shown "${text}", expected "${message}"`);
    const now = await stored(p);
    if (now.keys.join() !== before.keys.join() || now.last !== before.last) wrong.push(`${m.name}: storage changed (${now.keys.length} keys, last ${now.last})`);
    // every few files (and after the last) the page is reloaded: it starts with the same session
    if (k % 6 === 5 || k === MUTATIONS.length - 1) {
      await p.reload();
      await openLab(p, '?backend=wasm');
      await expect(p.getByTestId('session-item')).toHaveCount(1);
      if ((await stored(p)).last !== before.last) wrong.push(`${m.name}: another session is open after the reload`);
    }
  }
  expect(wrong).toEqual([]);
  // the good file itself imports: the damage, not the file, was refused
  await p.getByTestId('session-import-file').setInputFiles({ name: 'good.svdd-lab.zip', mimeType: 'application/zip', buffer: Buffer.from(good) });
  await expect(p.getByTestId('session-item')).toHaveCount(2);
  await expect(p.getByTestId('history-entry')).toHaveCount(3);
  await ctx.close();
  expect(errors).toEqual([]);
});
