// The session slice: which stored session is open, and everything that moves between the page and storage.
// The lab and labels slices call it when something happened (a round, a restart, a decision); it never watches them.
// Its moves between page and storage are in sessionOps.ts, its files in sessionFiles.ts.
import type { RunConfig } from '../../core/types';
import type { SnapshotMessage, WeightsMessage, WorkerState } from '../../protocol';
import type { LogRecord } from '../log';
import type { SessionSize, SessionSummary } from '../persist-types';
import { lossesOf, missingDecisions, openRelabels, releaseEarlier, replayFromLog, roundOf } from '../replay';
import { linkDiffers } from '../sessionNames';
import type { Ctx } from './ctx';
import { sessionFileActions } from './sessionFiles';
import { messageOfError, sessionOps } from './sessionOps';

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
  metricsCsv(): string;
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

declare module './ctx' {
  interface AppState {
    session: SessionSlice;
  }
}

export function createSessionSlice(ctx: Ctx): SessionSlice {
  const { deps } = ctx;
  const ops = sessionOps(ctx);
  const { S, L, labels, set, storage, memory, weights, fail, seen, serial, track, quietStale, datasetLabel, refreshList } = ops;
  const { sendRestore, syncAnswers, loadChecked, openRecord, createFromPage, onRestart, saveModel } = ops;
  let kTold = '';

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
        // and forgotten only once stored, so a page closed in between finds them again at the next start
        for (const l of deps.journal?.leftovers() ?? []) {
          for (const e of l.entries) await storage.appendLog(e.session, e.records).catch(() => undefined);
          deps.journal?.settled(l.key);
        }
        const last = await storage.getLastSessionId();
        if (last) {
          try {
            const rec = await loadChecked(last);
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
        await openRecord(await loadChecked(id), 'Opened');
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
        if (rest.length > 0) await openRecord(await loadChecked(rest[0]!.id), 'Opened');
        else {
          L().clearRun();
          await createFromPage();
        }
      }
      await refreshList();
    }),
    refresh: () => serial(refreshList),

    ...sessionFileActions(ctx, ops),
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
      // once stored, the rounds before the shown one let go of their embeddings (a round's n x repDim values)
      if (!memory()) void track(storage.saveRound(id, S().runId, roundOf(m))).then(() => ctx.set('lab', { snapshots: releaseEarlier(L().snapshots) })).catch(quietStale);
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
        if (r.busy && r.activity.startsWith('restoring')) seen.restore = true;
        if (seen.restore && !r.busy) {
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
