// Nothing pending at unload: the browser asks before leaving while a write is in flight; storage is asked to persist.
export function guardUnload(pending: () => number, target: Pick<Window, 'addEventListener'> = window): void {
  target.addEventListener('beforeunload', (e: BeforeUnloadEvent) => {
    if (pending() === 0) return;
    e.preventDefault();
    e.returnValue = ''; // older browsers show the prompt only when returnValue is set
  });
}

/** Asks the browser not to evict this site's storage under pressure; the answer is reported, never required. */
export async function requestPersistence(storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return null;
  }
}
