// Session and labels state for components, and two helpers: run an action with its failure shown, save a file.
import { appStore } from '../../store/page';

export { useLabels, useSession as useSyncState } from '../../store/hooks';

/** The labels and session actions of the page's store. */
export const labelsActions = () => appStore.getState().labels;
export const sessionActions = () => appStore.getState().session;

/** Runs an action; a failure (e.g. a write that did not happen) shows in the session's error line. */
export function act(p: Promise<unknown>): void {
  p.catch((e: unknown) => appStore.getState().session.setError(e instanceof Error ? e.message : String(e)));
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
