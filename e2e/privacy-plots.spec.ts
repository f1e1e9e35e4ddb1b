// No control sends a byte off the origin: every modebar button clicked, every plot hovered; markup in user text stays text.
import { expect, test } from '@playwright/test';
import { openLab, waitIdle, watchConsole } from './helpers';
import { chooseFile } from './dataHelpers';

const HOST = 'http://127.0.0.2:9';

test('markup in a feature name, a file name and the learning-curve label creates no element and no request; every modebar button and plot stays local', async ({ page, baseURL }) => {
  const errors = watchConsole(page);
  const requests: string[] = [];
  page.context().on('request', (r) => requests.push(r.url()));
  await openLab(page, '?backend=wasm');
  // a 2-D file whose header would style plotly's axis titles with a remote cursor image
  const a = `<span style="cursor:url(${HOST}/c.png),auto">s1</span>`;
  const b = `<b><a href="${HOST}/x">s2</a></b>`;
  const csvField = (t: string) => `"${t.replace(/"/g, '""')}"`;
  const rows = [`${csvField(a)},${csvField(b)},label`];
  for (let i = 0; i < 200; i++) rows.push(`${Math.cos(i).toFixed(3)},${Math.sin(i * 1.3).toFixed(3)},${i % 20 === 0 ? 1 : 0}`);
  await chooseFile(page, `<img src=${HOST}/f.png>.csv`, new TextEncoder().encode(rows.join('\n')));
  await page.getByTestId('import-load').click();
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { n: number } } }).__lab.state().n === 200);
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await page.waitForTimeout(800);
  // the names are drawn as text: the axis title reads as typed, and no tag of it became an element
  await expect(page.getByTestId('plot-input').locator('.xtitle')).toHaveText(a);
  for (const sel of ['span[style*="cursor"]', 'a[href*="127.0.0.2"]', 'img[src*="127.0.0.2"]', 'tspan[style*="cursor"]']) {
    await expect(page.locator(sel)).toHaveCount(0);
  }
  // hover every plot across its area, then click every modebar button of every plot
  for (const id of ['latent', 'input', 'learning', 'histogram']) {
    const plot = page.getByTestId(`plot-${id}`);
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    for (const [fx, fy] of [[0.3, 0.3], [0.5, 0.5], [0.7, 0.6]]) await page.mouse.move(box.x + box.width * fx!, box.y + box.height * fy!);
    const buttons = plot.locator('.modebar-btn');
    const n = await buttons.count();
    expect(n).toBeGreaterThan(3);
    const titles: string[] = [];
    for (let k = 0; k < n; k++) {
      await plot.hover();
      const btn = buttons.nth(k);
      titles.push((await btn.getAttribute('data-title')) ?? '');
      await btn.click({ force: true });
      await page.waitForTimeout(150);
    }
    // no share/cloud/JSON/logo buttons on any plot
    expect(titles.filter((t) => /share|cloud|json|plotly|chart studio/i.test(t))).toEqual([]);
    await page.keyboard.press('Escape');
  }
  await page.waitForTimeout(1000);
  const origin = new URL(baseURL!).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});
