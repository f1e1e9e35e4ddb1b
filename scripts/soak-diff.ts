// What grows per round in the soak: heap snapshots after rounds A and B compared by constructor (count, self size), and
// the live event listeners by target and type (addEventListener wrapped). Diagnostics: npx tsx scripts/soak-diff.ts [A B]
import { loadavg } from 'node:os';
import { launchChromium, startPreview } from './bench-browser';
import { heapSnapshot } from './heap-snapshot';
const PORT = Number(process.env.E2E_PORT ?? 4199);
const ORIGIN = `http://localhost:${PORT}`;
const [A, B] = [Number(process.argv[2] ?? 5), Number(process.argv[3] ?? 30)];
const DIR = process.argv[4] ?? 'dist';
const server = await startPreview(PORT, DIR);
try {
  const browser = await launchChromium();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(() => {
    // listeners by target: a removed node's listeners count as detached (alive after GC: something keeps the node)
    const per = new WeakMap<EventTarget, Map<string, number>>();
    const refs = new Set<WeakRef<EventTarget>>();
    const stacks = new Map<string, string>();
    const id = new WeakMap<object, number>();
    let next = 0;
    const name = (t: EventTarget) => `${(t as Element).tagName ?? t.constructor.name}${typeof (t as Element).className === 'string' && (t as Element).className ? '.' + (t as Element).className.split(' ')[0] : ''}`;
    const sig = (type: string, fn: unknown, o: unknown) => `${type}|${fn && (typeof fn === 'object' || typeof fn === 'function') ? (id.get(fn as object) ?? (id.set(fn as object, ++next), next)) : 0}|${typeof o === 'boolean' ? o : !!(o as { capture?: boolean })?.capture}`;
    const add = EventTarget.prototype.addEventListener;
    const rm = EventTarget.prototype.removeEventListener;
    EventTarget.prototype.addEventListener = function (type: string, fn: unknown, o?: unknown) {
      let m = per.get(this);
      if (!m) { m = new Map(); per.set(this, m); refs.add(new WeakRef(this)); }
      if (fn) m.set(sig(type, fn, o), 1);
      const k = `${name(this)} ${type}`;
      if ((window as any).__stackOn && !stacks.has(k)) stacks.set(k, (new Error().stack ?? '').split('\n').slice(2, 9).join(' <- '));
      return add.call(this, type, fn as EventListener, o as boolean);
    };
    EventTarget.prototype.removeEventListener = function (type: string, fn: unknown, o?: unknown) {
      per.get(this)?.delete(sig(type, fn, o));
      return rm.call(this, type, fn as EventListener, o as boolean);
    };
    (window as any).__listeners = () => {
      const out: Record<string, number> = {};
      for (const r of refs) {
        const t = r.deref();
        if (!t) { refs.delete(r); continue; }
        const where = t instanceof Node && !t.isConnected ? 'detached ' : '';
        for (const k of per.get(t)?.keys() ?? []) { const key = `${where}${name(t)} ${k.split('|')[0]}`; out[key] = (out[key] ?? 0) + 1; }
      }
      return out;
    };
    (window as any).__stacks = () => Object.fromEntries(stacks);
  });
  const cdp = await ctx.newCDPSession(page);
  await page.goto(`${ORIGIN}/?dataset=ionosphere&backend=wasm`);
  const ready = (k: number) => page.waitForFunction((k) => { const s = (window as any).__lab?.state(); return !!s && s.backend !== null && s.n > 0 && !s.busy && s.stages.length >= k; }, k, { timeout: 120000, polling: 100 });
  await ready(0);
  const snap = async () => {
    const ctors = await heapSnapshot(cdp);
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return { ctors, listeners: await page.evaluate(() => (window as any).__listeners()) as Record<string, number>, mb: heap.usedSize / 2 ** 20 };
  };
  let a: Awaited<ReturnType<typeof snap>> | null = null;
  for (let k = 1; k <= B; k++) {
    await page.getByTestId('train-round').click();
    await ready(k);
    await page.waitForTimeout(300);
    if (k === A) { a = await snap(); await page.evaluate(() => { (window as any).__stackOn = true; }); }
  }
  const b = await snap();
  console.log(`load average ${loadavg()[0]!.toFixed(1)}; heap after GC ${a!.mb.toFixed(2)} MB (round ${A}) -> ${b.mb.toFixed(2)} MB (round ${B})`);
  const rows = [...b.ctors].map(([k, [n, sz]]) => { const p = a!.ctors.get(k) ?? [0, 0]; return [k, n - p[0], sz - p[1]] as const; }).sort((x, y) => y[2] - x[2]).slice(0, 45);
  console.log('grown by self size (name, count delta, bytes delta):');
  for (const [k, n, sz] of rows) console.log(`  ${k.slice(0, 70).padEnd(70)} ${String(n).padStart(7)} ${String(sz).padStart(10)}`);
  console.log('listeners grown (target type, delta, now):');
  for (const [k, v] of Object.entries(b.listeners)) { const d = v - (a!.listeners[k] ?? 0); if (d !== 0) console.log(`  ${k.padEnd(50)} ${String(d).padStart(5)} ${String(v).padStart(5)}`); }
  const st = await page.evaluate(() => (window as any).__stacks()) as Record<string, string>;
  for (const [k, v] of Object.entries(b.listeners)) if (v - (a!.listeners[k] ?? 0) > 0 && st[k.replace('detached ', '')]) console.log(`  ${k}: ${st[k.replace('detached ', '')]}`);
  await browser.close();
} finally { server.stop(); }
