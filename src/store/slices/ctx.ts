// What every slice gets: the whole state, a setter per slice, and the effects the actions call. Each slice's module
// adds its own key to AppState (declaration merging), so this module imports no slice and the store has no cycle.
import type { LabPort } from '../../client/labClient';
import type { RawData } from '../../core/types';
import type { ImportOptions } from '../../io/importFile';
import type { ImportReply } from '../effects/importClient';
import type { Journal } from '../effects/journal';
import type { DataSource } from '../lab';
import type { LogRecord } from '../log';
import type { SessionStorage } from '../persist';
import type { LabSettings } from '../urlState';

/** The page's state, one key per slice (lab, labels, session, compare, import, selection, link); filled in by the slices. */
export interface AppState {}

export type SliceKey = keyof AppState;

export type DatasetLoader = (s: LabSettings) => Promise<{ raw: RawData; source: DataSource; notices: string[] }>;

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
  parseFile?: (fileName: string, bytes: ArrayBuffer | null, options: ImportOptions, onProgress?: (fraction: number, phase: string) => void) => Promise<ImportReply>;
  /** rows of a bundled dataset (the manifest), to check an imported session file before it is stored */
  bundledRows?: (name: string) => Promise<number | null>;
  now?: () => number;
  newId?: () => string;
  /** location.search at start: explicit settings in a link start a fresh session instead of restoring */
  search?: string;
}

export interface Ctx {
  get: () => AppState;
  set: <K extends SliceKey>(key: K, patch: Partial<AppState[K]> | ((s: AppState[K]) => Partial<AppState[K]>)) => void;
  deps: AppDeps & { now: () => number; newId: () => string };
}
