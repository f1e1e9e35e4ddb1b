// Helpers for the fault-injection specs: read what IndexedDB holds (not what the page shows), fire keys 0 ms apart.
import { expect, type Page } from '@playwright/test';
import { openLab, waitIdle } from './helpers';

export interface Stored {
  sessions: number;
  last: string | null;
  /** decide records of the last session's log */
  decisions: number;
  /** every stored key, for "nothing was stored" checks */
  keys: string[];
}

/** Reads the lab's database directly in the page. */
export function stored(page: Page): Promise<Stored> {
  return page.evaluate(() => new Promise<Stored>((resolve, reject) => {
    const req = indexedDB.open('svdd-lab');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('sessions', 'readonly');
      const s = tx.objectStore('sessions');
      const keys = s.getAllKeys();
      const last = s.get('lastSessionId');
      tx.oncomplete = () => {
        const ks = (keys.result as IDBValidKey[]).map(String);
        const id = (last.result as string | undefined) ?? null;
        const logKeys = ks.filter((k) => id !== null && k.startsWith(`log:${id}:`));
        const t2 = db.transaction('sessions', 'readonly');
        const vals = logKeys.map((k) => t2.objectStore('sessions').get(k));
        t2.oncomplete = () => {
          db.close();
          resolve({
            sessions: ks.filter((k) => k.startsWith('session:')).length, last: id, keys: ks,
            decisions: vals.filter((v) => (v.result as { event: { kind: string } }).event.kind === 'decide').length,
          });
        };
      };
    };
  }));
}

/** Key presses as keydown events dispatched in the page in one task: 0 ms apart. */
export function burst(page: Page, keys: string[]): Promise<void> {
  return page.evaluate((ks) => {
    for (const key of ks) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }, keys);
}

/** Human oracle, one trained round: a queue waiting for answers. */
export async function humanQueue(page: Page, query = '?backend=wasm'): Promise<void> {
  await openLab(page, query);
  await page.getByTestId('oracle-human').click();
  await page.getByTestId('train-round').click();
  await waitIdle(page, 1);
  await expect(page.getByTestId('queue-card')).toHaveCount(6);
}

/** After a reload: the session is open again and the model replayed. */
export async function reopened(page: Page): Promise<void> {
  await expect(page.getByTestId('session-notice')).toContainText('retrained from the label history', { timeout: 90_000 });
  await expect(page.getByTestId('queue-card')).toHaveCount(6);
}
