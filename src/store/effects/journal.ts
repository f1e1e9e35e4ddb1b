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
  /** every other tab's leftovers, still kept: a page that dies while storing them must find them again */
  leftovers(): Leftover[];
  /** the leftovers under `key` are stored (or refused): forget them */
  settled(key: string): void;
}

export interface Leftover {
  key: string;
  entries: JournalEntry[];
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
    leftovers() {
      const out: Leftover[] = [];
      try {
        for (let i = 0; i < (store?.length ?? 0); i++) {
          const k = store!.key(i);
          if (k?.startsWith(PREFIX) && k !== key) out.push({ key: k, entries: JSON.parse(store!.getItem(k) ?? '[]') as JournalEntry[] });
        }
      } catch {
        // unreadable journal: nothing to restore from it
      }
      return out;
    },
    settled(k) {
      try {
        if (k !== key) store?.removeItem(k);
      } catch {
        // blocked localStorage: the entries come back once more, and storing a record twice is harmless
      }
    },
  };
}
