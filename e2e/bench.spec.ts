// The lab bench at 1280 x 720: the sphere and the queue in view together, the queue drawn on top, presenter mode.
import { expect, test, type Page } from '@playwright/test';
import { openLab, waitIdle, watchConsole } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

/** The element's box lies inside the viewport. */
async function inView(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).first().boundingBox();
  const vp = page.viewportSize()!;
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height;
}

async function roundWithQueue(page: Page, query: string): Promise<void> {
  await openLab(page, query);
  await page.getByTestId('oracle-human').click();
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await expect(page.getByTestId('queue-card')).toHaveCount(6);
}

test('at 1280 x 720 the latent plot and the first queue card are on screen together, without scrolling', async ({ page }) => {
  const errors = watchConsole(page);
  await roundWithQueue(page, '?backend=wasm');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await inView(page, 'plot-latent')).toBe(true);
  expect(await inView(page, 'queue-card')).toBe(true);
  expect(errors).toEqual([]);
});

test('each numbered queued square is the topmost element at its point, and is that queued point', async ({ page }) => {
  await roundWithQueue(page, '?backend=wasm');
  const latent = page.getByTestId('card-latent');
  const marks = latent.getByTestId('queued-mark');
  await expect(marks).toHaveCount(6);
  const queue = (await page.evaluate(() => (window as unknown as { __lab: { state(): { queue: number[] } } }).__lab.state().queue));
  const seen: number[] = [];
  for (const m of await marks.all()) {
    const box = (await m.boundingBox())!;
    const hit = await page.evaluate(([x, y]) => {
      const el = document.elementFromPoint(x!, y!) as HTMLElement | null;
      return el ? { index: Number(el.dataset.index), text: el.textContent } : null;
    }, [box.x + box.width / 2, box.y + box.height / 2]);
    const index = Number(await m.getAttribute('data-index'));
    expect(hit).toEqual({ index, text: String(queue.indexOf(index) + 1) });
    seen.push(index);
  }
  expect(seen.sort((a, b) => a - b)).toEqual([...queue].sort((a, b) => a - b));
  // a key press fills the first square with the answer (an overlay change, not a redraw)
  const renders = await page.evaluate(() => (window as unknown as { __lab: { renders(): Record<string, number> } }).__lab.renders().latent);
  await page.keyboard.press('a');
  await expect(latent.locator(`[data-testid=queued-mark][data-index="${queue[0]}"]`)).toHaveCSS('background-color', 'rgb(213, 94, 0)');
  expect(await page.evaluate(() => (window as unknown as { __lab: { renders(): Record<string, number> } }).__lab.renders().latent)).toBe(renders);
});

test('reveal truth rings the points whose answer disagrees with the truth', async ({ page }) => {
  await roundWithQueue(page, '?backend=wasm');
  const queue = (await page.evaluate(() => (window as unknown as { __lab: { state(): { queue: number[] } } }).__lab.state().queue));
  // answer every card "normal": the rings go exactly on the queued true anomalies
  for (let k = 0; k < 6; k++) await page.keyboard.press('n');
  await expect(page.getByTestId('round-progress')).toHaveText('6 of 6 answered', { timeout: 20_000 });
  await expect(page.getByTestId('card-latent').getByTestId('ring-mark')).toHaveCount(0);
  await page.getByTestId('show-truth').check();
  // the history counts the disagreements; the plot rings exactly that many points, all of them queued ones
  const said = await page.getByTestId('disagreements').textContent();
  const wrong = Number(/(\d+) disagree/.exec(said ?? '')![1]);
  const rings = page.getByTestId('card-latent').getByTestId('ring-mark');
  await expect(rings).toHaveCount(wrong);
  const ringed = await rings.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.index)));
  for (const i of ringed) expect(queue).toContain(i);
  await expect(page.getByTestId('card-input').getByTestId('ring-mark')).toHaveCount(wrong);
});

test('presenter mode from the link: larger type, secondary panels hidden, sphere and queue still on screen; the toggle round-trips', async ({ page }) => {
  await roundWithQueue(page, '?backend=wasm&present=1');
  await expect(page.getByTestId('app')).toHaveAttribute('data-present', 'yes');
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(24);
  await expect(page.getByTestId('side-panel')).toBeHidden();
  await expect(page.getByTestId('card-learning')).toBeHidden();
  expect(await inView(page, 'plot-latent')).toBe(true);
  expect(await inView(page, 'queue-card')).toBe(true);
  // squares 1.5x the normal 28 px
  expect((await page.getByTestId('card-latent').getByTestId('queued-mark').first().boundingBox())!.width).toBe(42);
  await page.getByTestId('present-toggle').click();
  await expect(page).not.toHaveURL(/present=/);
  await expect(page.getByTestId('side-panel')).toBeVisible();
  await page.getByTestId('present-toggle').click();
  await expect(page).toHaveURL(/present=1/);
});
