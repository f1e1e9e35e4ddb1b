// The worker client against a fake worker: crashes, silent stops, the per-minute crash budget.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command, WorkerEvent, WorkerMessage } from '../protocol';
import { CrashBudget } from './crashBudget';
import { LabClient, type WorkerLike } from './labClient';
import { RestartingPort } from './restartingPort';

class FakeWorker implements WorkerLike {
  posted: Command[] = [];
  transfers: number[] = [];
  terminated = false;
  /** a live worker answers pings; a stopped one says nothing */
  alive = true;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    const cmd = message as Command;
    this.posted.push(cmd);
    this.transfers.push(transfer.length);
    if (cmd.type === 'ping' && this.alive) this.emit({ type: 'pong', id: cmd.id });
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(m: WorkerMessage): void {
    this.onmessage?.({ data: m } as MessageEvent);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

let workers: FakeWorker[] = [];
const make = () => {
  const w = new FakeWorker();
  workers.push(w);
  return w;
};

beforeEach(() => {
  workers = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

function port() {
  const events: WorkerEvent[] = [];
  const restarts: string[] = [];
  const gaveUp: Array<[string, number]> = [];
  const p = new RestartingPort((ev) => events.push(ev), (why) => restarts.push(why), {
    make, pingEveryMs: 2000, silentAfterMs: 10_000, onGiveUp: (why, n) => gaveUp.push([why, n]),
  });
  return { p, events, restarts, gaveUp };
}

describe('LabClient', () => {
  it('transfers a copy of the data and forwards messages; errors become crash messages', () => {
    const got: WorkerMessage[] = [];
    const crashes: string[] = [];
    const c = new LabClient((m) => got.push(m), (m) => crashes.push(m), make);
    const data = { name: 'x', n: 1, d: 2, values: Float64Array.from([1, 2]), labels: Uint8Array.from([1]), featureNames: ['a', 'b'] };
    c.send({ type: 'setData', data });
    const sent = workers[0]!.posted[0] as Extract<Command, { type: 'setData' }>;
    expect(sent.data.values).not.toBe(data.values);
    expect(Array.from(sent.data.values)).toEqual([1, 2]);
    expect(workers[0]!.transfers).toEqual([1]);
    workers[0]!.emit({ type: 'pong', id: 1 });
    expect(got).toEqual([{ type: 'pong', id: 1 }]);
    workers[0]!.crash('boom');
    workers[0]!.onmessageerror?.({} as MessageEvent);
    expect(crashes).toEqual(['The training worker crashed: boom.', 'A message from the training worker could not be read.']);
  });
});

describe('RestartingPort', () => {
  it('restarts a crashed worker and says why; pongs stay inside the client', () => {
    const { p, events, restarts } = port();
    p.send({ type: 'reset' });
    workers[0]!.emit({ type: 'error', message: 'x', fatal: false });
    workers[0]!.emit({ type: 'pong', id: 3 });
    expect(events).toEqual([{ type: 'error', message: 'x', fatal: false }]);
    workers[0]!.crash('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    expect(restarts).toEqual(['out of memory']);
    p.send({ type: 'cancel' });
    expect(workers[1]!.posted).toEqual([{ type: 'cancel' }]);
    p.dispose();
  });

  it('pings a quiet worker; one that answers is left alone, one that stopped is restarted', () => {
    const { p, restarts } = port();
    vi.advanceTimersByTime(30_000);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted.filter((c) => c.type === 'ping').length).toBeGreaterThan(5);
    expect(restarts).toEqual([]);
    // it stops without a word: after 10 s of silence it counts as crashed
    workers[0]!.alive = false;
    vi.advanceTimersByTime(9_000);
    expect(restarts).toEqual([]);
    vi.advanceTimersByTime(2_000);
    expect(restarts).toEqual(['no answer for 10 s']);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    p.dispose();
    expect(workers[1]!.terminated).toBe(true);
  });

  it('a busy worker that keeps posting is never pinged', () => {
    const { p } = port();
    for (let t = 0; t < 20; t++) {
      vi.advanceTimersByTime(500);
      workers[0]!.emit({ type: 'phase', phase: 'train', stage: 0 });
    }
    expect(workers[0]!.posted).toEqual([]);
    p.dispose();
  });

  it('gives up after more than 3 crashes within a minute, but not for crashes spread over longer', () => {
    const { p, restarts, gaveUp } = port();
    for (let i = 0; i < 3; i++) {
      workers.at(-1)!.crash(`c${i}`);
      vi.advanceTimersByTime(25_000); // 3 crashes, 25 s apart: within budget
    }
    workers.at(-1)!.crash('c3'); // 75 s after the first: only c1, c2, c3 fall in the last minute
    expect(restarts).toEqual(['c0', 'c1', 'c2', 'c3']);
    workers.at(-1)!.crash('c4'); // c1..c4 within 60 s: a fourth crash in a minute
    expect(gaveUp).toEqual([['c4', 4]]);
    expect(workers).toHaveLength(5);
    expect(workers[4]!.terminated).toBe(true);
    // down for good: nothing is sent, nothing restarts, the watchdog is off
    p.send({ type: 'reset' });
    vi.advanceTimersByTime(60_000);
    expect(workers).toHaveLength(5);
    expect(workers[4]!.posted).toEqual([]);
  });
});

describe('CrashBudget', () => {
  it('counts crashes in a sliding window', () => {
    const b = new CrashBudget(2, 1000);
    expect([b.record(0), b.record(500), b.record(999)]).toEqual([true, true, false]);
    expect(b.recent(999)).toBe(3);
    expect(b.record(1600)).toBe(true); // 0 and 500 have left the window: 999 and 1600
    expect(b.recent(1600)).toBe(2);
  });
});
