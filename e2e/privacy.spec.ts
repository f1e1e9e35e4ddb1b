// The analyst's promise: her data never leaves the machine. Every request the page makes goes to its own origin.
import { expect, test } from '@playwright/test';
import { openLab, waitIdle, watchConsole } from './helpers';
import { chooseFile } from './dataHelpers';

test('the page requests nothing outside its own origin while importing, training and labelling', async ({ page, baseURL }) => {
  const errors = watchConsole(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.context().on('request', (r) => requests.push(r.url())); // the workers' requests too
  await openLab(page, '?backend=wasm');
  const rows = ['temp,pressure,flow,label'];
  for (let i = 0; i < 300; i++) rows.push(`${(20 + Math.sin(i)).toFixed(3)},${(1 + 0.1 * Math.cos(i * 7)).toFixed(3)},${i % 17},${i % 25 === 0 ? 1 : 0}`);
  await chooseFile(page, 'sensors.csv', new TextEncoder().encode(rows.join('\n')));
  await page.getByTestId('import-load').click();
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { n: number } } }).__lab.state().n === 300);
  await page.getByTestId('oracle-human').click();
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  for (const k of ['n', 'a', 'n']) await page.keyboard.press(k);
  await page.keyboard.press('Enter');
  await waitIdle(page, 2);
  const origin = new URL(baseURL!).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(requests.length).toBeGreaterThan(5);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});
