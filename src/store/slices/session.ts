// The session slice: which stored session is open, and everything that moves between the page and storage.
// The lab and labels slices call it when something happened (a round, a restart, a decision); it never watches them.
import type { RunConfig } from '../../core/types';
import type { SnapshotMessage, WeightsMessage, WorkerState } from '../../protocol';
import type { Ctx } from '../app';
import { weightsRequests } from '../effects/weights';
import { labelsCsvOf, modelZipOf, scoresCsvOf } from '../exports';
import type { LoadedData } from '../lab';
import type { LogRecord } from '../log';
import { modelWeightsOf } from '../model';
import { StaleWrite, StorageFull } from '../persist';
import type { DatasetRef, SessionRecord, SessionSize, SessionSummary } from '../persist-types';
import { SCHEMA_VERSION } from '../persist-types';
import { lossesOf, messageOf, missingDecisions, openRelabels, replayFromLog, roundAnswers, roundOf, type ReplayPlan } from '../replay';
import { decodeSessionFile, encodeRawFile, encodeSessionFile, sessionFileName } from '../sessionFile';
import { defaultSessionName, isDefaultName, linkDiffers, plural } from '../sessionNames';
import { indexProblems } from '../sessionSchema';
import type { LabSettings } from '../urlState';

export interface SessionData {
  id: string | null;
  name: string;
  /** the run the open session's rounds and model belong to */
  runId: string;
  sessions: SessionSummary[];
  /** a sentence for the page: what was restored, or why the worker restarted */
  notice: string | null;
  /** the worker is replaying the label history */
  restoring: boolean;
  error: string | null;
  /** 'memory': IndexedDB does not work here; the lab runs and nothing is saved */
  storage: 'unknown' | 'ok' | 'memory';
  storageProblem: string | null;
  /** stored sessions that could not be opened: id -> why */
  broken: Record<string, string>;
  /** storage is full: which write failed, and what takes the room */
  full: { failed: string; sizes: SessionSize[] } | null;
  /** storage writes started and not yet finished (the page warns at unload while > 0) */
  writes: number;
}

export interface SessionActions {
  start(): Promise<void>;
  newSession(name?: string): Promise<void>;
  open(id: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  removeSession(id: string): Promise<void>;
  refresh(): Promise<void>;
  exportSession(): Promise<{ fileName: string; bytes: Uint8Array }>;
  /** a stored session as it is, for one that cannot be opened */
  exportRaw(id: string): Promise<{ fileName: string; bytes: Uint8Array }>;
  importSession(bytes: Uint8Array, fileName?: string): Promise<void>;
  labelsCsv(): string;
  scoresCsv(): string;
  modelZip(): Promise<{ fileName: string; bytes: Uint8Array }>;
  retrain(): void;
  workerRestarted(why: string): void;
  /** the worker crashed more often than the budget allows (per minute): it stays down */
  workerGaveUp(why: string, crashes: number): void;
  dismissNotice(): void;
  setError(message: string | null): void;
  dismissFull(): void;
  // ---- called by the other slices and effects ----
  storeRecords(records: LogRecord[]): Promise<void>;
  /** settings changed; `restart`: the run restarted (new data, or its rounds were thrown away) */
  settingsChanged(restart: boolean): Promise<void>;
  roundArrived(m: SnapshotMessage): void;
  runChanged(prev: WorkerState, next: WorkerState): void;
  weightsReply(ev: { id: number; weights: WeightsMessage | null }): void;
  /** another tab stored records */
  receive(msg: { session: string; records: LogRecord[] }): void;
}

export type SessionSlice = SessionData & SessionActions;

const messageOfError = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createSessionSlice(ctx: Ctx): SessionSlice {
  const { deps } = ctx;
  const S = () => ctx.get().session;
  const L = () => ctx.get().lab;
  const labels = () => ctx.get().labels;
  const set = (p: Partial<SessionSlice> | ((s: SessionSlice) => Partial<SessionSlice>)) => ctx.set('session', p);
  const storage = deps.storage;
  const memory = () => S().storage === 'memory';
  const weights = weightsRequests(deps.port);
  const fail = (e: unknown) => set({ error: messageOfError(e) });
  let modelStage = -1;
  let restoreSeen = false;
  let kTold = '';

  // session-level operations run one after another; label writes do not wait for them
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn);
    chain = p.catch(() => undefined);
    return p;
  };

  /** Every storage write goes through here: counted while in flight; a full storage says which write failed. */
  const track = <T>(p: Promise<T>): Promise<T> => {
    set((s) => ({ writes: s.writes + 1 }));
    return p.then(
      (v) => (set((s) => ({ writes: s.writes - 1 })), v),
      async (e: unknown) => {
        set((s) => ({ writes: s.writes - 1 }));
        if (e instanceof StorageFull) set({ full: { failed: e.message, sizes: await storage.sizes().catch(() => []) } });
        throw e;
      },
    );
  };
  const quietStale = (e: unknown) => {
    if (e instanceof StaleWrite) set({ notice: `A result was not saved: ${e.message}. The newer one was kept.` });
    else fail(e);
  };

  const refOf = (data: LoadedData, settings: LabSettings): DatasetRef =>
    data.source === 'bundled' || data.source === 'synthetic' ? { source: 'bundled', name: settings.dataset } : { source: 'imported', data: data.raw, fileName: settings.dataset };
  const datasetLabel = () => L().settings.dataset;
  const refreshList = async () => {
    if (memory()) return;
    const list = await storage.list();
    const broken = S().broken;
    set({ sessions: list.map((s) => (broken[s.id] && !s.problem ? { ...s, problem: broken[s.id]! } : s)) });
  };

  const sendRestore = (plan: ReplayPlan | null, why: string) => {
    if (!plan) return set({ notice: why });
    restoreSeen = false;
    set({ restoring: true, notice: `${why} Retraining the model by replaying ${plural(plan.events.length, 'label')} through stage ${plan.stage}…` });
    deps.port.send({ type: 'restore', events: plan.events, stage: plan.stage, reopen: plan.reopen });
  };

  const openRound = (): number | null => {
    const r = L().run;
    const l = labels();
    return r.nextPhase === 'label' && r.stage === l.round && l.queue.length > 0 ? l.round : null;
  };
  const syncAnswers = () => {
    const r = openRound();
    if (r !== null) L().setAnswers(roundAnswers(labels().history, r));
  };

  const openRecord = async (rec: SessionRecord, how: string) => {
    const lab = L();
    if (lab.run.busy) lab.cancel();
    ctx.set('lab', { settings: { ...rec.settings, backend: lab.settings.backend, present: lab.settings.present }, answers: new Map() });
    ctx.get().link.writeUrl();
    if (rec.dataset.source === 'imported') {
      L().setImported(rec.dataset.data);
      ctx.get().link.fileLoaded(rec.dataset.fileName ?? rec.dataset.data.name);
    } else if (!(await L().loadData())) throw new Error(`The session's dataset could not be loaded: ${L().error}`);
    ctx.set('lab', { snapshots: rec.rounds.map(messageOf), lossLog: lossesOf(rec.rounds), answers: new Map(), progress: null, lastPhase: null });
    labels().load(rec.log);
    modelStage = rec.model?.stage ?? -1;
    set({ id: rec.id, name: rec.name, runId: rec.runId, error: null });
    if (!memory()) await storage.setLastSessionId(rec.id);
    const decisions = labels().history.length;
    sendRestore(replayFromLog(rec.log, rec.rounds), `${how} session "${rec.name}": ${plural(decisions, 'decision')}, ${plural(rec.rounds.length, 'round result')}.`);
    await refreshList();
  };

  const createFromPage = async (name?: string) => {
    const st = L();
    if (!st.data) throw new Error('No dataset is loaded yet.');
    const n = name ?? defaultSessionName(datasetLabel(), deps.now());
    labels().load([]);
    modelStage = -1;
    if (memory()) return set({ id: `memory-${deps.newId()}`, name: n, runId: deps.newId(), error: null });
    const rec = await storage.create({ name: n, dataset: refOf(st.data, st.settings), settings: st.settings, config: st.run.config });
    set({ id: rec.id, name: rec.name, runId: rec.runId, error: null });
    await storage.setLastSessionId(rec.id);
    await refreshList();
  };

  /** The run restarted: a person's labels get a new session; a simulated run is reset in place under a new run id. */
  const onRestart = async (oldDataset: string) => {
    const id = S().id;
    const st = L();
    if (!id || !st.data) return;
    const human = labels().history.some((e) => e.source !== 'simulated');
    if (human) {
      const old = S().name;
      await createFromPage();
      set({ notice: `The run restarted with new settings, so a new session "${S().name}" was started; "${old}" keeps its labels (see Sessions).` });
      return;
    }
    const runId = deps.newId();
    const name = isDefaultName(S().name, oldDataset) && oldDataset !== datasetLabel() ? defaultSessionName(datasetLabel(), deps.now()) : undefined;
    labels().load([]);
    modelStage = -1;
    set({ runId, ...(name ? { name } : {}) });
    if (memory()) return;
    await track(storage.restartRun(id, runId, { settings: st.settings, config: st.run.config, dataset: refOf(st.data, st.settings), clearLog: true, ...(name ? { name } : {}) }));
    await refreshList();
  };

  const saveModel = async () => {
    const id = S().id;
    const runId = S().runId;
    const w = await weights.request();
    if (!id || !w || w.stage <= modelStage || memory()) return;
    modelStage = w.stage;
    await track(storage.saveModel(id, runId, modelWeightsOf(w))).catch(quietStale);
    await refreshList(); // the list shows rounds and decisions: keep it current after each round
  };

  /** The open session as a record (for the export when nothing is stored). */
  const recordOfPage = (): SessionRecord => {
    const st = L();
    if (!st.data) throw new Error('No dataset is loaded yet.');
    return {
      schemaVersion: SCHEMA_VERSION, id: S().id ?? 'session', name: S().name, createdAt: deps.now(), updatedAt: deps.now(),
      dataset: refOf(st.data, st.settings), settings: st.settings, config: st.run.config, log: labels().log, runId: S().runId,
      rounds: st.snapshots.map(roundOf), model: null,
    };
  };

  return {
    id: null, name: '', runId: '', sessions: [], notice: null, restoring: false, error: null,
    storage: 'unknown', storageProblem: null, broken: {}, full: null, writes: 0,

    start: () => serial(async () => {
      try {
        const problem = await storage.probe();
        if (problem) {
          set({ storage: 'memory', storageProblem: problem });
          if (await L().loadData()) await createFromPage();
          return;
        }
        set({ storage: 'ok' });
        // records a reload or a closed tab left in the journal are stored first (putting a record twice is harmless)
        for (const e of deps.journal?.takeAll() ?? []) await storage.appendLog(e.session, e.records).catch(() => undefined);
        const last = await storage.getLastSessionId();
        if (last) {
          try {
            const rec = await storage.load(last);
            if (!linkDiffers(deps.search ?? '', rec.settings)) return await openRecord(rec, 'Restored');
          } catch (e) {
            set((s) => ({ broken: { ...s.broken, [last]: messageOfError(e) }, notice: `The last session could not be restored (${messageOfError(e)}); a new one was started. It is listed under Sessions.` }));
          }
        }
        if (await L().loadData()) await createFromPage();
      } catch (e) {
        fail(e);
      }
    }),

    newSession: (name) => serial(async () => {
      L().clearRun();
      await createFromPage(name);
      set({ notice: `Started a new session "${S().name}".` });
    }),
    open: (id) => serial(async () => {
      try {
        await openRecord(await storage.load(id), 'Opened');
      } catch (e) {
        set((s) => ({ broken: { ...s.broken, [id]: messageOfError(e) } }));
        await refreshList();
        throw e;
      }
    }),
    rename: (id, name) => serial(async () => {
      if (!memory()) await storage.rename(id, name);
      if (S().id === id) set({ name: name.trim() });
      await refreshList();
    }),
    removeSession: (id) => serial(async () => {
      await storage.remove(id);
      set((s) => ({ broken: Object.fromEntries(Object.entries(s.broken).filter(([k]) => k !== id)) }));
      if (S().id === id) {
        const rest = (await storage.list()).filter((s) => !s.problem && !S().broken[s.id]);
        if (rest.length > 0) await openRecord(await storage.load(rest[0]!.id), 'Opened');
        else {
          L().clearRun();
          await createFromPage();
        }
      }
      await refreshList();
    }),
    refresh: () => serial(refreshList),

    exportSession: () => serial(async () => {
      if (memory()) return { fileName: sessionFileName(S().name), bytes: encodeSessionFile(recordOfPage()) };
      await saveModel().catch(() => undefined);
      const id = S().id;
      if (!id) throw new Error('No session is open yet.');
      const rec = await storage.load(id);
      return { fileName: sessionFileName(rec.name), bytes: encodeSessionFile(rec) };
    }),
    exportRaw: (id) => serial(async () => {
      const raw = await storage.raw(id);
      const name = (raw.meta as { name?: unknown } | undefined)?.name;
      return { fileName: sessionFileName(`${typeof name === 'string' ? name : id} raw`), bytes: encodeRawFile(raw) };
    }),
    importSession: (bytes) => serial(async () => {
      const rec = decodeSessionFile(bytes);
      // every index must be a row of the session's data: its own, or the bundled set's size
      const ds = rec.dataset;
      const rows = ds.source === 'imported' ? ds.data.n : await deps.bundledRows?.(ds.name);
      if (rows === null && ds.source === 'bundled') throw new Error(`The session file was not imported: dataset.name: '${ds.name.slice(0, 80)}' is not one of this lab's datasets`);
      const bad = indexProblems(rec, rows ?? Number.MAX_SAFE_INTEGER);
      if (bad.length) throw new Error(`The session file was not imported: ${bad.join('; ')}`);
      if (memory()) return openRecord(rec, 'Imported');
      const before = S().id;
      const stored = await track(storage.importRecord(rec));
      try {
        await openRecord(stored, 'Imported');
      } catch (e) {
        await storage.remove(stored.id).catch(() => undefined);
        if (before) await openRecord(await storage.load(before), 'Reopened').catch(() => undefined);
        throw e;
      }
    }),
    labelsCsv: () => labelsCsvOf(L(), labels().history),
    scoresCsv: () => scoresCsvOf(L()),
    modelZip: () => serial(async () => {
      const w = await weights.request();
      if (!w) throw new Error('There is no trained model yet: train at least one round.');
      return modelZipOf(modelWeightsOf(w), L(), S().name);
    }),
    retrain: () => {
      syncAnswers();
      L().trainRound();
    },

    workerGaveUp(why, crashes) {
      weights.dropAll();
      set({ notice: null, error: `The training worker crashed ${crashes} times within a minute (${why}); reload the page. Your labels are saved.` });
    },
    workerRestarted(why) {
      const st = L();
      weights.dropAll();
      deps.port.send({ type: 'init', backend: st.settings.backend });
      if (!st.data) return;
      deps.port.send({ type: 'setData', data: st.data.raw });
      st.configure();
      ctx.set('lab', { error: null });
      sendRestore(replayFromLog(labels().log, st.snapshots.map((m) => m.snapshot)),
        `The training worker stopped (${why}) and was restarted; resuming from the last completed stage.`);
    },
    dismissNotice: () => set({ notice: null }),
    setError: (message) => set({ error: message }),
    dismissFull: () => set({ full: null }),

    storeRecords(records) {
      const id = S().id;
      if (!id) return Promise.reject(new Error('No session is open yet.'));
      if (memory()) return Promise.resolve();
      deps.journal?.add(id, records);
      const ids = records.map((r) => r.id);
      return track(storage.appendLog(id, records)).then(() => {
        deps.journal?.done(ids);
        deps.channel?.post({ session: id, records });
      }, (e: unknown) => {
        deps.journal?.done(ids); // refused, not lost: it must not come back at the next start
        throw e;
      });
    },

    settingsChanged: (restart) => {
      const oldDataset = S().id ? (S().sessions.find((s) => s.id === S().id)?.dataset ?? datasetLabel()) : datasetLabel();
      if (restart) return serial(() => onRestart(oldDataset)).catch(fail);
      const id = S().id;
      if (!id || memory()) return Promise.resolve();
      const { settings, run } = L();
      return serial(() => track(storage.saveSettings(id, settings, run.config as RunConfig | null))).catch(fail);
    },

    roundArrived(m) {
      const id = S().id;
      if (!id) return;
      if (!memory()) void track(storage.saveRound(id, S().runId, roundOf(m))).catch(quietStale);
      const t = m.snapshot.stage;
      if (t < 1) return;
      const missing = missingDecisions(m.snapshot.labelled, labels().decisions);
      if (missing.length === 0) return;
      // the simulated oracle answered round t-1: record its answers in that round
      const prev = L().snapshots.find((s) => s.snapshot.stage === t - 1);
      void labels().recordSimulated(t - 1, labels().round !== t - 1 ? (prev?.snapshot.queued ?? []) : null, missing).catch(fail);
    },

    runChanged(prev, r) {
      if (S().restoring) {
        if (r.busy && r.activity.startsWith('restoring')) restoreSeen = true;
        if (restoreSeen && !r.busy) {
          const n = S().notice ?? '';
          set({ restoring: false, notice: `${n.replace(/ Retraining the model.*$/, '')} The model was retrained from the label history.` });
          ctx.set('lab', { lossLog: lossesOf(L().snapshots.map((x) => x.snapshot)), progress: null });
          // changes of earlier rounds made in the open round reached the live model as relabels: again now
          for (const x of openRelabels(labels().log, labels().history, labels().round)) deps.port.send({ type: 'relabel', ...x });
        }
      }
      const l = labels();
      if (!r.busy && r.nextPhase === 'label' && r.queue.length > 0 && !S().restoring && (l.round !== r.stage || l.queue.length === 0)) {
        void l.setQueue(r.queue, r.stage).catch(fail);
      }
      const k = L().settings.k;
      if (!r.busy && r.nextPhase === 'label' && typeof k === 'number' && r.queue.length < k && kTold !== `${k}:${r.stage}`) {
        kTold = `${k}:${r.stage}`;
        ctx.get().link.addProblems([`k = ${k} asks for more points than the pool has left to query: round ${r.stage} queued ${r.queue.length}.`]);
      }
      if (prev.busy && !r.busy && !S().restoring && L().snapshots.length > 0) void saveModel().catch(fail);
      syncAnswers();
    },

    weightsReply: (ev) => weights.reply(ev.id, ev.weights),

    receive(msg) {
      if (msg.session === S().id) labels().merge(msg.records);
    },
  };
}
