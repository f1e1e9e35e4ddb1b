// Importing the user's own files: bad files are refused with their message and change nothing; good ones load and train.
import { expect, test } from '@playwright/test';
import { closeSync, openSync, readFileSync, ftruncateSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { labState, openLab, waitIdle, watchConsole } from './helpers';
import { chooseFile, dropFile, expectImportError, gaussian, oddsMat, text } from './dataHelpers';
import { writeNpy, writeNpz } from '../src/io/testing/npyWriter';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));

test('bad files are refused one by one with their own message; the ring data stays; then cardio.mat loads', async ({ page }, info) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm');
  // train a round first: a refused file must not lose it
  await page.getByTestId('train-round').click();
  const before = await waitIdle(page, 1);

  const small = oddsMat(40, 3, 4);
  const npz = writeNpz({ 'X.npy': writeNpy(Array.from({ length: 30 }, (_, i) => i % 7), [10, 3]), 'y.npy': writeNpy([0, 0, 0, 0, 0, 0, 0, 0, 1, 1], [10]) }, true);
  const corrupt = small.slice();
  for (let i = 140; i < corrupt.length; i++) corrupt[i] = (corrupt[i]! * 31 + 7) & 255;
  const garbage = new Uint8Array(4000);
  let s = 1;
  for (let i = 0; i < garbage.length; i++) garbage[i] = (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24;
  const bad: Array<[string, Uint8Array, string, RegExp]> = [
    ['empty.csv', new Uint8Array(0), 'EMPTY', /empty\.csv is empty/],
    ['header-only.csv', fixture('header-only.csv'), 'HEADER_ONLY', /header .* but no data rows/],
    ['ragged.csv', fixture('ragged.csv'), 'RAGGED', /Row 4 has 3 cells but the header has 4/],
    ['non-numeric.arff', text('@relation r\n@attribute temp numeric\n@attribute pressure numeric\n@data\n1.5,2\n3.1,abc\n2.2,4\n'), 'NON_NUMERIC', /Row 6, column "pressure" holds "abc"/],
    ['inf.csv', text('a,b\n1,2\n-Inf,3\n4,5\n'), 'NOT_FINITE', /Row 3, column "a" holds "-Inf", which is not a finite number/],
    ['single-row.csv', fixture('single-row.csv'), 'SINGLE_ROW', /only one data row/],
    ['duplicate-header.csv', fixture('duplicate-header.csv'), 'DUPLICATE_HEADER', /names both column 1 and column 2 "a"/],
    ['empty-header.csv', fixture('empty-header.csv'), 'EMPTY_HEADER', /gives column 2 no name/],
    ['label-not-binary.csv', fixture('label-not-binary.csv'), 'LABEL_NOT_BINARY', /holds 3 different values/],
    ['truncated.mat', small.slice(0, Math.floor(small.length * 0.6)), 'TRUNCATED', /\.mat file is cut short/],
    ['corrupt.mat', corrupt, 'CORRUPT', /\.mat file is damaged/],
    ['truncated.npz', npz.slice(0, npz.length - 40), 'TRUNCATED', /\.npz file is cut short/],
    ['cardio.mat', text('<!DOCTYPE html><html><body>Login required</body></html>\n'), 'WRONG_EXTENSION', /looks like a web page/],
    ['garbage.csv', garbage, 'BINARY_GARBAGE', /does not hold text/],
  ];
  let k = 0;
  for (const [name, bytes, code, message] of bad) {
    // alternate the two ways in: drag-and-drop and the file picker
    if (k++ % 2 === 0) await dropFile(page, name, bytes);
    else await chooseFile(page, name, bytes);
    await expectImportError(page, code, message);
    await expect(page.getByTestId('import-error')).toContainText(`${name} was not loaded`);
    await expect(page.getByTestId('import-dialog')).toHaveCount(0);
    const st = await labState(page);
    expect(st.dataset).toBe('ring');
    expect(st.n).toBe(500);
    expect(st.stages).toEqual(before.stages);
    expect(st.error).toBeNull();
    if (name === 'non-numeric.arff') await page.screenshot({ path: 'screenshots/import-error.png' });
  }
  // a file beyond the size limit is refused before it is read (a sparse file: no disk used)
  const huge = info.outputPath('huge.csv');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 301 * 1024 * 1024);
  closeSync(fd);
  await page.getByTestId('file-input').setInputFiles(huge);
  await expectImportError(page, 'TOO_LARGE', /huge\.csv is 301 MB; the largest file this page loads is 300 MB/);
  expect((await labState(page)).dataset).toBe('ring');

  // the label problem offers a fix: choose the anomaly value, and the file loads
  await chooseFile(page, 'label-not-binary.csv', fixture('label-not-binary.csv'));
  await expectImportError(page, 'LABEL_NOT_BINARY', /holds 3 different values/);
  await page.getByTestId('fix-anomaly-value').selectOption('z');
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('4 rows, 2 features, 1 anomalies');
  await page.getByTestId('import-cancel').click();
  expect((await labState(page)).dataset).toBe('ring');

  // the good file: an ODDS-style cardio.mat, recognised by its name
  await dropFile(page, 'cardio.mat', oddsMat(1831, 21, 176));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await expect(page.getByTestId('import-summary')).toContainText('MATLAB v5 .mat: 1831 rows, 21 features, 176 anomalies');
  await expect(page.getByTestId('import-recognised')).toContainText("Recognised as the paper's Cardiotocography (ODDS) (the same size as the ODDS file)");
  await expect(page.getByTestId('import-recognised')).toContainText('network 21 → 32 → 16 → 8, batch 128, 18 queries a round');
  await expect(page.getByTestId('label-column')).toHaveValue('y');
  await page.screenshot({ path: 'screenshots/import-dialog-cardio.png' });
  await page.getByTestId('import-load').click();
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { dataset: string; n: number } } }).__lab.state().n === 1831);
  await expect(page.getByTestId('data-summary')).toHaveText('1831 rows, 21 features, 176 anomalies');
  await expect(page.getByTestId('file-facts')).toContainText('18 queries a round');
  expect((await labState(page)).dataset).toBe('cardio.mat');
  await expect(page.getByTestId('dataset')).toHaveValue('cardio.mat');
  expect(new URL(page.url()).searchParams.get('dataset')).toBe('cardio.mat');
  await page.getByTestId('train-round').click();
  const st = await waitIdle(page, 1);
  expect(st.queue.length).toBe(18);
  expect(st.aurocs[0]!).toBeGreaterThan(0.6);
  // switching back to a built-in set and to the file again works from the picker
  await page.getByTestId('dataset').selectOption('ring');
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { n: number; dataset: string } } }).__lab.state().dataset === 'ring');
  await page.getByTestId('dataset').selectOption('cardio.mat');
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { n: number } } }).__lab.state().n === 1831);
  expect(errors).toEqual([]);
});

test('a CSV without labels: constant column dropped with a notice, only the person answers, no AUROC', async ({ page }) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm');
  await chooseFile(page, 'sensors.csv', fixture('sensors.csv'));
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('200 rows, 5 features, no labels');
  await expect(page.getByTestId('label-column')).toHaveValue('');
  await expect(page.getByTestId('import-notices')).toContainText('status_const');
  await expect(page.getByTestId('import-nolabels')).toContainText('AUROC is not shown');
  await page.getByTestId('import-load').click();
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { n: number } } }).__lab.state().n === 200);
  await expect(page.getByTestId('data-summary')).toHaveText('200 rows, 5 features, no labels');
  await expect(page.getByTestId('oracle')).toHaveValue('human');
  await page.getByTestId('train-round').click();
  const s = await waitIdle(page, 1);
  expect(s.aurocs).toEqual([null]);
  expect(s.queue.length).toBe(6);
  await expect(page.getByTestId('auroc')).toHaveText('–');
  expect(errors).toEqual([]);
});

test('a feature named like an HTML tag is shown as text and never runs', async ({ page }) => {
  const errors = watchConsole(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openLab(page, '?backend=wasm');
  await dropFile(page, 'xss.csv', fixture('xss.csv'));
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await expect(page.getByTestId('feature-names')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.getByTestId('label-column').locator('option', { hasText: '<img src=x onerror=alert(1)>' })).toHaveCount(1);
  await page.getByTestId('import-load').click();
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { n: number } } }).__lab.state().n === 300);
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await page.waitForTimeout(800);
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('NSL-KDD-sized data (126k x 41) loads, trains and plots without freezing the page', async ({ page }, info) => {
  test.setTimeout(600_000);
  const errors = watchConsole(page);
  // a synthetic file of NSL-KDD's size, written to disk (too big for an in-memory upload)
  const n = 125973;
  const d = 41;
  const g = gaussian(11);
  const lines: string[] = [[...Array.from({ length: d }, (_, j) => `f${j + 1}`), 'label'].join(',')];
  for (let i = 0; i < n; i++) {
    const a = i % 100 < 46;
    const row: string[] = [];
    for (let j = 0; j < d; j++) row.push((g() + (a && j % 3 === 0 ? 3 : 0)).toFixed(3));
    row.push(a ? '1' : '0');
    lines.push(row.join(','));
  }
  const path = info.outputPath('nslkdd.csv');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, lines.join('\n'));

  await openLab(page, '?backend=wasm');
  await page.getByTestId('file-input').setInputFiles(path);
  // the worker reports how far it has got; the page shows it
  await expect(page.getByTestId('import-percent')).toHaveText(/^\d+% \((decoding|parsing|profiling|encoding)\)$/, { timeout: 60_000 });
  await expect(page.getByTestId('import-dialog')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('import-summary')).toContainText(`${n} rows, ${d} features`);
  await expect(page.getByTestId('import-recognised')).toContainText('batch 1024, 1259 queries a round');
  await page.getByTestId('import-load').click();
  await page.waitForFunction((k) => (window as unknown as { __lab: { state(): { n: number } } }).__lab.state().n === k, n, { timeout: 120_000 });
  await page.getByTestId('train-round').click();
  const s = await waitIdle(page, 1, 500_000);
  expect(Number.isFinite(s.aurocs[0]!)).toBe(true);
  expect(s.queue.length).toBe(1259);
  // the timings (parse, load, round, restore, longest main-thread tasks) are figures: npm run bench:large
  await page.screenshot({ path: 'screenshots/large-data.png' });
  expect(errors).toEqual([]);
});
