// The lab page end to end (wasm backend): rounds with the simulated oracle, plots, AUROC, stepper, long tasks.
import { expect, test } from '@playwright/test';
import { byMeta, labState, labTraces, openLab, waitIdle, waitPhase, watchConsole } from './helpers';

test('opens on the default 2-D dataset, trains rounds, and the plots hold the expected traces', async ({ page }) => {
  const errors = watchConsole(page);
  const t0 = Date.now();
  const s0 = await openLab(page, '?backend=wasm');
  console.log(`lab ready (backend chosen, data loaded, plotting library loaded) after ${Date.now() - t0} ms`);
  expect(s0.dataset).toBe('ring');
  expect(s0.n).toBe(500);
  expect(s0.backend).toBe('wasm');
  await expect(page.getByTestId('data-summary')).toHaveText('500 rows, 2 features, 40 anomalies');

  // round 1: train stage 0, score, query
  const r0 = Date.now();
  await page.getByTestId('train-round').click();
  let s = await waitIdle(page, 1);
  console.log(`interactive round 1 on ring (500 rows, wasm): ${Date.now() - r0} ms`);
  expect(s.nextPhase).toBe('label');
  expect(s.queue.length).toBe(6);
  await expect(page.getByTestId('auroc')).toHaveText(/^0\.\d{3}$/);

  const tr = await labTraces(page);
  // latent: R circle, ABS circle, 4 point states, truth, hover, far points, centre, and the queue drawn last (on top)
  expect(tr.latent!.map((t) => t.meta)).toEqual(['circle', 'circle', 'unlabelled', 'pseudo', 'normal', 'anomaly', 'truth', 'hover', 'far', 'centre', 'queued']);
  const pointsIn = (ts: typeof tr.latent) => ['unlabelled', 'pseudo', 'normal', 'anomaly', 'queued'].reduce((a, m) => a + byMeta(ts, m)!.points, 0);
  expect(pointsIn(tr.latent)).toBe(500);
  expect(byMeta(tr.latent, 'queued')!.points).toBe(6);
  expect(byMeta(tr.latent, 'circle')).toBeDefined();
  // input plane: the score field image (64 x 64 grid) under a boundary line, the same 500 points
  expect(byMeta(tr.input, 'field')).toBeDefined();
  expect(byMeta(tr.input, 'boundary')!.points).toBeGreaterThan(6);
  await expect(page.locator('[data-testid=plot-input] svg image')).toHaveCount(1);
  expect(pointsIn(tr.input)).toBe(500);
  // histogram: every score once
  expect(['unlabelled', 'normal', 'anomaly'].reduce((a, m) => a + byMeta(tr.histogram, m)!.points, 0)).toBe(500);
  // learning curve: AUROC and AP of the current run, one point so far
  expect(tr.learning!.map((t) => t.meta)).toEqual(['auroc:current', 'ap:current']);
  expect(tr.learning![0]!.points).toBe(1);
  // loss: 40 autoencoder epochs + 25 one-class epochs (interactive preset)
  // the loss chart takes the log up to 250 ms after the last epoch (LossView throttles it): wait for it
  await expect.poll(async () => byMeta((await labTraces(page)).loss, 'pretrain')?.points).toBe(40);
  expect(byMeta((await labTraces(page)).loss, 'train')!.points).toBe(25);

  // three more rounds with the simulated oracle: AUROC rises
  const r1 = Date.now();
  await page.getByTestId('rounds').fill('3');
  await page.getByTestId('run-rounds').click();
  s = await waitIdle(page, 4);
  console.log(`3 more interactive rounds: ${Date.now() - r1} ms; AUROC by stage ${s.aurocs.map((a) => a!.toFixed(3)).join(' ')}`);
  // main-thread task lengths are figures of `npm run bench:page`, not assertions here (a busy machine would fail them)
  expect(s.aurocs.length).toBe(4);
  expect(s.aurocs[3]!).toBeGreaterThan(s.aurocs[0]!);
  expect(s.labelled).toBe(18);
  const tr2 = await labTraces(page);
  expect(tr2.learning![0]!.points).toBe(4);
  const labelled = byMeta(tr2.latent, 'normal')!.points + byMeta(tr2.latent, 'anomaly')!.points;
  expect(labelled).toBe(18);

  // hover one point: the info line and every point view's highlight
  await page.evaluate(() => (window as unknown as { __lab: { hover(i: number): void } }).__lab.hover(7));
  await expect(page.getByTestId('hover-info')).toContainText('point 7');
  await expect(page.getByTestId('hover-info')).toContainText(/rank \d+ of 500/);

  // ground truth overlay
  await page.getByTestId('show-truth').check();
  await page.waitForTimeout(500);
  const tr3 = await labTraces(page);
  expect(byMeta(tr3.latent, 'truth')!.points).toBe(40);
  expect(byMeta(tr3.latent, 'truth')!.visible).toBe(true);

  await page.screenshot({ path: 'screenshots/lab-after-4-rounds.png', fullPage: true });
  await page.getByTestId('card-latent').screenshot({ path: 'screenshots/latent.png' });
  await page.getByTestId('card-input').screenshot({ path: 'screenshots/input.png' });
  expect(errors).toEqual([]);
});

test('the stage stepper walks through every stage with its sentence', async ({ page }) => {
  const errors = watchConsole(page);
  await openLab(page, '?backend=wasm');
  const expected: Array<[string, RegExp]> = [
    ['pretrain', /autoencoder/],
    ['center', /centre c/],
    ['train', /pulls normal/],
    ['score', /anomaly score/],
    ['query', /query strategy/],
    ['label', /oracle answers/],
  ];
  // every stage from "centre" on changes what the latent view draws (its data differ from the previous stage's)
  const latentData = async () => (await labTraces(page)).latent?.map((t) => `${t.meta}:${t.points}:${t.sig}`).join(' ') ?? null;
  let before: string | null = null;
  for (const [phase, sentence] of expected) {
    await expect(page.getByTestId(`stage-${phase}`)).toHaveClass(/next/);
    await page.getByTestId('step').click();
    const s = await waitPhase(page, phase);
    await expect(page.getByTestId('stage-sentence')).toContainText(sentence);
    await expect(page.getByTestId(`stage-${phase}`)).toHaveClass(/shown/);
    if (phase !== 'pretrain') {
      // the transition animation takes half a second; then the view holds the stage's data
      await expect.poll(latentData, { timeout: 10_000 }).not.toBe(before);
      await page.waitForTimeout(700);
      const now = await latentData();
      expect(now).not.toBeNull();
      expect(now).not.toBe(before);
      before = now;
    }
    if (phase === 'center') await expect(page.getByTestId('plot-latent')).toBeVisible();
    if (phase === 'score') expect(s.stages).toEqual([0]);
    if (phase === 'query') {
      expect(s.queue.length).toBe(6);
      await page.waitForTimeout(400);
      expect(byMeta((await labTraces(page)).latent, 'queued')!.points).toBe(6);
      await page.screenshot({ path: 'screenshots/stepper-query.png', fullPage: false });
    }
    if (phase === 'label') {
      expect(s.stage).toBe(1);
      expect(s.labelled).toBe(6);
      expect(s.nextPhase).toBe('pretrain');
      // the answered queue is not left on screen as open cards
      await expect(page.getByTestId('queue-card')).toHaveCount(0);
      await expect(page.getByTestId('queue-empty')).toBeVisible();
    }
  }
  expect((await labState(page)).error).toBeNull();
  expect(errors).toEqual([]);
});

test('a person answers the queue with the keyboard and retrains', async ({ page }) => {
  await openLab(page, '?backend=wasm');
  await page.getByTestId('oracle').selectOption('human');
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await expect(page.getByTestId('queue')).toContainText('Answer the numbered points');
  await page.keyboard.press('n');
  await page.keyboard.press('a');
  await page.keyboard.press('n');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('queue')).toContainText('2 of 6 answered');
  await page.keyboard.press('Enter');
  const s = await waitIdle(page, 2);
  expect(s.labelled).toBe(2);
  expect(s.stage).toBe(1);
});

test('pause, resume and cancel a multi-round run', async ({ page }) => {
  // the paper preset (150 epochs a stage): 50 interactive rounds can finish before the cancel click
  await openLab(page, '?backend=wasm&preset=paper');
  await page.getByTestId('rounds').fill('50');
  await page.getByTestId('run-rounds').click();
  await page.waitForFunction(() => (window as unknown as { __lab: { state(): { lossEpochs: number } } }).__lab.state().lossEpochs > 5);
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('activity')).toHaveText('paused');
  const a = (await labState(page)).lossEpochs;
  await page.waitForTimeout(800);
  const b = (await labState(page)).lossEpochs;
  expect(b - a).toBeLessThanOrEqual(1); // at most the epoch in flight finishes
  const pausedAt = await labState(page);
  await page.getByTestId('resume').click();
  // training moves again (another epoch, or already another stage: a round takes a fraction of a second now)
  await page.waitForFunction(
    ([epochs, stages]) => {
      const st = (window as unknown as { __lab: { state(): { lossEpochs: number; stages: unknown[] } } }).__lab.state();
      return st.lossEpochs > epochs + 1 || st.stages.length > stages;
    },
    [b, pausedAt.stages.length],
  );
  await page.getByTestId('cancel').click();
  await page.waitForFunction(() => !(window as unknown as { __lab: { state(): { busy: boolean } } }).__lab.state().busy);
  const s = await labState(page);
  expect(s.stages.length).toBeLessThan(50);
  await expect(page.getByTestId('activity')).toHaveText('cancelled');
});
