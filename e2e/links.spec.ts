// Shareable links: settings round-trip through the URL, hide= hides controls, bad parameters are reported, a link reproduces a run.
import { expect, test, type Page } from '@playwright/test';
import { labState, openLab, waitIdle, watchConsole } from './helpers';

const scores = (page: Page) => page.evaluate(() => (window as unknown as { __lab: { scores(): number[] | null } }).__lab.scores());

async function trainOnce(page: Page): Promise<number[]> {
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  const s = await scores(page);
  expect(s).not.toBeNull();
  return s!;
}

test("the teacher's link: ring, interactive, seed 7, loss and backend hidden; it reproduces the same scores", async ({ page, browser }) => {
  const errors = watchConsole(page);
  const link = '?dataset=ring&seed=7&preset=interactive&backend=wasm&hide=loss,backend';
  const t0 = Date.now();
  const s0 = await openLab(page, link);
  console.log(`link opened and data loaded in ${Date.now() - t0} ms`);
  expect(s0.dataset).toBe('ring');
  expect(s0.backend).toBe('wasm');
  await expect(page.getByTestId('field-loss')).toHaveCount(0);
  await expect(page.getByTestId('field-backend')).toHaveCount(0);
  await expect(page.getByTestId('field-seed')).toBeVisible();
  await expect(page.getByTestId('seed')).toHaveValue('7');
  await expect(page.getByTestId('link-notices')).toHaveCount(0);
  // the address keeps the settings (defaults left out) and the hidden controls
  const url = new URL(page.url());
  expect(url.searchParams.get('seed')).toBe('7');
  expect(url.searchParams.get('backend')).toBe('wasm');
  expect(url.searchParams.get('hide')).toBe('loss,backend');
  const first = await trainOnce(page);
  expect(first.length).toBe(500);
  await page.screenshot({ path: 'screenshots/link-hidden-controls.png' });

  // the same link in another browser (a student's: fresh storage) gives the same scores, bit for bit
  const other = await (await browser.newContext()).newPage();
  const o0 = await openLab(other, link);
  expect(o0.stages).toEqual([]);
  const again = await trainOnce(other);
  expect((await labState(other)).stages).toEqual([0]);
  expect(again).toEqual(first);
  // another seed gives other scores
  const third = await (await browser.newContext()).newPage();
  await openLab(third, '?dataset=ring&seed=8&backend=wasm');
  expect(await trainOnce(third)).not.toEqual(first);
  expect(errors).toEqual([]);
});

test('settings changes rewrite the address; copy link copies it; ticking a control hides it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLab(page, '?backend=wasm');
  await page.getByTestId('loss').selectOption('one_class');
  await page.getByTestId('query').selectOption('random');
  await page.getByTestId('seed').fill('42');
  await expect.poll(() => new URL(page.url()).search).toBe('?loss=one_class&query=random&seed=42&backend=wasm');
  await page.getByTestId('hide-controls').locator('summary').click();
  await page.getByTestId('hide-pollution').check();
  await expect(page.getByTestId('field-pollution')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('hide')).toBe('pollution');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(await page.getByTestId('share-url').inputValue()).toBe(page.url());
  // opening the copied link restores every setting
  const other = await context.newPage();
  await openLab(other, new URL(copied).search);
  await expect(other.getByTestId('loss')).toHaveValue('one_class');
  await expect(other.getByTestId('query')).toHaveValue('random');
  await expect(other.getByTestId('seed')).toHaveValue('42');
  await expect(other.getByTestId('field-pollution')).toHaveCount(0);
});

test('unknown and invalid parameters are reported on the page and the defaults are used', async ({ page }) => {
  const s = await openLab(page, '?backend=wasm&seed=abc&loss=bogus&colour=red&hide=loss,nonsense&dataset=cardio.mat');
  const box = page.getByTestId('link-notices');
  await expect(box).toBeVisible();
  await expect(box).toContainText("seed 'abc' is not a whole number");
  await expect(box).toContainText("loss 'bogus' is not one of");
  await expect(box).toContainText("Unknown parameter 'colour' was ignored");
  await expect(box).toContainText("hide: unknown control 'nonsense' was ignored");
  await expect(box).toContainText('Cardiotocography (ODDS), which you load yourself: open cardio.mat');
  expect(s.dataset).toBe('ring');
  await expect(page.getByTestId('seed')).toHaveValue('1');
  await expect(page.getByTestId('field-loss')).toHaveCount(0);
  // the reported parameters leave the address; the good ones stay
  expect(new URL(page.url()).search).toBe('?backend=wasm&hide=loss');
  await page.screenshot({ path: 'screenshots/link-notices.png' });
});

test('a link to a bundled dataset opens it; the picker shows its facts and lists the paper datasets', async ({ page }) => {
  const s = await openLab(page, '?dataset=glass&backend=wasm');
  expect(s.dataset).toBe('glass');
  expect(s.n).toBe(214);
  await expect(page.getByTestId('dataset-facts')).toContainText('214 rows, 9 features, 9 anomalies');
  await expect(page.getByTestId('dataset-facts')).toContainText('tabular');
  await page.getByTestId('dataset-source').locator('summary').click();
  await expect(page.getByTestId('dataset-source')).toContainText(/package .* \d/);
  await page.getByTestId('open-catalogue').click();
  const cat = page.getByTestId('catalogue');
  for (const name of ['ionosphere', 'glass', 'optdigits-lite', 'mnist-lite']) await expect(cat.getByTestId(`cat-${name}`)).toBeVisible();
  for (const name of ['arrhythmia', 'cardio', 'mnist', 'optdigits', 'nslkdd']) await expect(cat.getByTestId(`ext-${name}`)).toBeVisible();
  await expect(cat.getByTestId('ext-cardio')).toContainText('1831 x 21');
  await expect(cat.getByTestId('ext-cardio')).toContainText('odds.cs.stonybrook.edu');
  await expect(cat.getByTestId('cat-ionosphere')).toContainText('weka');
  await page.screenshot({ path: 'screenshots/picker-catalogue.png' });
  await cat.getByTestId('use-ionosphere').click();
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { n: number } } }).__lab.state().n === 351);
  expect((await labState(page)).dataset).toBe('ionosphere');
  expect(new URL(page.url()).searchParams.get('dataset')).toBe('ionosphere');
});
