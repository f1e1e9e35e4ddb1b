import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../log';
import { localJournal } from './journal';
import { guardUnload, requestPersistence } from './unload';
import { weightsRequests } from './weights';

/** localStorage as a Map (the Storage interface the journal uses). */
function fakeStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}
const rec = (id: string): LogRecord => ({ id, seq: 0, time: 0, at: 0, event: { kind: 'remove', target: 'x' } });

describe('effects', () => {
  it('journal: what IndexedDB did not confirm is there for the next start, from every tab', () => {
    const ls = fakeStorage();
    const a = localJournal(ls, 'A');
    const b = localJournal(ls, 'B');
    a.add('s1', [rec('1'), rec('2')]);
    a.done(['1']);
    b.add('s1', [rec('3')]);
    // a reload: a new tab id reads the others' leftovers
    const next = localJournal(ls, 'C');
    const left = next.leftovers();
    expect(left).toEqual([
      { key: 'svdd-lab-journal:A', entries: [{ session: 's1', records: [rec('2')] }] },
      { key: 'svdd-lab-journal:B', entries: [{ session: 's1', records: [rec('3')] }] },
    ]);
    // that page dies before storing them: the next start finds the same leftovers
    expect(localJournal(ls, 'D').leftovers()).toEqual(left);
    // stored: each key is forgotten once settled
    next.settled('svdd-lab-journal:A');
    expect(localJournal(ls, 'E').leftovers()).toEqual([left[1]]);
    next.settled('svdd-lab-journal:B');
    expect(ls.length).toBe(0);
  });
  it('unload guard: asks only while a write is pending; persistence is requested once granted or not', async () => {
    let pending = 0;
    let handler: ((e: BeforeUnloadEvent) => void) | null = null;
    guardUnload(() => pending, { addEventListener: (_t: string, h: (e: BeforeUnloadEvent) => void) => void (handler = h) } as unknown as Window);
    const ev = () => ({ prevented: false, returnValue: 'x', preventDefault() { this.prevented = true; } });
    const e0 = ev();
    handler!(e0 as unknown as BeforeUnloadEvent);
    expect(e0.prevented).toBe(false);
    pending = 2;
    const e1 = ev();
    handler!(e1 as unknown as BeforeUnloadEvent);
    expect([e1.prevented, e1.returnValue]).toEqual([true, '']);
    let asked = 0;
    expect(await requestPersistence({ persisted: async () => false, persist: async () => (asked++, true) })).toBe(true);
    expect(await requestPersistence({ persisted: async () => true, persist: async () => (asked++, true) })).toBe(true);
    expect(asked).toBe(1);
    expect(await requestPersistence(undefined)).toBe(null);
  });
  it('weights requests: answered by id; a dead worker answers null to all', async () => {
    const sent: unknown[] = [];
    const w = weightsRequests({ send: (c) => sent.push(c) });
    const a = w.request();
    const b = w.request();
    expect(sent).toEqual([{ type: 'getWeights', id: 1 }, { type: 'getWeights', id: 2 }]);
    w.reply(2, null);
    w.dropAll();
    expect(await Promise.all([a, b])).toEqual([null, null]);
  });
});
