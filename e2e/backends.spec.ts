// One small smoke run per backend, the automatic choice, the per-backend probe times, and the fallback.
import { expect, test } from '@playwright/test';
import { byMeta, labState, labTraces, openLab, waitIdle, watchConsole } from './helpers';

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
  test(`smoke: one round on ${backend}`, async ({ page }) => {
    const errors = watchConsole(page);
    const t0 = Date.now();
    const s0 = await openLab(page, `?backend=${backend}&test`, 120_000);
    expect(s0.backend).toBe(backend);
    const probe = s0.probes.find((p) => p.name === backend)!;
    console.log(`${backend}: probe ${probe.stepMs?.toFixed(2)} ms/step (${probe.software ? 'software' : 'hardware'}); ${s0.backendReason}`);
    // software WebGPU/WebGL take 30-200 ms a step here: keep the smoke run to a few epochs
    await page.evaluate(() => (window as unknown as { __lab: { send(c: unknown): void } }).__lab.send({
      type: 'configure', config: { preset: 'interactive', overrides: { aeEpochs: 3, occEpochs: 3 } },
    }));
    await page.getByTestId('train-round').click();
    const s = await waitIdle(page, 1, 170_000);
    console.log(`${backend}: page open + one interactive round in ${Date.now() - t0} ms, AUROC ${s.aurocs[0]?.toFixed(3)}`);
    expect(s.aurocs[0]).toBeGreaterThan(0.5);
    expect(byMeta((await labTraces(page)).latent, 'queued')!.points).toBe(6);
    await expect(page.getByTestId('backend-line')).toHaveAttribute('data-backend', backend);
    // wasm and cpu train with the host kernel (Chromium has relaxed SIMD); the GPU backends with tensor ops (details on the badge)
    await page.getByTestId('backend-badge').click();
    await expect(page.getByTestId('backend-kernel')).toHaveText(
      backend === 'wasm' || backend === 'cpu'
        ? 'Training runs on the host kernel, WebAssembly SIMD with fused multiply-add.'
        : 'Training runs on the tfjs tensor ops (hand-written backward).',
    );
    expect(errors).toEqual([]);
  });
}

test('automatic choice picks the fastest probed backend and says why', async ({ page }) => {
  const s = await openLab(page, '');
  const measured = s.probes.filter((p) => p.stepMs !== null);
  expect(measured.length).toBeGreaterThan(0);
  const best = Math.min(...measured.map((p) => p.stepMs!));
  // within 10% is a tie, settled by the fixed order (probes come in that order)
  expect(s.backend).toBe(measured.find((p) => p.stepMs! <= best * 1.1)!.name);
  expect(s.backendReason).toContain('fastest');
  for (const p of s.probes) console.log(`auto probe ${p.name}: ${p.stepMs === null ? 'not probed' : `${p.stepMs.toFixed(2)} ms/step`} ${p.note ?? ''}`);
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await page.screenshot({ path: 'screenshots/auto-backend.png' });
});

test('probe=all times every backend, software ones included', async ({ page }) => {
  test.setTimeout(240_000);
  const s = await openLab(page, '?probe=all', 200_000);
  for (const p of s.probes) console.log(`probe=all ${p.name}: ${p.stepMs === null ? 'n/a' : `${p.stepMs.toFixed(2)} ms/step`} (${p.software ? 'software' : 'hardware'}) ${p.note ?? ''}`);
  console.log(`reason: ${s.backendReason}`);
  expect(s.probes.filter((p) => p.available && p.stepMs !== null).length).toBeGreaterThanOrEqual(2);
});

test('a backend failure mid-run falls back to the next backend and finishes the round', async ({ page }) => {
  await openLab(page, '?backend=wasm&test');
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await page.evaluate(() => (window as unknown as { __lab: { failNext(): void } }).__lab.failNext());
  await page.getByTestId('train-round').click();
  const s = await waitIdle(page, 2);
  expect(s.backend).not.toBe('wasm');
  expect(s.backendReason).toMatch(/WASM failed .*continuing on/);
  expect(s.stage).toBe(1);
  expect(s.labelled).toBe(6);
  expect((await labState(page)).stages).toEqual([0, 1]);
});
