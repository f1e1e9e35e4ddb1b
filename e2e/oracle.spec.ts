// The human oracle end to end (wasm): keyboard labelling, undo, retrain, reload restore, plot box-select, oracle switch.
import { expect, test } from '@playwright/test';
import { boxSelect, labState, openLab, waitIdle, watchConsole } from './helpers';
import { cardDecisions, historyRows, waitRestored, firstHumanRound } from './oracleHelpers';

test('a full round with the keyboard only, undo, retrain, then a reload restores labels, history and rounds', async ({ page }) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm');
  await page.getByTestId('oracle-human').click();
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  const cards = page.getByTestId('queue-card');
  await expect(cards).toHaveCount(6);
  await expect(page.getByTestId('round-progress')).toHaveText('0 of 6 answered');
  await expect(page.getByTestId('key-help')).toContainText('normal');

  // six answers, one undo, one more answer: the undone card is answered again
  for (const k of ['n', 'a', 'n', 's', 'n', 'n']) await page.keyboard.press(k);
  await expect(page.getByTestId('round-progress')).toHaveText('6 of 6 answered');
  await page.keyboard.press('u');
  await expect(page.getByTestId('round-progress')).toHaveText('5 of 6 answered');
  await page.keyboard.press('a');
  await expect(page.getByTestId('round-progress')).toHaveText('6 of 6 answered');
  expect((await cardDecisions(page)).map((d) => d.split('=')[1])).toEqual(['normal', 'anomaly', 'normal', 'skip', 'normal', 'anomaly']);
  await expect(page.getByTestId('history-entry')).toHaveCount(6);
  await expect(page.getByTestId('count-normal')).toHaveText('3');
  await expect(page.getByTestId('count-anomaly')).toHaveText('2');
  await expect(page.getByTestId('count-skip')).toHaveText('1');

  // the arrows move the cursor; Enter retrains with the five labels (the skip stays unlabelled)
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('[data-testid=queue-card].current')).toHaveCount(1);
  await page.keyboard.press('Enter');
  let s = await waitIdle(page, 2);
  expect(s.labelled).toBe(5);
  expect(s.stage).toBe(1);
  await expect(page.getByTestId('round-progress')).toHaveText('0 of 6 answered');
  // two answers of the next round, then the page is reloaded
  await page.keyboard.press('n');
  await page.keyboard.press('a');
  await expect(page.getByTestId('round-progress')).toHaveText('2 of 6 answered');
  const before = { hist: await historyRows(page), cards: await cardDecisions(page), aurocs: s.aurocs, stages: s.stages };
  expect(before.hist.length).toBe(8);

  const t0 = Date.now();
  await page.reload();
  await openLab(page, '?backend=wasm').catch(() => undefined);
  await waitRestored(page);
  console.log(`reload -> restored and model replayed in ${Date.now() - t0} ms`);
  s = await labState(page);
  expect(s.stages).toEqual(before.stages);
  expect(s.aurocs).toEqual(before.aurocs);
  expect(s.stage).toBe(1);
  expect(s.nextPhase).toBe('label');
  expect(await historyRows(page)).toEqual(before.hist);
  expect(await cardDecisions(page)).toEqual(before.cards);
  await expect(page.getByTestId('round-progress')).toHaveText('2 of 6 answered');
  await expect(page.getByTestId('oracle-human')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('session-notice')).toContainText('8 decisions, 2 round results');

  // the replayed model continues: finish the round and retrain
  for (const k of ['n', 'n', 'n', 'n']) await page.keyboard.press(k);
  await page.keyboard.press('Enter');
  s = await waitIdle(page, 3);
  expect(s.labelled).toBe(11);
  await page.screenshot({ path: 'screenshots/oracle-after-restore.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('box-select on the input plot labels several points at once', async ({ page }) => {
  const errors = watchConsole(page);
  await firstHumanRound(page);
  await page.waitForTimeout(1500);
  // plotly's box-select tool, then a drag over the middle of the plot
  await boxSelect(page, 'input', 0.42, 0.58);
  const bar = page.getByTestId('selection-bar');
  await expect(bar).toBeVisible();
  const n = Number(await bar.getAttribute('data-count'));
  console.log(`box-select picked ${n} points`);
  expect(n).toBeGreaterThan(1);
  await page.screenshot({ path: 'screenshots/oracle-box-select.png' });
  await page.getByTestId('select-normal').click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('count-normal')).toHaveText(String(n));
  await expect(page.getByTestId('history')).toContainText(`(${n} decisions)`);
  const sources = await page.locator('[data-testid=history-entry] td:nth-child(5)').allTextContents();
  expect(sources.length).toBe(Math.min(n, 30));
  expect(new Set(sources)).toEqual(new Set(['plot']));
  // the picked points go to the engine with the round's answers
  await page.getByTestId('submit-labels').click();
  const s = await waitIdle(page, 2);
  expect(s.labelled).toBe(n);
  expect(errors).toEqual([]);
});

test('the human / simulated switch: who answers the queue, and reveal truth in human mode', async ({ page }) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm');
  await expect(page.getByTestId('oracle-simulated')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await expect(page.getByTestId('queue')).toContainText('answered by the simulated oracle');
  await expect(page.getByTestId('submit-labels')).toHaveCount(0);
  // keys do nothing for the simulated oracle
  await page.keyboard.press('n');
  await expect(page.getByTestId('history-entry')).toHaveCount(0);
  await page.getByTestId('train-round').click();
  let s = await waitIdle(page, 2);
  expect(s.labelled).toBe(6);
  // the simulated answers are recorded in the history too
  await expect(page.locator('[data-testid=history-entry] td:nth-child(5)', { hasText: 'simulated' })).toHaveCount(6);

  // human: answer every card 'normal', reveal truth shows disagreements
  await page.getByTestId('oracle-human').click();
  await expect(page.getByTestId('queue')).toContainText('Answer the numbered points');
  for (let k = 0; k < 6; k++) await page.keyboard.press('n');
  await expect(page.getByTestId('round-progress')).toHaveText('6 of 6 answered');
  await page.getByTestId('reveal-truth').check();
  const truthOfQueue = await page.evaluate(() => {
    const st = (window as unknown as { __lab: { state(): { queue: number[] } } }).__lab.state();
    return st.queue.length;
  });
  expect(truthOfQueue).toBe(6);
  await expect(page.getByTestId('disagreements')).toContainText('disagree with the ground truth');
  const wrongCards = await page.locator('[data-testid=queue-card].wrong').count();
  const wrongText = await page.getByTestId('disagreements').textContent();
  expect(wrongText).toContain(`${wrongCards} disagree`);
  console.log(`reveal truth: ${wrongCards} of 6 'normal' answers disagree with the truth`);
  await page.screenshot({ path: 'screenshots/oracle-reveal-truth.png' });
  await page.keyboard.press('Enter');
  s = await waitIdle(page, 3);
  expect(s.labelled).toBe(12);
  expect(errors).toEqual([]);
});
