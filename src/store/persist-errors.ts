// What a storage write can fail with, in words a person can act on.

/** A write refused because a newer writer (another tab, a later round) got there first. */
export class StaleWrite extends Error {
  override name = 'StaleWrite';
}

/** The browser refused a write because this site's storage is full. */
export class StorageFull extends Error {
  override name = 'StorageFull';
}

export function checkName(name: string): string {
  const t = name.trim();
  if (t === '') throw new Error('A session name cannot be empty');
  if (t.length > 200) throw new Error(`A session name can have at most 200 characters (this one has ${t.length})`);
  return t;
}

export const missing = (id: string) => new Error(`No saved session with id '${id}'`);

/** Turns IndexedDB's terse errors into a sentence. */
export function explain(e: unknown, doing: string): Error {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof StaleWrite) return e;
  if (name === 'QuotaExceededError') {
    return new StorageFull(`Could not ${doing}: the browser's storage for this site is full. Delete old sessions or export them to files.`, { cause: e });
  }
  if (e instanceof Error && /^(No saved session|A session name|The saved session|The session was saved)/.test(msg)) return e;
  return new Error(`Could not ${doing}: ${name ? `${name}: ` : ''}${msg}`, { cause: e });
}
