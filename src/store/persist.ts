// Named sessions in IndexedDB (idb-keyval custom store); the key layout is in persist-keys.ts.
import { createStore, get, promisifyRequest, set, del, update } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import type { RunConfig, StageSnapshot } from '../core/types';
import type { LogRecord } from './log';
import { migrate } from './persist-migrate';
import { checkName, explain, missing, StaleWrite } from './persist-errors';
import { LAST, dataKey, logKey, logRange, metaKey, modelKey, pieceRange, roundKey, roundRange, type StoredMeta } from './persist-keys';
import { PIECE_VALUES, putAll, putDataset, putInTurn, readDataset, type LazyPut } from './persist-write';
import { summaries, sizesOf } from './persist-summary';
import { SCHEMA_VERSION, datasetName } from './persist-types';
import type { DatasetRef, ModelWeights, SessionRecord, SessionSize, SessionSummary } from './persist-types';
import type { LabSettings } from './urlState';
import { randomId } from '../core/randomId';

export { StaleWrite, StorageFull, checkName } from './persist-errors';
export type { StoredMeta } from './persist-keys';

export const DB_NAME = 'svdd-lab';
export const STORE_NAME = 'sessions';

export interface NewSession {
  name: string;
  dataset: DatasetRef;
  settings: LabSettings;
  config?: RunConfig | null;
}

export interface SessionStorage {
  /** null when IndexedDB works here, else why not (private mode, blocked storage) */
  probe(): Promise<string | null>;
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
  /** the records of one action, in one small transaction (each record under its own key: nothing is rewritten) */
  appendLog(id: string, records: readonly LogRecord[]): Promise<void>;
  saveSettings(id: string, settings: LabSettings, config: RunConfig | null): Promise<void>;
  /** a new run replaces the rounds and the model (and, for a simulated run, the log) under a new run id */
  restartRun(id: string, runId: string, init: { settings: LabSettings; config: RunConfig | null; dataset: DatasetRef; name?: string; clearLog: boolean }): Promise<void>;
  /** one stage's results of run `runId`; refused (StaleWrite) when the run was replaced or a later stage is stored */
  saveRound(id: string, runId: string, snapshot: StageSnapshot): Promise<void>;
  /** the weights of run `runId`; refused (StaleWrite) when the run was replaced or newer weights are stored */
  saveModel(id: string, runId: string, model: ModelWeights): Promise<void>;
  /** every session's estimated size, largest first (for "storage is full") */
  sizes(): Promise<SessionSize[]>;
  /** everything stored under a session, as it is (for exporting a session that cannot be opened) */
  raw(id: string): Promise<Record<string, unknown>>;
  getLastSessionId(): Promise<string | null>;
  setLastSessionId(id: string | null): Promise<void>;
}

export interface StorageOptions {
  dbName?: string;
  storeName?: string;
  now?: () => number;
  newId?: () => string;
  /** float64 values per stored piece of a large dataset (tests use small pieces) */
  pieceValues?: number;
}

export function openSessionStorage(opts: StorageOptions = {}): SessionStorage {
  let opened: UseStore | null = null;
  // opened on first use, so that a browser without IndexedDB fails in probe() and nowhere else
  const db: UseStore = (mode, fn) => (opened ??= createStore(opts.dbName ?? DB_NAME, opts.storeName ?? STORE_NAME))(mode, fn);
  const now = opts.now ?? Date.now;
  const newId = opts.newId ?? randomId;
  const per = opts.pieceValues ?? PIECE_VALUES;

  /** Several operations in one readwrite transaction: all or nothing; the puts `ops` returns go one per task after. */
  const write = (ops: (s: IDBObjectStore) => LazyPut[] | void) => db('readwrite', async (s) => {
    const done = promisifyRequest(s.transaction);
    done.catch(() => undefined);
    try {
      await putInTurn(s, ops(s) ?? []);
    } catch (e) {
      // a refused put (storage full) takes the earlier ones of the transaction back with it
      try {
        s.transaction.abort();
      } catch {
        // already aborted by the failed request
      }
      throw e;
    }
    return done;
  });
  const wrap = <T>(doing: string, p: () => Promise<T>): Promise<T> => p().catch((e: unknown) => { throw explain(e, doing); });
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

  /** One readwrite transaction that reads before it writes; a thrown error aborts it (nothing is written). */
  const guarded = (fn: (s: IDBObjectStore) => Promise<void>) => db('readwrite', async (s) => {
    const done = promisifyRequest(s.transaction);
    try {
      await fn(s);
    } catch (e) {
      s.transaction.abort();
      await done.catch(() => undefined);
      throw e;
    }
    return done;
  });
  const metaIn = async (s: IDBObjectStore, id: string, runId?: string): Promise<StoredMeta> => {
    const m = (await promisifyRequest(s.get(metaKey(id)))) as StoredMeta | undefined;
    if (!m) throw missing(id);
    if (runId !== undefined && m.runId !== undefined && m.runId !== runId) throw new StaleWrite('the session was restarted (in another tab?); this result belongs to the run before');
    return m;
  };

  const api: SessionStorage = {
    list: () => wrap('list the saved sessions', () => db('readonly', async (s) => {
      const range = IDBKeyRange.bound('session:', 'session:\uffff');
      const [metas, roundKeys, logs] = await Promise.all([
        promisifyRequest(s.getAll(range)) as Promise<StoredMeta[]>,
        promisifyRequest(s.getAllKeys(IDBKeyRange.bound('rounds:', 'rounds:\uffff'))),
        promisifyRequest(s.getAll(IDBKeyRange.bound('log:', 'log:\uffff'))) as Promise<LogRecord[]>,
      ]);
      const logKeys = (await promisifyRequest(s.getAllKeys(IDBKeyRange.bound('log:', 'log:\uffff')))).map(String);
      return summaries(metas, roundKeys, logKeys, logs);
    })),

    create: (init) => wrap('create the session', async () => {
      const t = now();
      const id = newId();
      const r: SessionRecord = {
        schemaVersion: SCHEMA_VERSION, id, name: checkName(init.name), createdAt: t, updatedAt: t,
        dataset: init.dataset, settings: init.settings, config: init.config ?? null,
        log: [], runId: `${id}-run0`, rounds: [], model: null,
      };
      await write((s) => putAll(r, s, per));
      return r;
    }),

    load: (id) => wrap('load the session', async () => {
      // the dataset piece by piece and the rounds one by one: each is deserialised in its own task
      const [meta, dataset, model, rounds, log] = await db('readonly', (s) => Promise.all([
        promisifyRequest(s.get(metaKey(id))) as Promise<StoredMeta | undefined>,
        readDataset(s, id),
        promisifyRequest(s.get(modelKey(id))) as Promise<ModelWeights | undefined>,
        promisifyRequest(s.getAllKeys(roundRange(id))).then((keys) => Promise.all(keys.map((k) => promisifyRequest(s.get(k)) as Promise<StageSnapshot>))),
        promisifyRequest(s.getAll(logRange(id))) as Promise<LogRecord[]>,
      ]));
      if (!meta) throw missing(id);
      const { datasetName: _name, ...rest } = meta;
      const record = migrate({ ...rest, dataset, rounds, model: model ?? null, ...(meta.schemaVersion >= 3 ? { log } : {}) });
      if (meta.schemaVersion !== SCHEMA_VERSION) await write((s) => putAll(record, s, per));
      return record;
    }),

    save: (record) => wrap('save the session', async () => {
      const r: SessionRecord = { ...record, name: checkName(record.name), updatedAt: now() };
      await write((s) => putAll(r, s, per));
      return r;
    }),

    importRecord: (record) => wrap('import the session', async () => {
      const taken = (await get(metaKey(record.id), db)) !== undefined;
      const r: SessionRecord = { ...record, id: taken ? newId() : record.id, name: checkName(record.name) };
      await write((s) => putAll(r, s, per));
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
        s.delete(pieceRange(id));
        s.delete(roundRange(id));
        s.delete(logRange(id));
        if (last === id) s.delete(LAST);
      });
    }),

    appendLog: (id, records) => wrap('save the label', () => guarded(async (s) => {
      // the session check and the puts go out together (one round trip, not two); a missing session aborts them all
      const known = metaIn(s, id);
      known.catch(() => undefined);
      for (const r of records) s.put(r, logKey(id, r));
      await known;
    })),

    saveSettings: (id, settings, config) => updateMeta(id, 'save the settings', (m) => ({ ...m, settings, config })),

    restartRun: (id, runId, init) => wrap('start the new run', () => guarded(async (s) => {
      const m = await metaIn(s, id);
      s.put({ ...m, runId, settings: init.settings, config: init.config, datasetName: datasetName(init.dataset), ...(init.name ? { name: checkName(init.name) } : {}), updatedAt: now() }, metaKey(id));
      const pieces = putDataset(s, id, init.dataset, per);
      s.delete(roundRange(id));
      s.delete(modelKey(id));
      if (init.clearLog) s.delete(logRange(id));
      await putInTurn(s, pieces);
    })),

    saveRound: (id, runId, snapshot) => wrap('save the round results', () => guarded(async (s) => {
      await metaIn(s, id, runId);
      const later = await promisifyRequest(s.getAllKeys(IDBKeyRange.bound(roundKey(id, snapshot.stage + 1), `rounds:${id}:\uffff`), 1));
      if (later.length > 0) throw new StaleWrite(`a later round than ${snapshot.stage} is already stored (in another tab?)`);
      s.put(snapshot, roundKey(id, snapshot.stage));
    })),

    saveModel: (id, runId, model) => wrap('save the model weights', () => guarded(async (s) => {
      await metaIn(s, id, runId);
      const old = (await promisifyRequest(s.get(modelKey(id)))) as ModelWeights | undefined;
      if (old && old.stage > model.stage) throw new StaleWrite(`the stored weights are of stage ${old.stage}, newer than ${model.stage}`);
      s.put(model, modelKey(id));
    })),

    sizes: () => wrap('measure the saved sessions', () => db('readonly', async (s) => {
      const [keys, values] = await Promise.all([promisifyRequest(s.getAllKeys()), promisifyRequest(s.getAll())]);
      return sizesOf(keys, values);
    })),

    raw: (id) => wrap('read the stored session', () => db('readonly', async (s) => {
      // a dataset whose pieces are damaged is given as it lies (its head)
      const [meta, dataset, model, rounds, log] = await Promise.all([
        promisifyRequest(s.get(metaKey(id))), readDataset(s, id).catch(() => promisifyRequest(s.get(dataKey(id)))), promisifyRequest(s.get(modelKey(id))),
        promisifyRequest(s.getAll(roundRange(id))), promisifyRequest(s.getAll(logRange(id))),
      ]);
      return { meta, dataset, model, rounds, log };
    })),

    probe: async () => {
      try {
        await db('readonly', (s) => promisifyRequest(s.count()));
        return null;
      } catch (e) {
        opened = null;
        return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
    },

    getLastSessionId: () => wrap('read the last session', async () => (await get<string>(LAST, db)) ?? null),
    setLastSessionId: (id) => wrap('remember the last session', () => (id === null ? del(LAST, db) : set(LAST, id, db))),
  };
  return api;
}
