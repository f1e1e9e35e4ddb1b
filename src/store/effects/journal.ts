// A synchronous journal of log records not yet confirmed by IndexedDB (localStorage, one key per tab): a reload or a
// closed tab right after a key press cannot lose the decision, since the next start stores what the journal holds.
import type { LogRecord } from '../log';

export interface JournalEntry {
  session: string;
  records: LogRecord[];
}

export interface Journal {
  add(session: string, records: readonly LogRecord[]): void;
  /** IndexedDB has these records: drop them from the journal */
  done(ids: readonly string[]): void;
  /** every tab's leftovers (this tab's included), removed from the journal */
  takeAll(): JournalEntry[];
}

const PREFIX = 'svdd-lab-journal:';

export function localJournal(store: Storage | undefined = globalThis.localStorage, tab = Math.random().toString(36).slice(2)): Journal {
  const key = PREFIX + tab;
  let entries: JournalEntry[] = [];
  const write = () => {
    try {
      if (entries.length) store?.setItem(key, JSON.stringify(entries));
      else store?.removeItem(key);
    } catch {
      // no localStorage (blocked, full): IndexedDB alone keeps the records
    }
  };
  return {
    add(session, records) {
      entries = [...entries, { session, records: [...records] }];
      write();
    },
    done(ids) {
      const gone = new Set(ids);
      entries = entries.map((e) => ({ ...e, records: e.records.filter((r) => !gone.has(r.id)) })).filter((e) => e.records.length > 0);
      write();
    },
    takeAll() {
      const out: JournalEntry[] = [];
      try {
        for (let i = (store?.length ?? 0) - 1; i >= 0; i--) {
          const k = store!.key(i);
          if (!k?.startsWith(PREFIX) || k === key) continue;
          out.push(...(JSON.parse(store!.getItem(k) ?? '[]') as JournalEntry[]));
          store!.removeItem(k);
        }
      } catch {
        // unreadable journal: nothing to restore from it
      }
      out.push(...entries);
      entries = [];
      write();
      return out;
    },
  };
}
