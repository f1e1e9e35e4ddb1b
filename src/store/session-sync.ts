// Glue between the lab store, the labels store and IndexedDB: every decision, round and setting is saved before it
// counts; a reload, a switch of session or a worker crash restores the page and replays the labels into a new model.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Label, RawData } from '../core/types';
import { labelsCsv, scoresCsv } from '../io/export';
import { modelZip } from '../io/model/modelFile';
import { modelInputOf } from './modelInput';
import { decodeSessionFile, encodeSessionFile, sessionFileName } from '../io/sessionFile';
import { modelWeightsOf } from '../ui/sessions/model';
import { lossesOf, messageOf, missingDecisions, replayPlan, roundAnswers, roundOf, type ReplayPlan } from '../ui/sessions/replay';
import type { LabPort } from '../client/labClient';
import type { Command, SnapshotMessage, WeightsMessage, WorkerEvent } from '../protocol';
import type { LabState, LoadedData } from './lab';
import { createLabelsStore, EMPTY_LABELS, type Decision, type DecisionSource, type LabelsStore } from './labels';
import { openSessionStorage, type SessionStorage } from './persist';
import type { DatasetRef, SessionRecord, SessionSummary } from './persist-types';
import { configOverrides, parseUrl, SETTING_KEYS, type LabSettings } from './urlState';

export interface SyncState {
  id: string | null;
  name: string;
  sessions: SessionSummary[];
  /** a sentence for the page: what was restored, or why the worker restarted */
  notice: string | null;
  /** the worker is replaying the label history */
  restoring: boolean;
  error: string | null;
}

export interface SessionSync {
  state: StoreApi<SyncState>;
  labels: LabelsStore;
  /** restore the last session (or start a new one) and load its data */
  start(): Promise<void>;
  decide(index: number, label: Decision, source?: DecisionSource): Promise<void>;
  decideCurrent(label: Decision): Promise<void>;
  decideMany(items: Array<[number, Decision]>, source?: DecisionSource): Promise<void>;
  undo(): Promise<void>;
  edit(seq: number, label: Decision): Promise<void>;
  removeEntry(seq: number): Promise<void>;
  /** send the open round's answers and train the next stage, after every pending write */
  retrain(): Promise<void>;
  newSession(name?: string): Promise<void>;
  open(id: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  removeSession(id: string): Promise<void>;
  refresh(): Promise<void>;
  exportSession(): Promise<{ fileName: string; bytes: Uint8Array }>;
  importSession(bytes: Uint8Array): Promise<void>;
  labelsCsv(): string;
  scoresCsv(): string;
  modelZip(): Promise<{ fileName: string; bytes: Uint8Array }>;
  /** the page's worker died: it was restarted; resume from the last completed stage */
  workerRestarted(why: string): void;
  /** the worker crashed more often than the budget allows (per minute): it stays down */
  workerGaveUp(why: string, crashes: number): void;
  /** events meant for the sync (weights replies); true when consumed */
  handleEvent(ev: WorkerEvent): boolean;
  dismissNotice(): void;
}

export interface SessionSyncOptions {
  lab: StoreApi<LabState>;
  port: LabPort;
  storage?: SessionStorage;
  /** location.search: explicit settings in a link start a fresh session instead of restoring */
  search?: string;
  now?: () => number;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function defaultSessionName(dataset: string, t: number): string {
  const d = new Date(t);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${dataset} ${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Settings named in the link that differ from a saved session's (the link wins: a fresh session). */
export function linkDiffers(search: string, saved: LabSettings): boolean {
  const params = new URLSearchParams(search);
  const { settings } = parseUrl(search);
  return SETTING_KEYS.some((k) => k !== 'backend' && params.has(k) && settings[k] !== saved[k]);
}

export function createSessionSync(opts: SessionSyncOptions): SessionSync {
  const { lab, port } = opts;
  const storage = opts.storage ?? openSessionStorage();
  const now = opts.now ?? Date.now;
  const state = createStore<SyncState>()(() => ({ id: null, name: '', sessions: [], notice: null, restoring: false, error: null }));
  const idOrThrow = () => {
    const id = state.getState().id;
    if (!id) throw new Error('No session is open yet.');
    return id;
  };
  const labels = createLabelsStore({
    save: (snap) => storage.saveLabels(idOrThrow(), snap),
    now,
  });

  // one queue for every storage write and engine command, so they happen in the order they were asked for
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn);
    chain = p.catch(() => undefined);
    return p;
  };
  const fail = (e: unknown) => state.setState({ error: e instanceof Error ? e.message : String(e) });

  let quiet = 0; // > 0 while the sync itself rewrites the lab store
  const saved = new Map<number, SnapshotMessage>(); // stage -> the message last written
  let modelStage = -1;
  let restoreSeen = false;

  // ---- helpers ----

  const openRound = (): number | null => {
    const r = lab.getState().run;
    const l = labels.getState();
    return r.nextPhase === 'label' && r.stage === l.round && l.queue.length > 0 ? l.round : null;
  };

  const sameAnswers = (a: ReadonlyMap<number, Label>, b: ReadonlyMap<number, Label>) =>
    a.size === b.size && [...a].every(([i, l]) => b.get(i) === l);

  /** The lab's pending answers follow the labels store's decisions of the open round. */
  const syncAnswers = () => {
    const r = openRound();
    if (r === null) return;
    const next = roundAnswers(labels.getState().history, r);
    if (!sameAnswers(next, lab.getState().answers)) lab.setState({ answers: next });
  };

  /** Decisions about a round the engine has already trained on go to it as relabels. */
  const relabelOutside = (items: Array<{ index: number; round: number }>) => {
    const open = openRound();
    const history = labels.getState().history;
    for (const { index, round } of items) {
      if (round === open) continue;
      const newest = history.find((e) => e.index === index && e.label !== 'skip');
      port.send({ type: 'relabel', index, label: newest ? (newest.label === 'anomaly' ? 1 : 0) : null });
    }
  };

  const refOf = (data: LoadedData, settings: LabSettings): DatasetRef =>
    data.source === 'bundled' || data.source === 'synthetic'
      ? { source: 'bundled', name: settings.dataset }
      : { source: 'imported', data: data.raw };

  const configure = (settings: LabSettings) => {
    send({ type: 'configure', config: { preset: settings.preset, overrides: configOverrides(settings), k: settings.k === 'auto' ? null : settings.k } });
  };
  const send = (cmd: Command) => port.send(cmd);

  /** Imported data has no loader: put it on the page and in the worker directly. */
  const setImported = (raw: RawData, settings: LabSettings) => {
    const is2d = raw.d === 2;
    lab.setState({
      data: { raw, source: 'file', notices: [], xy: is2d ? Float32Array.from(raw.values) : null, pca: !is2d, explained: null },
      loading: false, snapshots: [], lossLog: [], answers: new Map(), error: null,
    });
    send({ type: 'setData', data: raw });
    configure(settings);
  };

  const refreshList = async () => state.setState({ sessions: await storage.list() });

  const sendRestore = (plan: ReplayPlan | null, why: string) => {
    if (!plan) {
      state.setState({ notice: why });
      return;
    }
    restoreSeen = false;
    state.setState({
      restoring: true,
      notice: `${why} Retraining the model by replaying ${plural(plan.events.length, 'label')} through stage ${plan.stage}…`,
    });
    send({ type: 'restore', ...plan });
  };

  // ---- open / create ----

  const openRecord = async (rec: SessionRecord, how: string) => {
    quiet++;
    try {
      const cur = lab.getState();
      if (cur.run.busy) cur.cancel();
      const settings: LabSettings = { ...rec.settings, backend: cur.settings.backend, present: cur.settings.present };
      lab.setState({ settings, answers: new Map() });
      if (rec.dataset.source === 'imported') setImported(rec.dataset.data, settings);
      else {
        await lab.getState().loadData();
        const err = lab.getState().error;
        if (err) throw new Error(`The session's dataset could not be loaded: ${err}`);
      }
      const msgs = rec.rounds.map(messageOf);
      saved.clear();
      msgs.forEach((m) => saved.set(m.snapshot.stage, m));
      lab.setState({ snapshots: msgs, lossLog: lossesOf(rec.rounds), answers: new Map(), progress: null, lastPhase: null });
      labels.getState().hydrate(rec.labels);
      modelStage = rec.model?.stage ?? -1;
      state.setState({ id: rec.id, name: rec.name, error: null });
      await storage.setLastSessionId(rec.id);
      const decisions = rec.labels.history.length;
      sendRestore(replayPlan(rec.labels.history, rec.rounds),
        `${how} session "${rec.name}": ${plural(decisions, 'decision')}, ${plural(rec.rounds.length, 'round result')}.`);
    } finally {
      quiet--;
    }
    syncAnswers();
    await refreshList();
  };

  const createFromPage = async (name?: string) => {
    const st = lab.getState();
    if (!st.data) throw new Error('No dataset is loaded yet.');
    const rec = await storage.create({
      name: name ?? defaultSessionName(st.settings.dataset, now()), dataset: refOf(st.data, st.settings), settings: st.settings, config: st.run.config,
    });
    labels.getState().hydrate(EMPTY_LABELS);
    saved.clear();
    modelStage = -1;
    state.setState({ id: rec.id, name: rec.name, error: null });
    await storage.setLastSessionId(rec.id);
    await refreshList();
    return rec;
  };

  /** The run restarted (settings, dataset, reset): a person's labels get a new session; a simulated run is just reset. */
  const onRestart = async () => {
    const id = state.getState().id;
    const st = lab.getState();
    if (!id || !st.data) return;
    const human = labels.getState().history.some((e) => e.source !== 'simulated');
    if (human) {
      const old = state.getState().name;
      await createFromPage();
      state.setState({ notice: `The run restarted with new settings, so a new session "${state.getState().name}" was started; "${old}" keeps its labels (see Sessions).` });
      return;
    }
    const rec = await storage.load(id);
    await storage.save({ ...rec, dataset: refOf(st.data, st.settings), settings: st.settings, config: st.run.config, labels: { ...EMPTY_LABELS }, rounds: [], model: null });
    labels.getState().hydrate(EMPTY_LABELS);
    saved.clear();
    modelStage = -1;
    await refreshList();
  };

  /** A round arrived: save it, and record the labels the simulated oracle gave for the round before it. */
  const onSnapshot = async (m: SnapshotMessage) => {
    const id = state.getState().id;
    if (!id) return;
    await storage.saveRound(id, roundOf(m));
    const t = m.snapshot.stage;
    if (t < 1) return;
    const missing = missingDecisions(m.snapshot.labelled, labels.getState().decisions);
    if (missing.length === 0) return;
    const prev = lab.getState().snapshots.find((s) => s.snapshot.stage === t - 1);
    if (labels.getState().round !== t - 1) await labels.getState().setQueue(prev?.snapshot.queued ?? [], t - 1);
    await labels.getState().decideMany(missing, 'simulated');
  };

  const saveModel = async () => {
    const id = state.getState().id;
    const w = await weights();
    if (!id || !w || w.stage <= modelStage) return;
    modelStage = w.stage;
    await storage.saveModel(id, modelWeightsOf(w));
    await refreshList(); // the sessions list shows rounds and decisions: keep it current after each round
  };

  // ---- weights requests ----

  let nextWeights = 1;
  const waiting = new Map<number, (w: WeightsMessage | null) => void>();
  const weights = () => new Promise<WeightsMessage | null>((resolve) => {
    const id = nextWeights++;
    waiting.set(id, resolve);
    send({ type: 'getWeights', id });
  });

  // ---- subscriptions ----

  lab.subscribe((s, prev) => {
    if (quiet > 0) return;
    const restarted = s.data?.raw !== prev.data?.raw || (prev.snapshots.length > 0 && s.snapshots.length === 0);
    if (restarted) void serial(onRestart).catch(fail);
    else if (s.settings !== prev.settings && state.getState().id) {
      const id = state.getState().id!;
      void serial(() => storage.saveSettings(id, s.settings, s.run.config)).catch(fail);
    }
    if (s.snapshots !== prev.snapshots) {
      for (const m of s.snapshots) {
        if (saved.get(m.snapshot.stage) === m) continue;
        saved.set(m.snapshot.stage, m);
        void serial(() => onSnapshot(m)).catch(fail);
      }
    }
    if (s.run !== prev.run) {
      const r = s.run;
      if (state.getState().restoring) {
        if (r.busy && r.activity.startsWith('restoring')) restoreSeen = true;
        if (restoreSeen && !r.busy) {
          const n = state.getState().notice ?? '';
          state.setState({ restoring: false, notice: `${n.replace(/ Retraining the model.*$/, '')} The model was retrained from the label history.` });
          lab.setState({ lossLog: lossesOf(lab.getState().snapshots.map((x) => x.snapshot)), progress: null });
        }
      }
      const l = labels.getState();
      if (!r.busy && r.nextPhase === 'label' && r.queue.length > 0 && !state.getState().restoring && (l.round !== r.stage || l.queue.length === 0)) {
        void serial(() => labels.getState().setQueue(r.queue, r.stage)).catch(fail);
      }
      if (prev.run.busy && !r.busy && !state.getState().restoring && s.snapshots.length > 0) void serial(saveModel).catch(fail);
      syncAnswers();
    }
  });
  labels.subscribe((l, prev) => {
    if (l.history !== prev.history || l.round !== prev.round || l.queue !== prev.queue) syncAnswers();
  });

  // ---- the API ----

  const affectedBy = (seqs: Array<{ index: number; round: number }>) => () => relabelOutside(seqs);

  const api: SessionSync = {
    state,
    labels,

    start: () => serial(async () => {
      try {
        const last = await storage.getLastSessionId();
        if (last) {
          let rec: SessionRecord | null = null;
          try {
            rec = await storage.load(last);
          } catch (e) {
            state.setState({ notice: `The last session could not be restored (${e instanceof Error ? e.message : String(e)}); a new one was started.` });
          }
          if (rec && !linkDiffers(opts.search ?? '', rec.settings)) {
            await openRecord(rec, 'Restored');
            return;
          }
        }
        quiet++;
        try {
          await lab.getState().loadData();
        } finally {
          quiet--;
        }
        await createFromPage();
      } catch (e) {
        fail(e);
      }
    }),

    decide: (index, label, source = 'key') => serial(async () => {
      await labels.getState().decide(index, label, source);
      relabelOutside([{ index, round: labels.getState().round }]);
    }),
    decideCurrent: (label) => serial(async () => {
      await labels.getState().decideCurrent(label, 'key');
    }),
    decideMany: (items, source = 'plot') => serial(async () => {
      await labels.getState().decideMany(items, source);
      const round = labels.getState().round;
      relabelOutside(items.map(([index]) => ({ index, round })));
    }),
    undo: () => serial(async () => {
      const last = labels.getState().history[0];
      await labels.getState().undo();
      if (last) affectedBy([last])();
    }),
    edit: (seq, label) => serial(async () => {
      const e = labels.getState().history.find((x) => x.seq === seq);
      await labels.getState().edit(seq, label);
      if (e) affectedBy([e])();
    }),
    removeEntry: (seq) => serial(async () => {
      const e = labels.getState().history.find((x) => x.seq === seq);
      await labels.getState().remove(seq);
      if (e) affectedBy([e])();
    }),
    retrain: () => serial(async () => {
      syncAnswers();
      lab.getState().trainRound();
    }),

    newSession: (name) => serial(async () => {
      quiet++;
      try {
        lab.getState().reset();
      } finally {
        quiet--;
      }
      await createFromPage(name);
      state.setState({ notice: `Started a new session "${state.getState().name}".` });
    }),
    open: (id) => serial(async () => openRecord(await storage.load(id), 'Opened')),
    rename: (id, name) => serial(async () => {
      await storage.rename(id, name);
      if (state.getState().id === id) state.setState({ name: name.trim() });
      await refreshList();
    }),
    removeSession: (id) => serial(async () => {
      await storage.remove(id);
      if (state.getState().id === id) {
        const rest = await storage.list();
        if (rest.length > 0) await openRecord(await storage.load(rest[0]!.id), 'Opened');
        else {
          quiet++;
          try {
            lab.getState().reset();
          } finally {
            quiet--;
          }
          await createFromPage();
        }
      }
      await refreshList();
    }),
    refresh: () => serial(refreshList),

    exportSession: () => serial(async () => {
      await saveModel().catch(() => undefined);
      const rec = await storage.load(idOrThrow());
      return { fileName: sessionFileName(rec.name), bytes: encodeSessionFile(rec) };
    }),
    importSession: (bytes) => serial(async () => {
      const rec = await storage.importRecord(decodeSessionFile(bytes));
      await openRecord(rec, 'Imported');
    }),
    labelsCsv() {
      const msgs = lab.getState().snapshots;
      const order = msgs.length ? msgs[msgs.length - 1]!.order : null;
      const identity = !order || order.every((o, i) => o === i);
      return labelsCsv(labels.getState().history, identity ? {} : { rowOf: order! });
    },
    scoresCsv() {
      const st = lab.getState();
      const msgs = st.snapshots;
      if (msgs.length === 0) throw new Error('There are no scores to export yet: train at least one round.');
      const last = msgs[msgs.length - 1]!;
      const truthRaw = st.data?.raw.labels ?? null;
      const truth = truthRaw ? Array.from(last.order, (o) => truthRaw[o]!) : null;
      const given = new Map<number, Label>(last.snapshot.labelled);
      for (const [i, l] of st.answers) given.set(i, l);
      const identity = last.order.every((o, i) => o === i);
      return scoresCsv(msgs.map((m) => m.snapshot), { truth, labels: given, ...(identity ? {} : { rowOf: last.order }) });
    },
    modelZip: () => serial(async () => {
      const w = await weights();
      if (!w) throw new Error('There is no trained model yet: train at least one round.');
      const m = modelWeightsOf(w);
      const st = lab.getState();
      const cfg = st.run.config;
      const meta = {
        c: m.c, R: m.R,
        topology: { inputDim: st.data?.raw.d ?? null, hDims: cfg?.sizes.hDims ?? null, repDim: cfg?.sizes.repDim ?? null, note: 'svdd-lab MLP encoder; inputs as userDefinedMetadata.input describes' },
        extra: { dataset: st.settings.dataset, loss: st.settings.loss, query: st.settings.query, seed: st.settings.seed, stage: m.stage },
      };
      const base = sessionFileName(state.getState().name || 'model').replace(/\.svdd-lab\.zip$/, '');
      return { fileName: `${base}.model.zip`, bytes: modelZip(m.tensors, meta, st.data ? modelInputOf(st.data.raw, st.snapshots.find((x) => x.snapshot.stage === m.stage) ?? st.snapshots.at(-1) ?? null) : null) };
    }),

    workerGaveUp(why, crashes) {
      for (const r of waiting.values()) r(null);
      waiting.clear();
      state.setState({ notice: null, error: `The training worker crashed ${crashes} times within a minute (${why}); reload the page. Your labels are saved.` });
    },

    workerRestarted(why) {
      const st = lab.getState();
      for (const r of waiting.values()) r(null);
      waiting.clear();
      send({ type: 'init', backend: st.settings.backend });
      if (!st.data) return;
      send({ type: 'setData', data: st.data.raw });
      configure(st.settings);
      lab.setState({ error: null });
      sendRestore(replayPlan(labels.getState().history, st.snapshots.map((m) => m.snapshot)),
        `The training worker stopped (${why}) and was restarted; resuming from the last completed stage.`);
    },

    handleEvent(ev) {
      if (ev.type !== 'weights') return false;
      waiting.get(ev.id)?.(ev.weights);
      waiting.delete(ev.id);
      return true;
    },
    dismissNotice: () => state.setState({ notice: null }),
  };
  return api;
}
