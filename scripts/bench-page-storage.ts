// bench:page's storage figures: key press -> stored, for a burst of 20 key presses dispatched 0 ms apart. "Stored" is
// measured twice: in the localStorage journal (written in the key handler; what a reload or closed tab restores from)
// and committed to IndexedDB (the transaction holding the decision's record completed).
import type { Browser } from '@playwright/test';

export interface StoredFigures {
  journal: number[];
  idb: number[];
}

type Stored = { journal: Map<string, number>; idb: Map<string, number>; seq: Map<string, number> };
type Times = { journal: Array<[string, number]>; idb: Array<[string, number]>; seq: Array<[string, number]> };

/**
 * Hooks put, setItem and transaction completion in a page or worker: per decision record, when each store had it.
 * Times are absolute (timeOrigin + now), so the page's and the log worker's clocks compare.
 */
function instrument(): void {
  const g = globalThis as unknown as { __stored: Stored };
  if (g.__stored) return;
  g.__stored = { journal: new Map(), idb: new Map(), seq: new Map() };
  const at = () => performance.timeOrigin + performance.now();
  if (typeof Storage !== 'undefined') {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      setItem.call(this, key, value);
      if (!key.startsWith('svdd-lab-journal:')) return;
      const t = at();
      for (const e of JSON.parse(value) as Array<{ records: Array<{ id: string; event: { kind: string } }> }>) {
        for (const r of e.records) if (r.event.kind === 'decide' && !g.__stored.journal.has(r.id)) g.__stored.journal.set(r.id, t);
      }
    };
  }
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const req = put.call(this, value, key);
    const r = value as { id?: string; seq?: number; event?: { kind: string } };
    if (typeof key === 'string' && key.startsWith('log:') && r.event?.kind === 'decide') {
      g.__stored.seq.set(r.id!, r.seq!);
      this.transaction.addEventListener('complete', () => g.__stored.idb.set(r.id!, at()));
    }
    return req;
  };
}

const readTimes = (): Times => {
  const s = (globalThis as unknown as { __stored?: Stored }).__stored;
  return s ? { journal: [...s.journal], idb: [...s.idb], seq: [...s.seq] } : { journal: [], idb: [], seq: [] };
};

/** One run: a human round with 20 cards, then 20 keydown events in one task; ms from each key to each store. */
async function once(browser: Browser, origin: string): Promise<StoredFigures> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(instrument);
  await page.goto(`${origin}/?backend=wasm&oracle=human&k=20`);
  const ready = (stages: number) => page.waitForFunction((k) => {
    const s = (window as unknown as { __lab?: { state(): { backend: string | null; n: number; busy: boolean; stages: number[] } } }).__lab?.state();
    return !!s && s.backend !== null && s.n > 0 && !s.busy && s.stages.length >= k;
  }, stages, { timeout: 600_000 });
  await ready(0);
  await page.getByTestId('train-round').click();
  await ready(1);
  await page.getByTestId('queue-card').nth(19).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  // the decision log is written by its own worker (started with the round's queue record): hook its IndexedDB too
  const logWorker = page.workers().find((w) => /logWrites/.test(w.url())) ?? null;
  if (logWorker) {
    await logWorker.evaluate('globalThis.__name = (f) => f;');
    await logWorker.evaluate(instrument);
  }
  const t0 = await page.evaluate(() => {
    const t: number[] = [];
    for (let k = 0; k < 20; k++) {
      t.push(performance.timeOrigin + performance.now());
      window.dispatchEvent(new KeyboardEvent('keydown', { key: ['n', 'a', 's'][k % 3]!, bubbles: true }));
    }
    return t;
  });
  const merged = async () => {
    const parts = [await page.evaluate(readTimes), ...(logWorker ? [await logWorker.evaluate(readTimes)] : [])];
    return { journal: new Map(parts.flatMap((p) => p.journal)), idb: new Map(parts.flatMap((p) => p.idb)), seq: new Map(parts.flatMap((p) => p.seq)) };
  };
  const until = Date.now() + 30_000;
  let got = await merged();
  while (got.idb.size < 20 && Date.now() < until) {
    await page.waitForTimeout(20);
    got = await merged();
  }
  await ctx.close();
  // the k-th decision of the burst is the k-th record by its sequence number
  const ids = [...got.seq].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  const ms = (m: Map<string, number>) => ids.map((id, k) => (m.get(id) ?? NaN) - t0[k]!);
  return { journal: ms(got.journal), idb: ms(got.idb) };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Runs `runs` bursts (a fresh context each) and returns the printed lines. */
export async function storageFigures(browser: Browser, origin: string, runs: number): Promise<string[]> {
  const all: StoredFigures = { journal: [], idb: [] };
  for (let r = 0; r < runs; r++) {
    const f = await once(browser, origin);
    all.journal.push(...f.journal);
    all.idb.push(...f.idb);
  }
  const fmt = (xs: number[]) => (xs.some(Number.isNaN) ? `${xs.filter(Number.isNaN).length} of ${xs.length} never stored` : `min ${Math.min(...xs).toFixed(1)} ms · p50 ${quantile(xs, 0.5).toFixed(1)} ms · p95 ${quantile(xs, 0.95).toFixed(1)} ms · max ${Math.max(...xs).toFixed(1)} ms`);
  return [
    `  key -> stored, burst of 20 (0 ms apart), ${runs} runs x 20 decisions:`,
    `    in the journal (localStorage)  ${fmt(all.journal)}   (what a reload or a closed tab restores from)`,
    `    committed to IndexedDB         ${fmt(all.idb)}`,
  ];
}
