// npm run bench:page: the page's cold start, main-thread tasks and key-to-update latency, in headless Chromium
// against the built app (dist/), a fresh browser context (empty cache) per run; prints medians over the runs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, startPreview } from './bench-browser';
import { storageFigures } from './bench-page-storage';
import { table } from './bench-table';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const RUNS = Number(opt('runs', '3'));
const PORT = Number(opt('port', process.env.E2E_PORT ?? '4199'));
const ORIGIN = `http://localhost:${PORT}`;
const BIG = opt('big', '1') !== '0';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

interface Hook {
  state(): { backend: string | null; n: number; busy: boolean; stages: number[] };
  renders(): Record<string, number>;
}

async function openPage(browser: Browser, query: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  // tsx names the functions it compiles (__name): the page's copies of them need the helper too
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: Array<[number, number]> };
    w.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${ORIGIN}/${query}`);
  return page;
}

const tasks = (page: Page, from: number, to = Infinity) =>
  page.evaluate(([a, b]) => (window as unknown as { __tasks: Array<[number, number]> }).__tasks.filter(([s]) => s >= a! && s <= b!).reduce((m, [, d]) => Math.max(m, d), 0), [from, to]);
const now = (page: Page) => page.evaluate(() => performance.now());
const idle = (page: Page, stages: number, timeout = 600_000) =>
  page.waitForFunction((k) => { const s = (window as unknown as { __lab?: Hook }).__lab?.state(); return !!s && s.backend !== null && s.n > 0 && !s.busy && s.stages.length >= k; }, stages, { timeout, polling: 50 });

/** Gzipped size of every script the page fetched before `t` (ms after navigation), from the built files. */
async function jsBefore(page: Page, t: number): Promise<number> {
  const urls = await page.evaluate((limit) => performance.getEntriesByType('resource').filter((e) => e.startTime <= limit && /\.js(\?|$)/.test(e.name)).map((e) => e.name), t);
  let total = 0;
  for (const u of new Set(urls)) {
    const path = new URL(u).pathname;
    try {
      total += gzipSync(readFileSync(join('dist', path))).length;
    } catch {
      // a script not in dist (none expected)
    }
  }
  return total;
}

async function coldStart(browser: Browser) {
  const page = await openPage(browser, '?backend=wasm&oracle=human&k=20');
  // the first plot: the latent view's frame (plain SVG with the page's first render, or plotly's if it came first)
  await page.waitForFunction(() => !!document.querySelector('[data-testid=quick-frame-latent], [data-testid=plot-latent] .main-svg'), null, { timeout: 60_000, polling: 20 });
  const firstPlot = await page.evaluate(() => performance.now());
  const js = await jsBefore(page, firstPlot);
  // plotly's first draw of it (the placeholder, before any training)
  await page.waitForFunction(() => !!document.querySelector('[data-testid=plot-latent] .main-svg'), null, { timeout: 60_000, polling: 20 });
  const plotlyPlot = await page.evaluate(() => performance.now());
  const plotlyJs = await jsBefore(page, plotlyPlot);
  await idle(page, 0);
  await page.waitForTimeout(1500);
  const loadTask = await tasks(page, 0);
  const r0 = await now(page);
  await page.getByTestId('train-round').click();
  await idle(page, 1);
  const r1 = await now(page);
  const roundMs = r1 - r0;
  await page.getByTestId('queue-card').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  // while the worker trains, and after it: the new stage's views and plots drawn
  const roundTask = await tasks(page, r0, r1);
  const drawTask = await tasks(page, r1);
  // 20 key presses, each timed from keydown to its card, the counts and its square on the plot updated
  const k0 = await now(page);
  const lat: number[] = [];
  for (let k = 0; k < 20; k++) {
    lat.push(await page.evaluate(async (i) => {
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
      const done = () => {
        const card = document.querySelectorAll('[data-testid=queue-card]')[i] as HTMLElement | undefined;
        const mark = document.querySelector(`[data-testid=card-latent] [data-testid=queued-mark][data-index="${card?.dataset.index}"]`) as HTMLElement | null;
        const count = document.querySelector('[data-testid=round-progress]')?.textContent ?? '';
        return card?.dataset.decision === 'normal' && (!mark || mark.style.backgroundColor !== 'rgb(240, 228, 66)') && count.startsWith(`${i + 1} of`);
      };
      while (!done()) await new Promise((r) => requestAnimationFrame(() => r(null)));
      return performance.now() - t0;
    }, k));
  }
  await page.waitForTimeout(500);
  const keyTask = await tasks(page, k0);
  await page.context().close();
  return { firstPlot, js, plotlyPlot, plotlyJs, loadTask, roundMs, roundTask, drawTask, keyTask, p50: quantile(lat, 0.5), p95: quantile(lat, 0.95) };
}

/** One interactive round's wall time on a bundled set or an imported generated file. */
async function roundOn(browser: Browser, what: { query?: string; file?: string }) {
  const page = await openPage(browser, `?backend=wasm${what.query ?? ''}`);
  await idle(page, 0, 120_000);
  // plotly's first draws of the page come before the round: the round's window holds only the round
  await page.waitForTimeout(1500);
  let loadTask = 0;
  if (what.file) {
    const t0 = await now(page);
    await page.getByTestId('file-input').setInputFiles(what.file);
    await page.getByTestId('import-load').click({ timeout: 300_000 });
    const n = Number(/(\d+)x/.exec(what.file)![1]);
    await page.waitForFunction((k) => (window as unknown as { __lab: Hook }).__lab.state().n === k && !(window as unknown as { __lab: Hook }).__lab.state().busy, n, { timeout: 300_000 });
    await page.waitForTimeout(1500);
    loadTask = await tasks(page, t0);
  }
  const r0 = await now(page);
  await page.getByTestId('train-round').click();
  await idle(page, 1);
  const r1 = await now(page);
  await page.waitForTimeout(1500);
  const task = await tasks(page, r0, r1);
  const drawTask = await tasks(page, r1);
  await page.context().close();
  return { ms: r1 - r0, task, drawTask, loadTask };
}

async function main() {
  const server = await startPreview(PORT);
  try {
    const dir = mkdtempSync(join(tmpdir(), 'bench-page-'));
    const cardio = join(dir, 'cardio-1831x21.csv');
    writeFileSync(cardio, table(1831, 21));
    const big = join(dir, 'big-126000x41.csv');
    if (BIG) writeFileSync(big, table(126_000, 41));
    const load0 = loadavg();
    const browser = await launchChromium();
    const cold: Awaited<ReturnType<typeof coldStart>>[] = [];
    const rounds: Record<string, Array<{ ms: number; task: number; drawTask: number; loadTask: number }>> = { ring: [], glass: [], 'cardio-sized 1831 x 21': [], 'generated 126000 x 41': [] };
    for (let r = 0; r < RUNS; r++) {
      cold.push(await coldStart(browser));
      rounds.ring!.push(await roundOn(browser, {}));
      rounds.glass!.push(await roundOn(browser, { query: '&dataset=glass' }));
      rounds['cardio-sized 1831 x 21']!.push(await roundOn(browser, { file: cardio }));
      if (BIG) rounds['generated 126000 x 41']!.push(await roundOn(browser, { file: big }));
      console.error(`run ${r + 1} of ${RUNS} done`);
    }
    const stored = await storageFigures(browser, ORIGIN, RUNS);
    await browser.close();
    const m = (f: (c: (typeof cold)[number]) => number) => median(cold.map(f));
    const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    console.log(`bench:page, ${RUNS} runs (medians), headless Chromium, wasm backend, 1280 x 720, empty cache each run`);
    console.log(`  load average (1, 5, 15 min)   ${fmt(load0)} at the start, ${fmt(loadavg())} at the end`);
    console.log(`  time to first plot            ${m((c) => c.firstPlot).toFixed(0)} ms after navigation (the latent frame) · plotly's first draw ${m((c) => c.plotlyPlot).toFixed(0)} ms`);
    console.log(`  JavaScript before first plot  ${(m((c) => c.js) / 1024).toFixed(0)} KiB gzipped · before plotly's first draw ${(m((c) => c.plotlyJs) / 1024).toFixed(0)} KiB`);
    console.log(`  longest main-thread task      load ${m((c) => c.loadTask).toFixed(0)} ms · while training ${m((c) => c.roundTask).toFixed(0)} ms · drawing the new stage ${m((c) => c.drawTask).toFixed(0)} ms · 20 key presses ${m((c) => c.keyTask).toFixed(0)} ms (0 = no task over 50 ms)`);
    console.log(`  key -> card, counts, square   p50 ${m((c) => c.p50).toFixed(1)} ms · p95 ${m((c) => c.p95).toFixed(1)} ms (20 cards)`);
    console.log(`  first round on ring, from cold ${m((c) => c.roundMs).toFixed(0)} ms`);
    for (const [name, rs] of Object.entries(rounds)) {
      if (!rs.length) continue;
      const load = median(rs.map((x) => x.loadTask));
      console.log(`  round on ${name.padEnd(24)} ${median(rs.map((x) => x.ms)).toFixed(0)} ms · longest task while training ${median(rs.map((x) => x.task)).toFixed(0)} ms, drawing ${median(rs.map((x) => x.drawTask)).toFixed(0)} ms${load ? ` · while importing ${load.toFixed(0)} ms` : ''}`);
    }
    for (const line of stored) console.log(line);
  } finally {
    server.stop();
  }
}

void main();
