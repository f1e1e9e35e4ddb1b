// The session slice's moves between the page and storage, shared by its actions: open a stored record onto the page,
// store the page as a new session, restart a run, save the model. Session-level operations run one after another.
import { weightsRequests } from '../effects/weights';
import type { LoadedData } from '../lab';
import { modelWeightsOf } from '../model';
import { StaleWrite, StorageFull } from '../persist';
import type { DatasetRef, SessionRecord } from '../persist-types';
import { SCHEMA_VERSION } from '../persist-types';
import { lossesOf, messageOf, releaseEarlier, replayFromLog, roundAnswers, roundOf, type ReplayPlan } from '../replay';
import { defaultSessionName, isDefaultName, plural } from '../sessionNames';
import { storedProblems } from '../sessionSchema';
import type { LabSettings } from '../urlState';
import type { AppState, Ctx } from './ctx';

export const messageOfError = (e: unknown) => (e instanceof Error ? e.message : String(e));

type Session = AppState['session'];

export type SessionOps = ReturnType<typeof sessionOps>;

export function sessionOps(ctx: Ctx) {
  const { deps } = ctx;
  const S = () => ctx.get().session;
  const L = () => ctx.get().lab;
  const labels = () => ctx.get().labels;
  const set = (p: Partial<Session> | ((s: Session) => Partial<Session>)) => ctx.set('session', p);
  const storage = deps.storage;
  const memory = () => S().storage === 'memory';
  const weights = weightsRequests(deps.port);
  const fail = (e: unknown) => set({ error: messageOfError(e) });
  /** the stage of the weights last stored, and whether the worker has started the replay it was sent */
  const seen = { modelStage: -1, restore: false };

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
    seen.restore = false;
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

  /** A stored session, refused before anything on the page changes when it cannot be opened (listed with the reason). */
  const loadChecked = async (id: string): Promise<SessionRecord> => {
    const rec = await storage.load(id);
    const ds = rec.dataset;
    const rows = ds.source === 'imported' ? ds.data.n : await deps.bundledRows?.(ds.name);
    const bad = rows === null ? [`its dataset '${ds.source === 'bundled' ? ds.name.slice(0, 80) : ''}' is not one of this lab's datasets`] : storedProblems(rec, rows ?? Number.MAX_SAFE_INTEGER);
    if (bad.length) throw new Error(`The saved session is damaged: ${bad.join('; ')}`);
    return rec;
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
    // a stored session's earlier rounds stay in storage: the page keeps what it draws (see releaseEarlier)
    const snapshots = rec.rounds.map(messageOf);
    ctx.set('lab', { snapshots: memory() ? snapshots : releaseEarlier(snapshots), lossLog: lossesOf(rec.rounds), answers: new Map(), progress: null, lastPhase: null });
    labels().load(rec.log);
    seen.modelStage = rec.model?.stage ?? -1;
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
    seen.modelStage = -1;
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
    seen.modelStage = -1;
    set({ runId, ...(name ? { name } : {}) });
    if (memory()) return;
    await track(storage.restartRun(id, runId, { settings: st.settings, config: st.run.config, dataset: refOf(st.data, st.settings), clearLog: true, ...(name ? { name } : {}) }));
    await refreshList();
  };

  const saveModel = async () => {
    const id = S().id;
    const runId = S().runId;
    const w = await weights.request();
    if (!id || !w || w.stage <= seen.modelStage || memory()) return;
    seen.modelStage = w.stage;
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
    S, L, labels, set, storage, memory, weights, fail, seen, serial, track, quietStale, datasetLabel, refreshList,
    sendRestore, syncAnswers, loadChecked, openRecord, createFromPage, onRestart, saveModel, recordOfPage,
  };
}
