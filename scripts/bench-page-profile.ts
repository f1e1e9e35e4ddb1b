// What the main thread's long stretches are: a CPU profile of the load, one round and 20 key presses, each busy
// stretch over 40 ms with its functions (inclusive, the app's own, and self time). For readable names build
// unminified first: npx vite build --minify false --outDir /tmp/page-prof, then
// npx tsx scripts/bench-page-profile.ts /tmp/page-prof (default: dist/; E2E_PORT picks the port, default 4199).
import { launchChromium, startPreview } from './bench-browser';
const PORT = Number(process.env.E2E_PORT ?? 4199);
const ORIGIN = `http://localhost:${PORT}`;
const DIR = process.argv[2] ?? 'dist';
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
function analyse(label: string, prof: { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number }) {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = prof.startTime; const ts: number[] = [];
  for (const d of prof.timeDeltas) { t += d; ts.push(t); }
  // stretches of non-idle samples
  const stretches: Array<[number, number]> = [];
  let s0 = -1;
  for (let i = 0; i < prof.samples.length; i++) {
    const name = byId.get(prof.samples[i]!)!.callFrame.functionName;
    const busy = name !== '(idle)';
    if (busy && s0 < 0) s0 = i;
    if ((!busy || i === prof.samples.length - 1) && s0 >= 0) { stretches.push([s0, i]); s0 = -1; }
  }
  const long = stretches.map(([a, b]) => ({ a, b, ms: (ts[b]! - ts[a]!) / 1000 })).filter((x) => x.ms > 40).sort((x, y) => y.ms - x.ms).slice(0, 6);
  console.log(`== ${label}: ${long.length} stretches > 40 ms`);
  for (const st of long) {
    const incl = new Map<string, number>(); const self = new Map<string, number>();
    for (let i = st.a; i < st.b; i++) {
      const dt = (ts[i + 1]! - ts[i]!) / 1000;
      let id: number | undefined = prof.samples[i]; const seen = new Set<string>(); let first = true;
      while (id !== undefined) {
        const cf = byId.get(id)!.callFrame;
        const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
        if (first) { self.set(key, (self.get(key) ?? 0) + dt); first = false; }
        if (!seen.has(key)) { incl.set(key, (incl.get(key) ?? 0) + dt); seen.add(key); }
        id = parent.get(id);
      }
    }
    console.log(` -- ${st.ms.toFixed(0)} ms at +${((ts[st.a]! - prof.startTime) / 1000).toFixed(0)} ms`);
    console.log('   incl: ' + [...incl].sort((x, y) => y[1] - x[1]).slice(0, 22).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' | '));
    const REACT = /^(performWork|perform|renderRoot|workLoop|beginWork|completeUnit|completeWork|commit|flush|recursively|renderWithHooks|updateFunctionComponent|processRoot|reconcile|mountIndeterminate|updateMemo|mountMemo|\(anon\)|\(root\)|\(program\)|exports\.|useSyncExternalStore|updateSyncExternalStore|mountSyncExternalStore|dispatch|batchedUpdates|runWithFiberInDEV|callCallback)/;
    console.log('   app: ' + [...incl].filter(([k]) => k.includes('index-') && !REACT.test(k)).sort((x, y) => y[1] - x[1]).slice(0, 18).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' | '));
    console.log('   self: ' + [...self].sort((x, y) => y[1] - x[1]).slice(0, 10).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' | '));
  }
}
const server = await startPreview(PORT, DIR);
try {
  const browser = await launchChromium();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.addInitScript('globalThis.__name = (f) => f;');
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.goto(`${ORIGIN}/?backend=wasm&oracle=human&k=20`);
  await page.waitForFunction(() => !!document.querySelector('[data-testid=plot-latent] .main-svg'), null, { timeout: 60_000, polling: 20 });
  console.log('first plot', Date.now() - t0);
  const idle = (k: number) => page.waitForFunction((k) => { const s = (window as any).__lab?.state(); return !!s && s.backend !== null && s.n > 0 && !s.busy && s.stages.length >= k; }, k, { timeout: 120000, polling: 50 });
  await idle(0); await page.waitForTimeout(1500);
  analyse('load', (await cdp.send('Profiler.stop')).profile as never);
  await cdp.send('Profiler.start');
  const p0 = Date.now();
  await page.getByTestId('train-round').click();
  await idle(1);
  // the stretches before this offset ran while the worker trained (Node's clock: a few ms off)
  console.log(`round: trained from +${0} to +${Date.now() - p0} ms`); await page.getByTestId('queue-card').first().waitFor(); await page.waitForTimeout(1500);
  analyse('round', (await cdp.send('Profiler.stop')).profile as never);
  await cdp.send('Profiler.start');
  for (let k = 0; k < 20; k++) { await page.keyboard.press('n'); await page.waitForTimeout(60); }
  await page.waitForTimeout(1000);
  analyse('keys', (await cdp.send('Profiler.stop')).profile as never);
  await browser.close();
} finally { server.stop(); }
