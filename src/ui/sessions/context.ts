// The page's one session sync, reachable from components (set once in main.tsx before the first render).
import { useStore } from 'zustand';
import type { LabelsActions, LabelsState } from '../../store/labels';
import type { SessionSync, SyncState } from '../../store/session-sync';

let current: SessionSync | null = null;

export function setSessionSync(s: SessionSync): void {
  current = s;
}

export function getSessionSync(): SessionSync {
  if (!current) throw new Error('The session sync is not set up (main.tsx calls setSessionSync first).');
  return current;
}

export function useSyncState<T>(sel: (s: SyncState) => T): T {
  return useStore(getSessionSync().state, sel);
}

export function useLabels<T>(sel: (s: LabelsState & LabelsActions) => T): T {
  return useStore(getSessionSync().labels, sel);
}

/** Runs an action; a failure (e.g. a write that did not happen) shows in the sync's error line. */
export function act(p: Promise<unknown>): void {
  p.catch((e: unknown) => getSessionSync().state.setState({ error: e instanceof Error ? e.message : String(e) }));
}

/** Saves bytes or text as a file through a temporary link (no request leaves the page). */
export function download(fileName: string, content: Uint8Array | string, type: string): void {
  const blob = new Blob([typeof content === 'string' ? content : (content as Uint8Array<ArrayBuffer>)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
