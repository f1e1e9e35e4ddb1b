import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startPreview } from './bench-browser';
import { table } from './bench-table';
const ROWS = Number(process.argv[2] ?? 20000);
const COLS = Number(process.argv[3] ?? 8);
async function main() {
  const server = await startPreview(4199, 'dist');
  const browser = await launchChromium();
  const file = join(mkdtempSync(join(tmpdir(), 'shot-')), `big-${ROWS}.csv`);
  writeFileSync(file, table(ROWS, COLS));
  for (const [w, h] of [[1280, 720], [1920, 1080]]) {
    const page = await (await browser.newContext({ viewport: { width: w, height: h } })).newPage();
    await page.goto('http://localhost:4199/?backend=wasm&k=10');
    await page.waitForFunction('(() => { const s = window.__lab?.state(); return !!s && s.backend !== null && s.n > 0 && !s.busy; })()', null, { timeout: 120000 });
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('import-load').click({ timeout: 300000 });
    await page.waitForFunction(`window.__lab.state().n === ${ROWS} && !window.__lab.state().busy`, null, { timeout: 300000 });
    await page.getByTestId('train-round').click();
    await page.waitForFunction('(() => { const s = window.__lab.state(); return !s.busy && s.stages.length >= 1; })()', null, { timeout: 300000 });
    await page.getByTestId('train-round').click();
    await page.waitForFunction('(() => { const s = window.__lab.state(); return !s.busy && s.stages.length >= 2; })()', null, { timeout: 300000 });
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/shots/big-${w}.png` });
    await page.getByTestId('plot-latent').screenshot({ path: `/tmp/shots/big-latent-${w}.png` });
    const input = page.getByTestId('plot-input');
    if (await input.isVisible()) await input.screenshot({ path: `/tmp/shots/big-input-${w}.png` });
    await page.context().close();
  }
  await browser.close();
  server.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
