// The collapse guard in the page: identical rows give identical scores, and the run status says the AUROC means nothing.
import { expect, test } from '@playwright/test';
import type { LabTestHook } from '../src/ui/testHook';
import { openLab } from './helpers';

type W = { __lab: LabTestHook };

test('a collapsing configuration shows the collapse warning', async ({ page }) => {
  await openLab(page, '?backend=wasm&test');
  await expect(page.getByTestId('collapse-warning')).toHaveCount(0);
  await page.evaluate(() => {
    const l = (window as unknown as W).__lab;
    const n = 400;
    // every row the same point: phi(x) is one vector, so every score is the same number
    l.send!({ type: 'setData', data: { name: 'constant', n, d: 2, values: new Float64Array(n * 2).fill(0.5), labels: Uint8Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0)), featureNames: ['a', 'b'] } });
    l.send!({ type: 'configure', config: { preset: 'interactive', overrides: { loss: 'one_class', query: 'margin', pseudo: false, seed: 1, pollution: null, aeEpochs: 2, occEpochs: 2 }, k: null } });
    l.send!({ type: 'trainRound', oracle: 'simulated' });
  });
  const warning = page.getByTestId('collapse-warning');
  await expect(warning).toBeVisible({ timeout: 60_000 });
  await expect(warning).toContainText('1 distinct value among 400');
});
