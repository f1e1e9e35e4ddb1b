// Named sessions in IndexedDB (idb-keyval custom store). A session is split over keys so that a label write stays small:
//   session:<id>          meta: name, times, settings, config, labels (written on every decision)
//   data:<id>             the dataset (a bundled name, or the imported RawData with its typed arrays)
//   rounds:<id>:<stage>   one StageSnapshot per scored stage
//   model:<id>            the latest model weights, c and R
//   lastSessionId         the session to restore on reload
import { createStore, get, promisifyRequest, set, del, update } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import type { RunConfig, StageSnapshot } from '../core/types';
import { EMPTY_LABELS } from './labels';
import type { LabelsSnapshot } from './labels';
import { migrate } from './persist-migrate';
import { SCHEMA_VERSION, datasetName } from './persist-types';
import type { DatasetRef, ModelWeights, SessionRecord, SessionSummary } from './persist-types';
import type { LabSettings } from './urlState';

export const DB_NAME = 'svdd-lab';
export const STORE_NAME = 'sessions';
const LAST = 'lastSessionId';
const metaKey = (id: string) => `session:${id}`;
const dataKey = (id: string) => `data:${id}`;
const modelKey = (id: string) => `model:${id}`;
// stages zero-padded so that key order is stage order
const roundKey = (id: string, stage: number) => `rounds:${id}:${String(stage).padStart(6, '0')}`;
const roundRange = (id: string) => IDBKeyRange.bound(`rounds:${id}:`, `rounds:${id}:\uffff`);

/** The part of a record kept under session:<id>. */
export interface StoredMeta extends Omit<SessionRecord, 'dataset' | 'rounds' | 'model' | 'schemaVersion' | 'labels'> {
  schemaVersion: number;
  /** v2: LabelsSnapshot; v1: index -> 0/1 */
  labels: unknown;
  datasetName: string;
  [older: string]: unknown;
}

export interface NewSession {
  name: string;
  dataset: DatasetRef;
  settings: LabSettings;
  config?: RunConfig | null;
}

export interface SessionStorage {
  /** all sessions, most recently updated first */
  list(): Promise<SessionSummary[]>;
  create(init: NewSession): Promise<SessionRecord>;
  /** the whole record, upgraded to the current schema (and written back if it was older) */
  load(id: string): Promise<SessionRecord>;
  /** writes the whole record (rounds beyond record.rounds are dropped); returns it with updatedAt set */
  save(record: SessionRecord): Promise<SessionRecord>;
  /** stores an imported session file's record as it is, under a fresh id when its id is already taken */
  importRecord(record: SessionRecord): Promise<SessionRecord>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** the labels store's save: one small write per decision */
  saveLabels(id: string, labels: LabelsSnapshot): Promise<void>;
  saveSettings(id: string, settings: LabSettings, config: RunConfig | null): Promise<void>;
  /** writes one stage's results and drops any later stages (they belong to a run that was replaced) */
  saveRound(id: string, snapshot: StageSnapshot): Promise<void>;
  /** drops stages >= fromStage (e.g. 0 when the settings change and the run restarts) */
  truncateRounds(id: string, fromStage: number): Promise<void>;
  saveModel(id: string, model: ModelWeights | null): Promise<void>;
  getLastSessionId(): Promise<string | null>;
  setLastSessionId(id: string | null): Promise<void>;
}

export interface StorageOptions {
  dbName?: string;
  storeName?: string;
  now?: () => number;
  newId?: () => string;
}

/** randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere. */
function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function checkName(name: string): string {
  const t = name.trim();
  if (t === '') throw new Error('A session name cannot be empty');
  if (t.length > 200) throw new Error(`A session name can have at most 200 characters (this one has ${t.length})`);
  return t;
}

/** Turns IndexedDB's terse errors into a sentence. */
function explain(e: unknown, doing: string): Error {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError') {
    return new Error(`Could not ${doing}: the browser's storage for this site is full. Delete old sessions or export them to files.`, { cause: e });
  }
  if (e instanceof Error && /^(No saved session|A session name|The saved session|The session was saved)/.test(msg)) return e;
  return new Error(`Could not ${doing}: ${name ? `${name}: ` : ''}${msg}`, { cause: e });
}

export function openSessionStorage(opts: StorageOptions = {}): SessionStorage {
  const db: UseStore = createStore(opts.dbName ?? DB_NAME, opts.storeName ?? STORE_NAME);
  const now = opts.now ?? Date.now;
  const newId = opts.newId ?? randomId;

  /** Several operations in one readwrite transaction: all or nothing. */
  const write = (ops: (s: IDBObjectStore) => void) => db('readwrite', (s) => {
    ops(s);
    return promisifyRequest(s.transaction);
  });
  const wrap = <T>(doing: string, p: () => Promise<T>): Promise<T> => p().catch((e: unknown) => { throw explain(e, doing); });
  const missing = (id: string) => new Error(`No saved session with id '${id}'`);

  const metaOf = (r: SessionRecord): StoredMeta => ({
    schemaVersion: r.schemaVersion, id: r.id, name: r.name, createdAt: r.createdAt, updatedAt: r.updatedAt,
    settings: r.settings, config: r.config, labels: r.labels, datasetName: datasetName(r.dataset),
  });

  /** read-modify-write of the meta record; refuses a meta of an older schema that has not been loaded (upgraded) yet */
  const updateMeta = (id: string, doing: string, fn: (m: StoredMeta) => StoredMeta) => wrap(doing, async () => {
    let upgraded = false;
    const attempt = () => update<StoredMeta>(metaKey(id), (m) => {
      if (!m) throw missing(id);
      if (m.schemaVersion !== SCHEMA_VERSION) throw new Error('stale');
      return { ...fn(m), updatedAt: now() };
    }, db);
    try {
      await attempt();
    } catch (e) {
      if (!(e instanceof Error && e.message === 'stale') || upgraded) throw e;
      upgraded = true;
      await api.load(id); // upgrades and writes back
      await attempt();
    }
  });

  const putAll = (r: SessionRecord, s: IDBObjectStore) => {
    s.put(metaOf(r), metaKey(r.id));
    s.put(r.dataset, dataKey(r.id));
    s.delete(roundRange(r.id));
    for (const snap of r.rounds) s.put(snap, roundKey(r.id, snap.stage));
    if (r.model) s.put(r.model, modelKey(r.id));
    else s.delete(modelKey(r.id));
  };

  const api: SessionStorage = {
    list: () => wrap('list the saved sessions', () => db('readonly', async (s) => {
      const range = IDBKeyRange.bound('session:', 'session:\uffff');
      const [metas, roundKeys] = await Promise.all([
        promisifyRequest(s.getAll(range)) as Promise<StoredMeta[]>,
        promisifyRequest(s.getAllKeys(IDBKeyRange.bound('rounds:', 'rounds:\uffff'))),
      ]);
      const roundsOf = new Map<string, number>();
      for (const k of roundKeys) {
        const id = String(k).slice('rounds:'.length, String(k).lastIndexOf(':'));
        roundsOf.set(id, (roundsOf.get(id) ?? 0) + 1);
      }
      return metas.map((m): SessionSummary => ({
        id: m.id, name: m.name, createdAt: m.createdAt, updatedAt: m.updatedAt, dataset: m.datasetName,
        rounds: roundsOf.get(m.id) ?? 0,
        decisions: Array.isArray((m.labels as LabelsSnapshot | undefined)?.history)
          ? (m.labels as LabelsSnapshot).history.length
          : Object.keys((m.labels as object | undefined) ?? {}).length,
      })).sort((a, b) => b.updatedAt - a.updatedAt || (a.name < b.name ? -1 : 1));
    })),

    create: (init) => wrap('create the session', async () => {
      const t = now();
      const r: SessionRecord = {
        schemaVersion: SCHEMA_VERSION, id: newId(), name: checkName(init.name), createdAt: t, updatedAt: t,
        dataset: init.dataset, settings: init.settings, config: init.config ?? null,
        labels: { ...EMPTY_LABELS }, rounds: [], model: null,
      };
      await write((s) => putAll(r, s));
      return r;
    }),

    load: (id) => wrap('load the session', async () => {
      const [meta, dataset, model, rounds] = await db('readonly', (s) => Promise.all([
        promisifyRequest(s.get(metaKey(id))) as Promise<StoredMeta | undefined>,
        promisifyRequest(s.get(dataKey(id))) as Promise<DatasetRef | undefined>,
        promisifyRequest(s.get(modelKey(id))) as Promise<ModelWeights | undefined>,
        promisifyRequest(s.getAll(roundRange(id))) as Promise<StageSnapshot[]>,
      ]));
      if (!meta) throw missing(id);
      const { datasetName: _name, ...rest } = meta;
      const record = migrate({ ...rest, dataset, rounds, model: model ?? null });
      if (meta.schemaVersion !== SCHEMA_VERSION) await write((s) => putAll(record, s));
      return record;
    }),

    save: (record) => wrap('save the session', async () => {
      const r: SessionRecord = { ...record, name: checkName(record.name), updatedAt: now() };
      await write((s) => putAll(r, s));
      return r;
    }),

    importRecord: (record) => wrap('import the session', async () => {
      const taken = (await get(metaKey(record.id), db)) !== undefined;
      const r: SessionRecord = { ...record, id: taken ? newId() : record.id, name: checkName(record.name) };
      await write((s) => putAll(r, s));
      return r;
    }),

    rename: async (id, name) => {
      const n = checkName(name);
      await updateMeta(id, 'rename the session', (m) => ({ ...m, name: n }));
    },

    remove: (id) => wrap('delete the session', async () => {
      const last = await get<string>(LAST, db);
      await write((s) => {
        for (const k of [metaKey(id), dataKey(id), modelKey(id)]) s.delete(k);
        s.delete(roundRange(id));
        if (last === id) s.delete(LAST);
      });
    }),

    saveLabels: (id, labels) => updateMeta(id, 'save the label', (m) => ({ ...m, labels })),

    saveSettings: (id, settings, config) => updateMeta(id, 'save the settings', (m) => ({ ...m, settings, config })),

    saveRound: (id, snapshot) => wrap('save the round results', async () => {
      if (!(await get(metaKey(id), db))) throw missing(id);
      await write((s) => {
        s.delete(IDBKeyRange.bound(roundKey(id, snapshot.stage), `rounds:${id}:\uffff`));
        s.put(snapshot, roundKey(id, snapshot.stage));
      });
    }),

    truncateRounds: (id, fromStage) => wrap('drop the round results', () =>
      write((s) => s.delete(IDBKeyRange.bound(roundKey(id, fromStage), `rounds:${id}:\uffff`)))),

    saveModel: (id, model) => wrap('save the model weights', async () => {
      if (!(await get(metaKey(id), db))) throw missing(id);
      await (model ? set(modelKey(id), model, db) : del(modelKey(id), db));
    }),

    getLastSessionId: () => wrap('read the last session', async () => (await get<string>(LAST, db)) ?? null),
    setLastSessionId: (id) => wrap('remember the last session', () => (id === null ? del(LAST, db) : set(LAST, id, db))),
  };
  return api;
}
