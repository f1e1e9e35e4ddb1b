// The import preview: every column with its kind, missing cells and action; the person's choices re-read the file.
import { expect, test } from '@playwright/test';
import { chooseFile, text } from './dataHelpers';
import { openLab, watchConsole } from './helpers';
import { nslKddLike, SENSOR_ARFF } from '../src/io/testing/fixtures';

test('an NSL-KDD-style CSV: text columns one-hot, label values normal / attacks; exclude a column, drop rows, load', async ({ page }) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm');
  // two empty cells in src_bytes so the missing-value choices show
  const csv = nslKddLike(300).replace('\n0,tcp,http,SF,200,', '\n0,tcp,http,SF,,').replace('\n1,udp,smtp,SF,237,', '\n1,udp,smtp,SF,,');
  await chooseFile(page, 'kdd.csv', text(csv));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('300 rows, 15 features, 30 anomalies');
  await expect(page.getByTestId('col-1')).toContainText('protocol_type');
  await expect(page.getByTestId('col-1')).toContainText('categorical (3 values)');
  await expect(page.getByTestId('col-action-1')).toHaveText('one-hot, 3 columns');
  await expect(page.getByTestId('col-4')).toContainText('2');
  await expect(page.getByTestId('col-action-4')).toContainText('number; missing -> median');
  await expect(page.getByTestId('col-action-7')).toHaveText('label');
  await expect(page.getByTestId('import-notices')).toContainText('Imputed missing values');
  await expect(page.getByTestId('anomaly-value')).toHaveValue('normal');
  await expect(page.getByTestId('value-means')).toHaveValue('normal');
  for (const [w, h] of [[1280, 720], [1920, 1080]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `screenshots/import-preview-${w}x${h}.png` });
  }
  // exclude duration: one feature fewer
  await page.getByTestId('col-use-0').click();
  await expect(page.getByTestId('col-action-0')).toHaveText('dropped: excluded');
  await expect(page.getByTestId('import-summary')).toContainText('300 rows, 14 features');
  // drop the rows with missing cells instead of imputing
  await page.getByTestId('missing-strategy').selectOption('drop-rows');
  await expect(page.getByTestId('import-summary')).toContainText('298 rows, 14 features');
  await expect(page.getByTestId('import-notices')).toContainText('Dropped 2 rows with missing values in src_bytes');
  await page.getByTestId('import-load').click();
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { n: number } } }).__lab.state().n === 298);
  await expect(page.getByTestId('data-summary')).toContainText('298 rows, 14 features');
  // the link carries the choices, not the file, and the share panel says so
  await expect.poll(() => new URL(page.url()).searchParams.get('prep')).toBe('drop:duration~missing:drop-rows');
  await expect(page.getByTestId('share-file-note')).toContainText('The link cannot carry your file (kdd.csv)');
  await expect(page.getByTestId('share-file-note')).toContainText('columns left out: duration; missing cells: rows dropped');
  // whoever opens the link and the same file gets the same matrix
  const other = await page.context().browser()!.newPage();
  await openLab(other, new URL(page.url()).search);
  await expect(other.getByTestId('link-notices')).toContainText('kdd.csv, which is not on this site');
  await chooseFile(other, 'kdd.csv', text(csv));
  await expect(other.getByTestId('import-summary')).toContainText('298 rows, 14 features');
  await expect(other.getByTestId('missing-strategy')).toHaveValue('drop-rows');
  await expect(other.getByTestId('col-action-0')).toHaveText('dropped: excluded');
  await expect(other.getByTestId('import-notices')).toContainText("The link's import choices were applied: columns left out: duration; missing cells: rows dropped.");
  await other.close();
  expect(errors).toEqual([]);
});

test('a bundled dataset with import choices in the link; a bad choice is reported and the defaults used', async ({ browser }) => {
  const open = async (query: string) => {
    const page = await browser.newPage();
    const errors = watchConsole(page);
    await openLab(page, query);
    return { page, errors };
  };
  const a = await open('?dataset=glass&prep=drop:RI,Na~missing:drop-rows&backend=wasm');
  await expect(a.page.getByTestId('data-summary')).toContainText('214 rows, 7 features');
  await expect(a.page.getByText('Import choices from the link: columns left out: RI, Na; missing cells: rows dropped.')).toBeVisible();
  await expect(a.page.getByTestId('share-prep-note')).toHaveText('The link carries the import choices: columns left out: RI, Na; missing cells: rows dropped.');
  expect(new URL(a.page.url()).searchParams.get('prep')).toBe('drop:RI,Na~missing:drop-rows');
  // another dataset from the picker starts from the defaults
  await a.page.getByTestId('dataset').selectOption('ionosphere');
  await expect(a.page.getByTestId('data-summary')).toContainText('351 rows, 33 features');
  expect(new URL(a.page.url()).searchParams.get('prep')).toBeNull();
  const b = await open('?dataset=glass&prep=label:nope&backend=wasm');
  await expect(b.page.getByTestId('data-summary')).toContainText('214 rows, 9 features');
  await expect(b.page.getByText('do not fit glass: There is no column "nope" to use as the label')).toBeVisible();
  const c = await open('?dataset=glass&prep=missing:guess&backend=wasm');
  await expect(c.page.getByTestId('link-notices')).toContainText("prep 'missing:guess': missing 'guess' is not one of impute, drop-rows, drop-columns; the default was used");
  for (const x of [a, b, c]) {
    expect(x.errors).toEqual([]);
    await x.page.close();
  }
});

test('a Weka ARFF behind a 5 KB comment block: a date column can be included, a text label chosen', async ({ page }) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm');
  // twelve rows: the four of the fixture three times over
  const rows = SENSOR_ARFF.slice(SENSOR_ARFF.indexOf('@data'));
  const arff = SENSOR_ARFF + rows.split('\n').slice(2).join('\n') + rows.split('\n').slice(2).join('\n');
  await chooseFile(page, 'sensor.arff', text(arff));
  await expect(page.getByTestId('import-summary')).toContainText('ARFF: 12 rows, 9 features, 3 anomalies');
  await expect(page.getByTestId('col-3')).toContainText('date');
  await expect(page.getByTestId('col-action-3')).toHaveText('dropped: a date (include to use)');
  await page.getByTestId('col-use-3').click();
  await expect(page.getByTestId('col-action-3')).toHaveText('seconds since 1970');
  await expect(page.getByTestId('import-summary')).toContainText('12 rows, 10 features');
  // a text column as the label: three values, so the page asks which one means anomaly
  await page.getByTestId('label-column').selectOption('mode');
  await expect(page.getByTestId('import-error')).toHaveAttribute('data-code', 'LABEL_NOT_BINARY');
  await page.getByTestId('fix-anomaly-value').selectOption('off');
  await expect(page.getByTestId('import-summary')).toContainText('9 rows');
  await expect(page.getByTestId('import-summary')).toContainText('3 anomalies');
  await expect(page.getByTestId('import-notices')).toContainText('Dropped 3 rows whose label "mode" is missing');
  expect(errors).toEqual([]);
});
