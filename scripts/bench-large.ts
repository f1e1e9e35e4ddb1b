// npm run bench:large: a 200k x 50 file through the built lab (import %, longest main-thread task on load, a round and
// a reload's restore) and a 30-round soak (main-thread heap after GC and event listeners, from the DevTools protocol).
// Figures only, never assertions: a busy machine changes them.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, startPreview } from './bench-browser';
import { table } from './bench-table';
import { stretches, type CpuProfile } from './cpu-stretches';
import { codeBytes, heapSnapshot } from './heap-snapshot';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const PORT = Number(opt('port', process.env.E2E_PORT ?? '4198'));
const ORIGIN = `http://localhost:${PORT}`;
const ROWS = Number(opt('rows', '200000'));
const COLS = Number(opt('cols', '50'));
const ROUNDS = Number(opt('rounds', '30'));
const SKIP = new Set(opt('skip', '').split(',').filter(Boolean));
// --profile: a CPU profile of load, round and restore, printed as busy stretches (build unminified into --dir for names)
const PROFILE = args.includes('--profile');
const DIR = opt('dir', 'dist');
// --shots DIR: screenshots of the page after the round and after the restore (look at what the figures measure)
const SHOTS = opt('shots', '');

async function observe(page: Page): Promise<void> {
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: Array<[number, number]> };
    w.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    // the page's plot draws (User Timing measures, cleared from its timeline as they are made)
    const dw = window as unknown as { __draws: PerformanceEntry[] };
    dw.__draws = [];
    new PerformanceObserver((l) => dw.__draws.push(...l.getEntries().filter((e) => e.name.startsWith('plot ')))).observe({ type: 'measure' });
    // long animation frames name the script entry points behind a long task (an event, a message, a callback)
    const lw = window as unknown as { __loaf: Array<{ s: number; d: number; scripts: string[] }> };
    lw.__loaf = [];
    type Script = { invoker: string; duration: number; sourceFunctionName: string };
    new PerformanceObserver((l) => l.getEntries().forEach((e) => lw.__loaf.push({ s: e.startTime, d: e.duration, scripts: ((e as unknown as { scripts: Script[] }).scripts ?? []).filter((x) => x.duration > 30).map((x) => `${x.invoker}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''} ${Math.round(x.duration)}`) }))).observe({ type: 'long-animation-frame', buffered: true });
  });
}
/** The longest main-thread task between two page times, how many were over 200 ms, and the plot draws inside those. */
const tasks = (page: Page, from: number, to = Infinity) =>
  page.evaluate(([a, b]) => {
    const t = (window as unknown as { __tasks: Array<[number, number]> }).__tasks.filter(([s]) => s >= a! && s <= b!);
    const draws = (window as unknown as { __draws: PerformanceEntry[] }).__draws;
    const long = t.filter(([, d]) => d > 200).map(([s, d]) => {
      const inside = draws.filter((m) => m.startTime >= s && m.startTime + m.duration <= s + d + 1);
      const frames = (window as unknown as { __loaf: Array<{ s: number; d: number; scripts: string[] }> }).__loaf.filter((f) => f.s <= s + d && f.s + f.d >= s);
      const what = inside.length ? inside.map((m) => `${m.name.slice(5)} ${Math.round(m.duration)}`) : frames.flatMap((f) => f.scripts);
      return `${Math.round(d)} ms${what.length ? ` (${what.join(', ')})` : ''}`;
    });
    return { max: t.reduce((m, [, d]) => Math.max(m, d), 0), over200: long.length, long: long.join('; ') };
  }, [from, to]);
const now = (page: Page) => page.evaluate(() => performance.now());
const until = (page: Page, expr: string, timeout = 900_000) => page.waitForFunction(expr, null, { timeout, polling: 100 });
const ready = (k: number) => `(() => { const s = window.__lab?.state(); return !!s && s.backend !== null && s.n > 0 && !s.busy && s.stages.length >= ${k}; })()`;
const ms = (x: number) => `${Math.round(x)} ms`;

async function large(browser: Browser, file: string) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await observe(page);
  const cdp = PROFILE ? await ctx.newCDPSession(page) : null;
  const prof = { start: async () => { await cdp?.send('Profiler.enable'); await cdp?.send('Profiler.setSamplingInterval', { interval: 500 }); await cdp?.send('Profiler.start'); },
    stop: async (label: string) => { if (cdp) console.log(stretches(label, ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile).join('\n')); } };
  await page.goto(`${ORIGIN}/?backend=wasm`);
  await until(page, ready(0), 120_000);
  await page.waitForTimeout(1500);
  // the percentages the page shows while the worker reads the file
  const percents = new Set<string>();
  const t0 = await now(page);
  await page.getByTestId('file-input').setInputFiles(file);
  const w0 = Date.now();
  while (!(await page.getByTestId('import-dialog').isVisible())) {
    const p = await page.getByTestId('import-percent').textContent({ timeout: 50 }).catch(() => null);
    if (p) percents.add(p.replace(/ \(.*/, ''));
    await page.waitForTimeout(100);
    if (Date.now() - w0 > 900_000) throw new Error('the import did not finish in 15 minutes');
  }
  const tParsed = (await now(page)) - t0;
  const parse = await tasks(page, t0);
  const l0 = await now(page);
  await prof.start();
  await page.getByTestId('import-load').click();
  await until(page, `window.__lab.state().n === ${ROWS} && !window.__lab.state().busy`);
  await page.waitForTimeout(2000);
  const load = await tasks(page, l0);
  const tLoad = (await now(page)) - l0;
  await prof.stop('load');
  await prof.start();
  const r0 = await now(page);
  await page.getByTestId('train-round').click();
  await until(page, ready(1));
  const r1 = await now(page);
  await page.waitForTimeout(3000);
  const round = await tasks(page, r0);
  await prof.stop('round');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'large-round.png') });
  // a reload restores the session: the data from storage, the round replayed
  await page.waitForTimeout(1500);
  await prof.start();
  await page.reload();
  const s0 = Date.now();
  await until(page, `(() => { const s = window.__lab?.state(); return !!s && s.n === ${ROWS} && !s.busy && s.stages.length >= 1; })()`);
  const tRestore = Date.now() - s0;
  await page.waitForTimeout(3000);
  const restore = await tasks(page, 0);
  await prof.stop('restore');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'large-restore.png') });
  await ctx.close();
  console.log(`import: ${ms(tParsed)} in the worker; percentages shown: ${[...percents].join(' ') || 'none'}; longest main-thread task ${ms(parse.max)}`);
  console.log(`load:    ${ms(tLoad)}; longest main-thread task ${ms(load.max)} (${load.over200} over 200 ms${load.long ? `: ${load.long}` : ''})`);
  console.log(`round:   ${ms(r1 - r0)}; longest main-thread task ${ms(round.max)} (${round.over200} over 200 ms, training and drawing${round.long ? `: ${round.long}` : ''})`);
  console.log(`restore: ${ms(tRestore)} after the reload; longest main-thread task ${ms(restore.max)} (${restore.over200} over 200 ms${restore.long ? `: ${restore.long}` : ''})`);
}

async function soak(browser: Browser) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.addInitScript('globalThis.__name = (f) => f;');
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${ORIGIN}/?dataset=ionosphere&backend=wasm`);
  await until(page, ready(0), 120_000);
  const sample = async () => {
    // the snapshot collects garbage first; V8's compiled code is counted apart (it grows as functions tier up)
    const code = codeBytes(await heapSnapshot(cdp)) / 2 ** 20;
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const m = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    const get = (n: string) => m.metrics.find((x) => x.name === n)?.value ?? NaN;
    return { mb: heap.usedSize / 2 ** 20, code, listeners: get('JSEventListeners'), nodes: get('Nodes') };
  };
  const rows: Array<[number, { mb: number; code: number; listeners: number; nodes: number }]> = [[0, await sample()]];
  for (let k = 1; k <= ROUNDS; k++) {
    await page.getByTestId('train-round').click();
    await until(page, ready(k));
    await page.waitForTimeout(300);
    if (k === 1 || k % 10 === 0 || k === ROUNDS) rows.push([k, await sample()]);
  }
  await ctx.close();
  console.log(`soak (ionosphere, ${ROUNDS} rounds, after GC): round, heap MB, of it V8's compiled code MB, the rest MB, event listeners, DOM nodes`);
  for (const [k, s] of rows) console.log(`  ${String(k).padStart(3)}  ${s.mb.toFixed(2).padStart(7)}  ${s.code.toFixed(2).padStart(6)}  ${(s.mb - s.code).toFixed(2).padStart(7)}  ${String(s.listeners).padStart(5)}  ${String(s.nodes).padStart(6)}`);
  const one = rows.find(([k]) => k === 1)![1];
  const last = rows[rows.length - 1]![1];
  const sign = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
  console.log(`  from round 1 to ${ROUNDS}: heap ${sign(last.mb - one.mb)} MB (code ${sign(last.code - one.code)}, the rest ${sign(last.mb - last.code - one.mb + one.code)}); listeners ${one.listeners} -> ${last.listeners}`);
}

async function main(): Promise<void> {
  const server = await startPreview(PORT, DIR);
  try {
    const browser = await launchChromium();
    console.log(`bench:large on ${ORIGIN}, load average ${loadavg()[0]!.toFixed(1)}`);
    if (!SKIP.has('large')) {
      const file = join(mkdtempSync(join(tmpdir(), 'svdd-large-')), `large-${ROWS}x${COLS}.csv`);
      writeFileSync(file, table(ROWS, COLS));
      console.log(`${ROWS} x ${COLS} CSV: ${(statSync(file).size / 2 ** 20).toFixed(1)} MB`);
      await large(browser, file);
    }
    if (!SKIP.has('soak')) await soak(browser);
    await browser.close();
  } finally {
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
