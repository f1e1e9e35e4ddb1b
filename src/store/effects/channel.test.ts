// broadcastLog: two tabs' channels on one name pass decision-log records to each other, never back to the sender.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogRecord } from '../log';
import { broadcastLog, type LogMessage } from './channel';

const record = (id: string, index: number): LogRecord => ({
  id, seq: 0, time: 10, at: 0, event: { kind: 'decide', index, label: 'anomaly', round: 0, source: 'key' },
});

/** A listener that keeps what it got, and can wait for its n-th message. */
function inbox() {
  const got: LogMessage[] = [];
  const waiters: Array<{ n: number; done: () => void }> = [];
  const fn = (m: LogMessage) => {
    got.push(m);
    for (const w of waiters.filter((x) => got.length >= x.n)) w.done();
  };
  const count = (n: number) => new Promise<void>((done) => (got.length >= n ? done() : waiters.push({ n, done })));
  return { got, fn, count };
}

let names = 0;
const fresh = () => `svdd-lab-log-test-${++names}`;

afterEach(() => vi.unstubAllGlobals());

describe('broadcastLog', () => {
  it('a post from one channel reaches the other channel of that name, as a copy, and not its own listener', async () => {
    const name = fresh();
    const a = broadcastLog(name)!;
    const b = broadcastLog(name)!;
    const ina = inbox();
    const inb = inbox();
    a.listen(ina.fn);
    b.listen(inb.fn);
    const sent: LogMessage = { session: 's1', records: [record('r1', 4), record('r2', 7)] };
    a.post(sent);
    await inb.count(1);
    expect(inb.got).toEqual([{ session: 's1', records: [record('r1', 4), record('r2', 7)] }]);
    expect(inb.got[0]).not.toBe(sent); // structured clone: the other tab gets its own copy

    // the answer from b reaches a; a never got its own post (it would have come before b's)
    b.post({ session: 's1', records: [record('r3', 9)] });
    await ina.count(1);
    expect(ina.got).toEqual([{ session: 's1', records: [record('r3', 9)] }]);
    expect(inb.got).toHaveLength(1);
  });

  it('every listener of a channel hears each message, in the order posted', async () => {
    const name = fresh();
    const a = broadcastLog(name)!;
    const b = broadcastLog(name)!;
    const first = inbox();
    const second = inbox();
    b.listen(first.fn);
    b.listen(second.fn);
    a.post({ session: 's1', records: [record('r1', 1)] });
    a.post({ session: 's2', records: [] });
    await Promise.all([first.count(2), second.count(2)]);
    expect(first.got.map((m) => [m.session, m.records.map((r) => r.id)])).toEqual([['s1', ['r1']], ['s2', []]]);
    expect(second.got).toEqual(first.got);
  });

  it('a channel of another name hears nothing', async () => {
    const a = broadcastLog(fresh())!;
    const name = fresh();
    const other = broadcastLog(name)!;
    const same = broadcastLog(name)!;
    const inOther = inbox();
    const inSame = inbox();
    other.listen(inOther.fn);
    same.listen(inSame.fn);
    a.post({ session: 'x', records: [record('r1', 1)] });
    // a message on `name` after a's: once it arrived, a's would have too, had it crossed names
    other.post({ session: 'y', records: [] });
    await inSame.count(1);
    expect(inSame.got).toEqual([{ session: 'y', records: [] }]);
    expect(inOther.got).toEqual([]);
  });

  it('is undefined where BroadcastChannel does not exist', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    expect(broadcastLog(fresh())).toBeUndefined();
  });
});
