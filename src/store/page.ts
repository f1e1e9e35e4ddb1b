// The page's one store, wired to the browser: IndexedDB, the training and import workers, the address bar, other tabs.
// The workers start on the first command, so importing this module starts nothing.
import type { LabPort } from '../client/labClient';
import { RestartingPort } from '../client/restartingPort';
import { createAppStore, type AppState, type AppStore, type SliceKey } from './app';
import { bundledRows, loadDataset } from './datasets';
import { broadcastLog } from './effects/channel';
import { localJournal } from './effects/journal';
import { parseInWorker } from './effects/importClient';
import { withLogWorker } from './effects/logWrites';
import { openSessionStorage } from './persist';

let port: RestartingPort | null = null;
const lazyPort: LabPort = {
  send: (cmd) => {
    port ??= new RestartingPort(
      (ev) => appStore.getState().lab.handleEvent(ev),
      (why) => appStore.getState().session.workerRestarted(why),
      { onGiveUp: (why, crashes) => appStore.getState().session.workerGaveUp(why, crashes) },
    );
    port.send(cmd);
  },
};

const channel = broadcastLog();

export const appStore: AppStore = createAppStore({
  port: lazyPort,
  // label writes go to IndexedDB from their own worker, so the page's drawing does not delay them
  storage: withLogWorker(openSessionStorage()),
  loader: (s) => loadDataset(s, (key) => appStore.getState().import.importedByKey(key)),
  url: {
    write: (href) => history.replaceState(history.state, '', href),
    location: () => ({ origin: location.origin, pathname: location.pathname, hash: location.hash, href: location.href }),
  },
  channel,
  journal: localJournal(),
  parseFile: parseInWorker,
  bundledRows,
  search: location.search,
});
channel?.listen((msg) => appStore.getState().session.receive(msg));

/** One slice seen as a store of its own (getState/setState/subscribe), for code written against the old per-panel stores. */
export interface SliceStore<K extends SliceKey> {
  getState(): AppState[K];
  getInitialState(): AppState[K];
  setState(patch: Partial<AppState[K]>): void;
  subscribe(fn: (s: AppState[K], prev: AppState[K]) => void): () => void;
}

export function sliceStore<K extends SliceKey>(key: K, store: AppStore = appStore): SliceStore<K> {
  return {
    getState: () => store.getState()[key],
    getInitialState: () => store.getInitialState()[key],
    setState: (patch) => store.setState((s) => ({ [key]: { ...s[key], ...patch } }) as Partial<AppState>),
    subscribe: (fn) => store.subscribe((s, prev) => {
      if (s[key] !== prev[key]) fn(s[key], prev[key]);
    }),
  };
}

export const labStore = sliceStore('lab');
export const compareStore = sliceStore('compare');
export const importStore = sliceStore('import');
export const selectionStore = sliceStore('selection');
