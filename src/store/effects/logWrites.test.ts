// The log-write worker and its client: a burst is stored in two transactions, errors keep their kind, a crashed or
// missing worker leaves the writes to the page, and other storage calls wait for the log writes before them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { WorkerLike } from '../../client/labClient';
import type { LogRecord } from '../log';
import { openSessionStorage, StorageFull, type SessionStorage } from '../persist';
import { DEFAULT_SETTINGS } from '../urlState';
import { errorOfReply, logWriteServer, withLogWorker, type LogWriteReply, type LogWriteRequest } from './logWrites';

let dbCount = 0;
const storage = () => openSessionStorage({ dbName: `logwrites-${++dbCount}`, newId: () => 's1' });
const decide = (seq: number, index: number): LogRecord => ({
  id: `d${seq}`, seq, time: 1000 + seq, at: 1, event: { kind: 'decide', index, label: seq % 2 ? 'anomaly' : 'normal', round: 1, source: 'key' },
});
const session = (s: SessionStorage) => s.create({ name: 'S', dataset: { source: 'bundled', name: 'ring' }, settings: DEFAULT_SETTINGS });
const settle = () => new Promise((r) => setTimeout(r, 0));

/** appendLog calls as they reach the storage (each is one transaction). */
function counting(s: SessionStorage) {
  const calls: string[][] = [];
  return { calls, storage: { ...s, appendLog: (id: string, rs: readonly LogRecord[]) => (calls.push(rs.map((r) => r.id)), s.appendLog(id, rs)) } };
}

/** A worker that runs the server in this thread, with messages delivered a task later as a real worker's are. */
class InProcessWorker implements WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  posted: LogWriteRequest[] = [];
  terminated = false;
  private readonly serve: (r: LogWriteRequest) => void;
  constructor(inner: Pick<SessionStorage, 'appendLog'>, private readonly deaf = false) {
    this.serve = logWriteServer(inner, (replies: LogWriteReply[]) => setTimeout(() => this.onmessage?.({ data: replies } as MessageEvent), 0));
  }
  postMessage(m: unknown) {
    this.posted.push(m as LogWriteRequest);
    if (!this.deaf) setTimeout(() => this.serve(structuredClone(m) as LogWriteRequest), 0);
  }
  terminate() {
    this.terminated = true;
  }
  crash() {
    this.onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);
  }
}

describe('logWriteServer', () => {
  it('a burst of 20 requests: the first goes alone, the 19 that arrive meanwhile in one transaction; each is answered once', async () => {
    const base = storage();
    await session(base);
    const { calls, storage: s } = counting(base);
    const replies: LogWriteReply[] = [];
    const serve = logWriteServer(s, (r) => replies.push(...r));
    for (let k = 0; k < 20; k++) serve({ id: k + 1, session: 's1', records: [decide(k, k)] });
    await expect.poll(() => replies.length).toBe(20);
    expect(calls).toEqual([['d0'], Array.from({ length: 19 }, (_, k) => `d${k + 1}`)]);
    expect(replies.map((r) => r.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    expect(replies.every((r) => r.error === undefined)).toBe(true);
    expect((await base.load('s1')).log.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, k) => `d${k}`));
  });

  it('a request for a missing session fails alone, with the storage sentence; the others in its batch are stored', async () => {
    const base = storage();
    await session(base);
    const replies: LogWriteReply[] = [];
    const serve = logWriteServer(base, (r) => replies.push(...r));
    serve({ id: 1, session: 's1', records: [decide(0, 0)] });
    serve({ id: 2, session: 'gone', records: [decide(1, 1)] });
    serve({ id: 3, session: 's1', records: [decide(2, 2)] });
    await expect.poll(() => replies.length).toBe(3);
    expect(replies.find((r) => r.id === 2)!.error).toEqual({ name: 'Error', message: "No saved session with id 'gone'" });
    expect(replies.filter((r) => r.error).map((r) => r.id)).toEqual([2]);
    expect((await base.load('s1')).log.map((r) => r.id)).toEqual(['d0', 'd2']);
  });

  it('errors come back as the classes the page tells apart', () => {
    const full = errorOfReply({ name: 'StorageFull', message: "Could not save the label: the browser's storage for this site is full." });
    expect(full).toBeInstanceOf(StorageFull);
    expect(full.message).toBe("Could not save the label: the browser's storage for this site is full.");
    expect(errorOfReply({ name: 'StaleWrite', message: 'later round' }).name).toBe('StaleWrite');
    const plain = errorOfReply({ name: 'Error', message: 'x' });
    expect([plain.name, plain.message, plain instanceof StorageFull]).toEqual(['Error', 'x', false]);
  });
});

describe('withLogWorker', () => {
  it('appendLog is answered when the worker stored the records; load sees them', async () => {
    const base = storage();
    await session(base);
    const w = new InProcessWorker(base);
    const s = withLogWorker(base, () => w);
    await Promise.all([0, 1, 2].map((k) => s.appendLog('s1', [decide(k, k)])));
    expect(w.posted.map((r) => r.records[0]!.id)).toEqual(['d0', 'd1', 'd2']);
    expect((await s.load('s1')).log.map((r) => r.id)).toEqual(['d0', 'd1', 'd2']);
  });

  it('a full storage is reported as StorageFull, with its sentence', async () => {
    const base = storage();
    const refusing = { appendLog: () => Promise.reject(new StorageFull("Could not save the label: the browser's storage for this site is full.")) };
    const s = withLogWorker(base, () => new InProcessWorker(refusing));
    const e = await s.appendLog('s1', [decide(0, 0)]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageFull);
    expect((e as Error).message).toContain('storage for this site is full');
  });

  it('a crashed worker: the writes in flight are stored from this thread, and so are the later ones', async () => {
    const base = storage();
    await session(base);
    const w = new InProcessWorker(base, true); // never answers
    const s = withLogWorker(base, () => w);
    const first = s.appendLog('s1', [decide(0, 0)]);
    await settle();
    w.crash();
    await first;
    expect(w.terminated).toBe(true);
    await s.appendLog('s1', [decide(1, 1)]);
    expect(w.posted).toHaveLength(1);
    expect((await base.load('s1')).log.map((r) => r.id)).toEqual(['d0', 'd1']);
  });

  it('no worker here: the page writes itself', async () => {
    const base = storage();
    await session(base);
    const s = withLogWorker(base, () => null);
    await s.appendLog('s1', [decide(0, 3)]);
    expect((await base.load('s1')).log.map((r) => r.event)).toEqual([decide(0, 3).event]);
  });

  it('a restart called right after a decision clears that decision too: other calls wait for the log writes before them', async () => {
    const base = storage();
    await session(base);
    const s = withLogWorker(base, () => new InProcessWorker(base));
    const write = s.appendLog('s1', [decide(0, 0)]);
    const restart = s.restartRun('s1', 'run1', { settings: DEFAULT_SETTINGS, config: null, dataset: { source: 'bundled', name: 'ring' }, clearLog: true });
    await Promise.all([write, restart]);
    const back = await s.load('s1');
    expect([back.runId, back.log.length]).toEqual(['run1', 0]);
  });
});
