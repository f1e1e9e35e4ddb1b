// A pool over 8000 points is painted: one image under the SVG traces; hover and box select still find its points.
import { expect, test } from '@playwright/test';
import { boxSelect, openLab, waitIdle, watchConsole } from './helpers';
import { chooseFile } from './dataHelpers';
import { table } from '../scripts/bench-table';

test('a 9000-row file: the latent cloud is one image, hovering it marks a point within 8 px, a box selects painted points', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm&k=5');
  await chooseFile(page, 'big-9000.csv', new TextEncoder().encode(table(9000, 3)));
  await page.getByTestId('import-load').click({ timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { n: number; busy: boolean } } }).__lab.state().n === 9000, null, { timeout: 60_000 });
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1, 150_000);
  const latent = page.getByTestId('plot-latent');
  // one layout image holds the cloud; no WebGL canvas was made
  await expect(latent.locator('image')).toHaveCount(1);
  expect((await latent.locator('image').getAttribute('href'))!.startsWith('data:image/png;base64,')).toBe(true);
  await expect(latent.locator('canvas.gl-canvas')).toHaveCount(0);
  // the legend counts the painted points: 9000 less the 5 queued
  await expect(latent.locator('.legendtext').filter({ hasText: 'unlabelled (8995)' })).toHaveCount(1);

  // hover: sweep the middle of the plot until a painted point is marked, then it lies within 8 px of the pointer
  await latent.scrollIntoViewIfNeeded();
  const box = (await latent.locator('.nsewdrag').first().boundingBox())!;
  // the marks' data-x, data-y: the point's pixel in the plot div
  const plotBox = (await latent.boundingBox())!;
  let hit: { index: number; dx: number; dy: number } | null = null;
  for (let k = 0; k < 40 && !hit; k++) {
    const x = box.x + box.width * (0.3 + 0.4 * ((k * 7) % 40) / 40);
    const y = box.y + box.height * (0.3 + 0.4 * ((k * 13) % 40) / 40);
    await page.mouse.move(x, y);
    await page.waitForTimeout(60);
    // the overlay's marks sit beside the plot div, in its card
    const mark = page.getByTestId('card-latent').getByTestId('hover-mark');
    if (await mark.count()) {
      const [px, py] = [Number(await mark.getAttribute('data-x')), Number(await mark.getAttribute('data-y'))];
      hit = { index: Number(await mark.getAttribute('data-index')), dx: x - plotBox.x - px, dy: y - plotBox.y - py };
    }
  }
  expect(hit).not.toBeNull();
  expect(Math.hypot(hit!.dx, hit!.dy)).toBeLessThanOrEqual(8 + 1.5);
  expect(hit!.index).toBeGreaterThanOrEqual(0);
  expect(hit!.index).toBeLessThan(9000);
  // plotly has no hover label for pixels: the ring carries the point's line
  await expect(page.getByTestId('card-latent').getByTestId('hover-mark')).toHaveText(new RegExp(`^point ${hit!.index}\\s+score [0-9.e-]+ · rank \\d+ of 9000\\s+(unlabelled|queued #\\d), truth: (normal|anomaly)$`));

  await page.screenshot({ path: 'screenshots/painted-hover.png' });

  // box select over the middle: painted points are picked by position
  await boxSelect(page, 'latent', 0.4, 0.6, 6);
  const bar = page.getByTestId('selection-bar');
  await expect(bar).toBeVisible();
  const n = Number(await bar.getAttribute('data-count'));
  console.log(`box over the painted cloud picked ${n} points`);
  expect(n).toBeGreaterThan(10);
  expect(n).toBeLessThan(9000);
  await page.screenshot({ path: 'screenshots/painted-select.png' });
  expect(errors).toEqual([]);
});
