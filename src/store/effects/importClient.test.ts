// Tests the import worker's client: one worker, requests and progress answered by id, score requests, a crashed worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Stands in for the browser's Worker: records what is posted and lets the test answer. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: Array<{ msg: unknown; transfer: unknown[] }> = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  constructor(readonly url: URL, readonly options: unknown) {
    FakeWorker.made.push(this);
  }
  postMessage(msg: unknown, transfer: unknown[]) {
    this.posted.push({ msg, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: unknown) {
    this.onmessage!({ data });
  }
}

/** A fresh copy of the module (its worker and ids start over) with the fake Worker in place. */
async function client() {
  vi.resetModules();
  return import('./importClient');
}
const settle = () => new Promise((r) => setTimeout(r, 0));
const tracked = <T,>(p: Promise<T>) => {
  const t: { value: T | undefined; done: boolean } = { value: undefined, done: false };
  void p.then((v) => Object.assign(t, { value: v, done: true }));
  return t;
};

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('import worker client', () => {
  it('starts one module worker, posts each request with its bytes transferred, and reports progress by id', async () => {
    const { parseInWorker } = await client();
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const seen: Array<[number, string]> = [];
    const first = parseInWorker('a.csv', bytes, { delimiter: ',' }, (f, phase) => seen.push([f, phase]));
    expect(FakeWorker.made).toHaveLength(1);
    const w = FakeWorker.made[0]!;
    expect(String(w.url).endsWith('/src/worker/import.worker.ts')).toBe(true);
    expect(w.options).toEqual({ type: 'module', name: 'svdd-import' });
    expect(w.posted).toEqual([{ msg: { id: 1, name: 'a.csv', options: { delimiter: ',' }, bytes }, transfer: [bytes] }]);
    w.answer({ id: 1, kind: 'progress', fraction: 0.25, phase: 'decoding' });
    w.answer({ id: 1, kind: 'progress', fraction: 0.5, phase: 'parsing' });
    w.answer({ id: 7, kind: 'progress', fraction: 0.9, phase: 'someone else' });
    expect(seen).toEqual([[0.25, 'decoding'], [0.5, 'parsing']]);
    const reply = { id: 1, ok: false, error: { code: 'EMPTY', message: 'The file is empty.' }, columns: [], ms: 3 };
    w.answer(reply);
    expect(await first).toEqual(reply);
    // progress after the reply is no longer reported
    w.answer({ id: 1, kind: 'progress', fraction: 1, phase: 'late' });
    expect(seen).toHaveLength(2);
    // the same file again with other options: no bytes, nothing transferred, the same worker
    const again = parseInWorker('a.csv', null, { hasHeader: false });
    expect(FakeWorker.made).toHaveLength(1);
    expect(w.posted[1]).toEqual({ msg: { id: 2, name: 'a.csv', options: { hasHeader: false } }, transfer: [] });
    expect('bytes' in (w.posted[1]!.msg as object)).toBe(false);
    w.answer({ id: 2, ok: false, error: { code: 'X', message: 'x' }, columns: ['label'], ms: 1 });
    expect((await again).ok).toBe(false);
  });

  it('answers requests by id in any order and ignores replies nobody waits for', async () => {
    const { parseInWorker } = await client();
    const a = tracked(parseInWorker('a.csv', null, {}));
    const b = tracked(parseInWorker('b.csv', null, {}));
    const w = FakeWorker.made[0]!;
    w.answer({ id: 99, ok: false, error: { code: 'X', message: 'stray' }, columns: [], ms: 0 });
    w.answer({ id: 2, ok: false, error: { code: 'B', message: 'b' }, columns: [], ms: 2 });
    await settle();
    expect([a.done, b.done]).toEqual([false, true]);
    expect(b.value).toEqual({ id: 2, ok: false, error: { code: 'B', message: 'b' }, columns: [], ms: 2 });
    w.answer({ id: 1, ok: false, error: { code: 'A', message: 'a' }, columns: [], ms: 1 });
    await settle();
    expect([a.done, (a.value as { error: { code: string } }).error.code]).toEqual([true, 'A']);
  });

  it('a score request carries a copy of the model and the file, both transferred; the caller keeps its model', async () => {
    const { scoreInWorker } = await client();
    const model = new Uint8Array([9, 8, 7, 6]);
    const bytes = new Uint8Array([5]).buffer;
    const p = scoreInWorker(model, 'new.csv', bytes);
    const w = FakeWorker.made[0]!;
    const { msg, transfer } = w.posted[0]! as { msg: { id: number; kind: string; model: ArrayBuffer; name: string; bytes: ArrayBuffer }; transfer: ArrayBuffer[] };
    expect([msg.id, msg.kind, msg.name, msg.bytes]).toEqual([1, 'score', 'new.csv', bytes]);
    expect(msg.model).not.toBe(model.buffer);
    expect([...new Uint8Array(msg.model)]).toEqual([9, 8, 7, 6]);
    expect(transfer).toEqual([msg.model, bytes]);
    expect(transfer[0]).toBe(msg.model);
    expect([...model]).toEqual([9, 8, 7, 6]);
    const reply = { id: 1, kind: 'score', ok: false, error: { code: 'BAD_MODEL', message: 'Not a model file.' } };
    w.answer(reply);
    expect(await p).toEqual(reply);
  });

  it('a crashed worker answers every waiting request with one sentence, is dropped, and the next request starts another', async () => {
    const { parseInWorker, scoreInWorker } = await client();
    const a = parseInWorker('a.csv', null, {}, () => undefined);
    const b = scoreInWorker(new Uint8Array([1]), 'b.csv', new ArrayBuffer(1));
    const w = FakeWorker.made[0]!;
    let prevented = 0;
    w.onerror!({ message: 'boom', preventDefault: () => void prevented++ });
    const crash = (id: number) => ({
      id, kind: 'score', ok: false, columns: [], ms: 0,
      error: { code: 'UNEXPECTED', message: 'The file reader crashed: boom. Try the file again.' },
    });
    expect(await Promise.all([a, b])).toEqual([crash(1), crash(2)]);
    expect([prevented, w.terminated]).toEqual([1, true]);
    const c = parseInWorker('c.csv', null, {});
    expect(FakeWorker.made).toHaveLength(2);
    const w2 = FakeWorker.made[1]!;
    expect(w2.posted.map((x) => (x.msg as { id: number }).id)).toEqual([3]);
    w2.onerror!({ message: '', preventDefault: () => undefined });
    expect((await c as unknown as { error: { message: string } }).error.message).toBe('The file reader crashed: unknown error. Try the file again.');
  });
});
