// Fault injection: a burst of key presses 0 ms apart, then the page is reloaded or closed at once (or a moment later).
// Over 20 trials each, every decision must be there after the next start: counted in IndexedDB and in the history.
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers';
import { humanQueue, reopened, stored } from './faultHelpers';

const TRIALS = 20;
/** ms between the burst and the reload or close: at once, and within the time a write takes */
const DELAYS = [0, 0, 0, 5, 20, 60, 150];
const keysOf = (trial: number) => Array.from({ length: 3 + (trial % 4) }, (_, i) => ['n', 'a', 's'][(trial + i) % 3]!);

/** Dispatches the keys in one task, then reloads after `delay` ms from inside the page (no round trip in between). */
function burstThenReload(page: Page, keys: string[], delay: number): Promise<void> {
  return page.evaluate(({ ks, d }) => {
    for (const key of ks) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    setTimeout(() => location.reload(), d);
  }, { ks: keys, d: delay });
}

/** The history's own count ("(N decisions)"); it lists only the newest 30 rows. */
async function decisionsShown(page: Page): Promise<number> {
  const text = (await page.getByTestId('history').locator('summary').textContent()) ?? '';
  return Number(/\((\d+) decisions?\)/.exec(text)?.[1] ?? NaN);
}

test(`burst then reload: 0 of N decisions lost over ${TRIALS} trials`, async ({ page }) => {
  test.setTimeout(600_000);
  const errors = watchConsole(page);
  await humanQueue(page);
  let expected = 0;
  const lost: string[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const keys = keysOf(trial);
    const loaded = page.waitForEvent('load');
    await burstThenReload(page, keys, DELAYS[trial % DELAYS.length]!);
    await loaded;
    expected += keys.length;
    await reopened(page);
    const got = (await stored(page)).decisions;
    if (got !== expected) lost.push(`trial ${trial}: ${expected - got} of ${keys.length} lost`);
    expected = got; // count the next trial from what is there
    if ((await decisionsShown(page)) !== got) lost.push(`trial ${trial}: ${got} stored, ${await decisionsShown(page)} shown`);
  }
  expect(lost).toEqual([]);
  expect(await decisionsShown(page)).toBe(expected);
  expect(errors).toEqual([]);
});

test(`burst then close: 0 of N decisions lost over ${TRIALS} trials`, async ({ context }) => {
  test.setTimeout(600_000);
  let page = await context.newPage();
  await humanQueue(page);
  let expected = 0;
  const lost: string[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const keys = keysOf(trial);
    await page.evaluate((ks) => {
      for (const key of ks) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, keys);
    const d = DELAYS[trial % DELAYS.length]!;
    if (d > 0) await page.waitForTimeout(d);
    await page.close();
    expected += keys.length;
    page = await context.newPage();
    await page.goto('/?backend=wasm');
    await reopened(page);
    const got = (await stored(page)).decisions;
    if (got !== expected) lost.push(`trial ${trial}: ${expected - got} of ${keys.length} lost`);
    expected = got;
    if ((await decisionsShown(page)) !== got) lost.push(`trial ${trial}: ${got} stored, ${await decisionsShown(page)} shown`);
  }
  expect(lost).toEqual([]);
  expect(await decisionsShown(page)).toBe(expected);
});
