// "Score a file with this model": the training file scores as the lab scored it; a new file gives ranks, R and a CSV.
import { expect, test } from '@playwright/test';
import { chooseFile, text } from './dataHelpers';
import { openLab, waitIdle, watchConsole } from './helpers';

function plant(rows: number, extra = false): string {
  const lines = [`color,vent,temp,load,label${extra ? ',note' : ''}`];
  for (let i = 0; i < rows; i++) {
    const a = i % 10 === 7;
    const temp = a ? 40 + (i % 5) : 20 + ((i * 7) % 11) / 2;
    lines.push([['red', 'blue', 'green'][i % 3], i % 4 === 0 ? 'yes' : 'no', temp, i % 13 === 5 ? '' : ((i * 3) % 17) / 4, a ? 1 : 0, ...(extra ? [`n${i}`] : [])].join(','));
  }
  return lines.join('\n') + '\n';
}

test('score the training file and a new one with the trained model', async ({ page }) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm&loss=soft_boundary&query=random');
  await chooseFile(page, 'plant.csv', text(plant(120)));
  await page.getByTestId('import-load').click();
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { n: number } } }).__lab.state().n === 120);
  await expect(page.getByTestId('score-file')).toBeDisabled();
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  const lab = await page.evaluate(() => (window as unknown as { __lab: { scores(): number[] } }).__lab.scores());
  // the training file itself: the same scores, bit for bit (improved mode keeps the file's row order)
  await page.getByTestId('score-input').setInputFiles({ name: 'plant.csv', mimeType: 'text/csv', buffer: Buffer.from(plant(120)) });
  await expect(page.getByTestId('score-dialog')).toBeVisible();
  await expect(page.getByTestId('score-summary')).toContainText('120 rows scored');
  const download = page.waitForEvent('download');
  await page.getByTestId('score-download').click();
  const csv = await (await download).path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')));
  const scored = csv.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
  expect(scored.map((s) => Math.fround(s))).toEqual(lab.map((s) => Math.fround(s)));
  await page.getByTestId('score-close').click();
  // a new file with an extra column: scored, the extra column named
  await page.getByTestId('score-input').setInputFiles({ name: 'tomorrow.csv', mimeType: 'text/csv', buffer: Buffer.from(plant(30, true)) });
  await expect(page.getByTestId('score-summary')).toContainText('30 rows scored');
  await expect(page.getByTestId('score-notices')).toContainText('Ignored 2 columns the model does not use: "label", "note".');
  await expect(page.getByTestId('score-top').locator('tbody tr')).toHaveCount(10);
  await expect(page.getByTestId('score-hist')).toBeVisible();
  for (const [w, h] of [[1280, 720], [1920, 1080]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `screenshots/score-file-${w}x${h}.png` });
  }
  await page.getByTestId('score-close').click();
  // missing columns: a clear message, nothing else changes
  await page.getByTestId('score-input').setInputFiles({ name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,4\n') });
  await expect(page.getByTestId('score-error')).toContainText('other.csv lacks 4 columns the model was trained on: "color", "vent", "temp", "load"');
  expect(errors).toEqual([]);
});
