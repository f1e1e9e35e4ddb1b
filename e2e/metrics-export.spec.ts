// The metrics table of the open session: the metrics CSV button and the session file's metrics.csv agree with the lab's AUROCs.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { openLab, waitIdle, watchConsole } from './helpers';

test('metrics CSV: a row per stage, the curve summaries, and the same table inside the session file', async ({ page }) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm&seed=2');
  await expect(page.getByTestId('export-metrics')).toBeDisabled();
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await page.getByTestId('train-round').click(); // the simulated oracle answers round 0's queue
  const s = await waitIdle(page, 2);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-metrics').click()]);
  expect(dl.suggestedFilename()).toBe('metrics.csv');
  const csv = readFileSync((await dl.path())!, 'utf8');
  const rows = csv.trim().split('\n').map((l) => l.split(','));
  expect(rows[0]).toEqual(['row', 'stage', 'labels', 'found', 'precision', 'auroc', 'ap', 'auroc_unlabelled', 'pauc_0.05', 'distinct_scores', 'collapsed']);
  expect(rows.slice(1).map((r) => r[0])).toEqual(['stage', 'stage', 'summary:start', 'summary:end', 'summary:area', 'summary:ramp_up']);
  expect(rows.slice(1, 3).map((r) => Number(r[5]))).toEqual(s.aurocs);
  // stage 0 trains without labels; stage 1 after round 0's queue, each label counted and the anomalies among them
  expect(rows[1]!.slice(1, 5)).toEqual(['0', '0', '0', '']);
  const [labels, found, precision] = rows[2]!.slice(2, 5).map(Number);
  expect(labels).toBeGreaterThan(0);
  expect(precision).toBeCloseTo(found! / labels!, 12);
  expect(Number(rows[6]![5])).toBeCloseTo(s.aurocs[1]! - s.aurocs[0]!, 12);

  const [sf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-session').click()]);
  const zip = unzipSync(new Uint8Array(readFileSync((await sf.path())!)));
  expect(strFromU8(zip['metrics.csv']!)).toBe(csv);
  expect(errors).toEqual([]);
});
