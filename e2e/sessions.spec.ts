// Named sessions, the session file round trip, CSV/model exports, worker-crash restart, and the queue's sample views.
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, test } from '@playwright/test';
import { labState, openLab, waitIdle, watchConsole } from './helpers';
import { cardDecisions, historyRows, waitRestored, firstHumanRound } from './oracleHelpers';

test('export a session, import it into empty storage, and find the same labels, rounds and settings', async ({ page, browser }) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm&seed=3');
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await page.getByTestId('train-round').click(); // simulated answers for round 0
  await waitIdle(page, 2);
  await page.getByTestId('oracle-human').click();
  for (const k of ['a', 'n', 's']) await page.keyboard.press(k);
  await expect(page.getByTestId('round-progress')).toHaveText('3 of 6 answered');
  const before = { hist: await historyRows(page), cards: await cardDecisions(page), s: await labState(page) };

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-session').click()]);
  const file = await dl.path();
  expect(dl.suggestedFilename()).toMatch(/\.svdd-lab\.zip$/);
  const zip = unzipSync(new Uint8Array(readFileSync(file!)));
  expect(Object.keys(zip)).toContain('session.json');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-labels').click()]);
  const labels = readFileSync((await csv.path())!, 'utf8').trim().split('\n');
  expect(labels[0]).toBe('index,label,round,time');
  expect(labels.length).toBe(1 + 6 + 2); // six simulated labels, then an anomaly and a normal (the skip is left out)
  const [sc] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-scores').click()]);
  const scores = readFileSync((await sc.path())!, 'utf8').trim().split('\n');
  expect(scores[0]).toBe('index,stage_0,stage_1,truth,label');
  expect(scores.length).toBe(501);
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-model').click()]);
  const model = unzipSync(new Uint8Array(readFileSync((await md.path())!)));
  const mj = JSON.parse(strFromU8(model['model.json']!));
  expect(typeof mj.userDefinedMetadata.R).toBe('number');
  expect(mj.userDefinedMetadata.c.length).toBeGreaterThan(0);
  const floats = mj.weightsManifest[0].weights.reduce((a: number, w: { shape: number[] }) => a + w.shape.reduce((x, y) => x * y, 1), 0);
  expect(model['weights.bin']!.length).toBe(4 * floats);

  // a fresh browser context has empty storage: import the file there
  const ctx = await browser.newContext();
  const p2 = await ctx.newPage();
  const errors2 = watchConsole(p2);
  await openLab(p2, '?backend=wasm');
  await expect(p2.getByTestId('session-item')).toHaveCount(1);
  await p2.getByTestId('session-import-file').setInputFiles(file!);
  await waitRestored(p2);
  await expect(p2.getByTestId('session-notice')).toContainText('Imported session');
  const after = await labState(p2);
  expect(after.aurocs).toEqual(before.s.aurocs);
  expect(after.stages).toEqual(before.s.stages);
  expect(await historyRows(p2)).toEqual(before.hist);
  expect(await cardDecisions(p2)).toEqual(before.cards);
  await expect(p2.getByTestId('seed')).toHaveValue('3');
  await expect(p2.getByTestId('oracle-human')).toHaveAttribute('aria-pressed', 'true');
  await expect(p2.getByTestId('session-item')).toHaveCount(2);
  await ctx.close();
  expect(errors).toEqual([]);
  expect(errors2).toEqual([]);
});

test('named sessions: new, rename, switch, delete', async ({ page }) => {
  const errors = watchConsole(page);
  await firstHumanRound(page);
  await page.keyboard.press('a');
  await expect(page.getByTestId('round-progress')).toHaveText('1 of 6 answered');
  await page.getByTestId('session-rename').first().click();
  await page.getByTestId('session-name-input').fill('first <b>session</b>');
  await page.getByTestId('session-rename-save').click();
  await expect(page.getByTestId('session-name').first()).toHaveText('first <b>session</b>');

  await page.getByTestId('session-new').click();
  await expect(page.getByTestId('session-item')).toHaveCount(2);
  await expect(page.getByTestId('history-entry')).toHaveCount(0);
  // back to the first one: its label and round come back
  await page.locator('[data-testid=session-item]', { hasText: 'first' }).getByTestId('session-open').click();
  await waitRestored(page);
  await expect(page.getByTestId('history-entry')).toHaveCount(1);
  expect((await labState(page)).stages).toEqual([0]);
  page.on('dialog', (d) => void d.accept());
  await page.locator('[data-testid=session-item]:not(.current)').getByTestId('session-delete').click();
  await expect(page.getByTestId('session-item')).toHaveCount(1);
  await page.reload();
  await waitRestored(page);
  await expect(page.getByTestId('session-name')).toHaveText('first <b>session</b>');
  expect(errors).toEqual([]);
});

test('a worker crash mid-training restarts the worker and resumes from the last completed stage', async ({ page }) => {
  const errors = watchConsole(page);
  await firstHumanRound(page, '?backend=wasm&test');
  for (const k of ['a', 'n', 'n']) await page.keyboard.press(k);
  await expect(page.getByTestId('round-progress')).toHaveText('3 of 6 answered');
  await page.keyboard.press('Enter');
  await waitIdle(page, 2);
  await expect(page.getByTestId('round-progress')).toHaveText('0 of 6 answered');
  const before = await labState(page);
  await page.keyboard.press('n');
  await expect(page.getByTestId('round-progress')).toHaveText('1 of 6 answered');
  // armed before training starts: a round now takes tens of milliseconds, too short to aim a crash at from here
  await page.evaluate(() => (window as unknown as { __lab: { send(c: object): void } }).__lab.send({ type: 'debugCrash', atNextEpoch: true }));
  await page.getByTestId('submit-labels').click();
  await expect(page.getByTestId('session-notice')).toContainText('was restarted', { timeout: 30_000 });
  await waitRestored(page);
  const s = await labState(page);
  expect(s.stages.slice(0, 2)).toEqual(before.stages);
  expect(s.aurocs.slice(0, 2)).toEqual(before.aurocs);
  // the round 1 answer is still there; retraining goes on from the replayed model
  await expect(page.getByTestId('history-entry')).toHaveCount(4);
  await page.getByTestId('submit-labels').click();
  const s2 = await waitIdle(page, 3);
  expect(s2.labelled).toBe(4);
  expect(errors.filter((e) => !/Simulated worker crash/.test(e))).toEqual([]);
});

test('a worker that stops without a word is noticed and restarted like a crashed one', async ({ page }) => {
  const errors = watchConsole(page);
  await firstHumanRound(page, '?backend=wasm&test');
  for (const k of ['a', 'n']) await page.keyboard.press(k);
  await expect(page.getByTestId('round-progress')).toHaveText('2 of 6 answered');
  const before = await labState(page);
  // the worker closes itself: no error event, its messages simply stop (and commands sent to it are lost)
  await page.evaluate(() => (window as unknown as { __lab: { send(c: object): void } }).__lab.send({ type: 'debugStop' }));
  await expect(page.getByTestId('session-notice')).toContainText(/stopped \(no answer for \d+ s\) and was restarted/, { timeout: 60_000 });
  await waitRestored(page);
  const s = await labState(page);
  expect(s.stages).toEqual(before.stages);
  expect(s.aurocs).toEqual(before.aurocs);
  await expect(page.getByTestId('round-progress')).toHaveText('2 of 6 answered');
  await page.getByTestId('submit-labels').click();
  const s2 = await waitIdle(page, 2);
  expect(s2.labelled).toBe(2);
  expect(errors).toEqual([]);
});

test('without ?test the page offers no raw commands or sabotage hooks', async ({ page }) => {
  await openLab(page, '?backend=wasm');
  const hook = await page.evaluate(() => {
    const l = (window as unknown as { __lab: Record<string, unknown> }).__lab;
    return { send: typeof l.send, failNext: typeof l.failNext, state: typeof l.state };
  });
  expect(hook).toEqual({ send: 'undefined', failNext: 'undefined', state: 'function' });
});

for (const [dataset, kind] of [['optdigits-lite', 'image'], ['glass', 'tabular']] as const) {
  test(`the queue shows ${kind} samples (${dataset})`, async ({ page }) => {
    const errors = watchConsole(page);
    await openLab(page, `?backend=wasm&dataset=${dataset}&oracle=human`);
    await page.getByTestId('train-round').click();
    await waitIdle(page, 1, 150_000);
    const cards = page.getByTestId('queue-card');
    await expect(page.getByTestId('round-progress')).toHaveText(/^0 of \d+ answered$/);
    if (kind === 'image') {
      await expect(page.getByTestId('sample-image')).toHaveCount(await cards.count());
      const dims = await page.getByTestId('sample-image').first().evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]);
      expect(dims).toEqual([8, 8]);
    } else {
      await expect(page.getByTestId('sample-table').first()).toContainText(/[+-]\d\.\dσ/);
    }
    await page.keyboard.press('a');
    await page.getByTestId('queue-panel').screenshot({ path: `screenshots/queue-${kind}-${dataset}.png` });
    expect(errors).toEqual([]);
  });
}
