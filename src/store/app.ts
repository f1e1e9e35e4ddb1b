// The page's one store: slices (lab, labels, session, compare, import, selection, link) whose actions call effects
// explicitly (storage, address bar, worker commands); nothing subscribes to the store to guess what happened.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabPort } from '../client/labClient';
import type { ImportReply } from './effects/importClient';
import type { DatasetLoader } from './slices/lab';
import { createCompareSlice, type CompareSlice } from './slices/compare';
import { createImportSlice, type ImportSlice } from './slices/import';
import { createLabSlice, type LabSlice } from './slices/lab';
import { createLabelsSlice, type LabelsSlice } from './slices/labels';
import { createLinkSlice, type LinkSlice } from './slices/link';
import { createSelectionSlice, type SelectionSlice } from './slices/selection';
import { createSessionSlice, type SessionSlice } from './slices/session';
import type { SessionStorage } from './persist';
import type { LogRecord } from './log';
import type { Journal } from './effects/journal';
import type { ImportOptions } from '../io/importFile';

export interface AppState {
  lab: LabSlice;
  labels: LabelsSlice;
  session: SessionSlice;
  compare: CompareSlice;
  import: ImportSlice;
  selection: SelectionSlice;
  link: LinkSlice;
}

/** The effects the actions call; tests pass fakes (fake-indexeddb, a recording port, a fake address bar). */
export interface AppDeps {
  port: LabPort;
  storage: SessionStorage;
  loader: DatasetLoader;
  /** writes the address bar (replaceState); absent in tests that do not look at it */
  url?: { write(href: string): void; location(): { origin: string; pathname: string; hash: string; href: string } };
  /** tells the other tabs of this site about new log records */
  channel?: { post(msg: { session: string; records: LogRecord[] }): void; listen(fn: (msg: { session: string; records: LogRecord[] }) => void): void };
  /** synchronous copy of records until IndexedDB confirms them (survives a reload right after a key press) */
  journal?: Journal;
  /** reads a data file in the import worker */
  parseFile?: (fileName: string, bytes: ArrayBuffer | null, options: ImportOptions) => Promise<ImportReply>;
  /** rows of a bundled dataset (the manifest), to check an imported session file before it is stored */
  bundledRows?: (name: string) => Promise<number | null>;
  now?: () => number;
  newId?: () => string;
  /** location.search at start: explicit settings in a link start a fresh session instead of restoring */
  search?: string;
}

export type SliceKey = keyof AppState;

/** What every slice gets: its own setter, the whole state, and the effects. */
export interface Ctx {
  get: () => AppState;
  set: <K extends SliceKey>(key: K, patch: Partial<AppState[K]> | ((s: AppState[K]) => Partial<AppState[K]>)) => void;
  deps: AppDeps & { now: () => number; newId: () => string };
}

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: AppDeps): AppStore {
  return createStore<AppState>()((setRoot, getRoot) => {
    const ctx: Ctx = {
      get: getRoot,
      set: (key, patch) => setRoot((s) => ({ [key]: { ...s[key], ...(typeof patch === 'function' ? patch(s[key]) : patch) } }) as Partial<AppState>),
      deps: { now: Date.now, newId: randomId, ...deps },
    };
    return {
      lab: createLabSlice(ctx),
      labels: createLabelsSlice(ctx),
      session: createSessionSlice(ctx),
      compare: createCompareSlice(ctx),
      import: createImportSlice(ctx),
      selection: createSelectionSlice(ctx),
      link: createLinkSlice(ctx),
    };
  });
}
