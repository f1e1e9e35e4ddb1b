// The lab slice: settings, dataset, worker state, snapshots, curves and hover. Its actions send the worker's commands
// and tell the session slice what happened (a restart, a new round, a settings change) by calling it.
import type { Label, RawData } from '../../core/types';
import type { Command, WorkerEvent } from '../../protocol';
import type { Ctx } from './ctx';
import { curveFromSnapshots } from '../curves';
import { freshRun, IDLE, LAB_DEFAULTS, loadedData, reduceEvent, runLabel, type DataSource, type LabData } from '../lab';
import { configOverrides, type LabSettings } from '../urlState';

export interface LabActions {
  /** Change settings; the run restarts when the data or the configuration changes. */
  applySettings(patch: Partial<LabSettings>): Promise<void>;
  /** Load the settings' dataset into the page and the worker; false when it failed (the error is set). */
  loadData(): Promise<boolean>;
  /** Put data that has no loader (an imported session's file) on the page and in the worker. */
  setImported(raw: RawData): void;
  trainRound(): void;
  runRounds(n: number): void;
  step(): void;
  pause(): void;
  resume(): void;
  cancel(): void;
  /** The reset button: clears the run and tells the session. */
  reset(): void;
  /** Clears the run without telling anyone (the session slice opening or creating a session). */
  clearRun(): void;
  setAnswer(index: number, label: Label | null): void;
  setAnswers(answers: Map<number, Label>): void;
  setHover(index: number | null): void;
  setShowTruth(on: boolean): void;
  keepCurve(): void;
  clearCurves(): void;
  /** Every worker event comes here once and goes to the slice it belongs to. */
  handleEvent(ev: WorkerEvent): void;
  send(cmd: Command): void;
  setError(message: string | null): void;
  configure(): void;
}

export type LabSlice = LabData & LabActions;
/** The lab slice under its old name (components read it through useLab). */
export type LabState = LabSlice;

const RESTARTS: Array<keyof LabSettings> = ['dataset', 'prep', 'loss', 'query', 'pseudo', 'pollution', 'seed', 'preset', 'k'];

declare module './ctx' {
  interface AppState {
    lab: LabSlice;
  }
}

export function createLabSlice(ctx: Ctx): LabSlice {
  const get = () => ctx.get().lab;
  const set = (p: Partial<LabSlice>) => ctx.set('lab', p);
  const send = (cmd: Command) => ctx.deps.port.send(cmd);
  const answersList = (): Array<[number, Label]> => [...get().answers.entries()];

  const putData = (raw: RawData, source: DataSource, notices: string[]) => {
    set({ ...freshRun(get()), data: loadedData(raw, source, notices), loading: false, error: null });
    send({ type: 'setData', data: raw });
    get().configure();
  };

  return {
    settings: LAB_DEFAULTS, hidden: new Set(), data: null, loading: false, backend: null, run: IDLE, progress: null, lossLog: [],
    rates: { pretrain: null, train: null }, clock: null, snapshots: [], curves: [], lastPhase: null, roundsLeft: 0, hover: null,
    showTruth: false, preview: null, answers: new Map(), error: null,

    configure() {
      const { settings, data } = get();
      if (!data) return;
      send({ type: 'configure', config: { preset: settings.preset, overrides: configOverrides(settings), k: settings.k === 'auto' ? null : settings.k } });
    },

    async applySettings(patch) {
      const before = get().settings;
      const settings = { ...before, ...patch };
      // another dataset starts from the default import choices unless the patch brings its own
      if (patch.dataset !== undefined && patch.dataset !== before.dataset && patch.prep === undefined) settings.prep = '';
      const changed = (k: keyof LabSettings) => settings[k] !== before[k];
      const restarts = RESTARTS.some(changed);
      const hadRounds = get().snapshots.length > 0;
      set(restarts ? { ...freshRun(get(), before), settings } : { settings });
      ctx.get().link.writeUrl();
      if (changed('backend')) send({ type: 'setBackend', backend: settings.backend });
      const source = get().data?.source;
      // a file's choices re-read it in the import dialog; a bundled set is read again with them
      const reload = changed('dataset') || (changed('seed') && source === 'synthetic') || (changed('prep') && source !== 'file');
      if (reload) {
        if (!(await get().loadData())) return;
      } else if (restarts) get().configure();
      // the session follows: a restart (new data, or rounds thrown away) or just the new settings
      await ctx.get().session.settingsChanged(reload || (restarts && hadRounds));
    },

    async loadData() {
      const settings = get().settings;
      set({ loading: true, error: null });
      try {
        const { raw, source, notices } = await ctx.deps.loader(settings);
        if (get().settings.dataset !== settings.dataset) return false; // a newer choice won
        putData(raw, source, notices);
        return true;
      } catch (e) {
        set({ loading: false, error: e instanceof Error ? e.message : String(e) });
        return false;
      }
    },

    setImported: (raw) => putData(raw, 'file', []),

    trainRound() {
      set({ error: null });
      send({ type: 'trainRound', oracle: get().settings.oracle, answers: answersList() });
    },
    runRounds(n) {
      set({ error: null, roundsLeft: n });
      send({ type: 'runRounds', rounds: n });
    },
    step() {
      set({ error: null });
      send({ type: 'step', oracle: get().settings.oracle, answers: answersList() });
    },
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    cancel: () => send({ type: 'cancel' }),
    reset() {
      const hadRounds = get().snapshots.length > 0;
      get().clearRun();
      if (hadRounds) void ctx.get().session.settingsChanged(true);
    },
    clearRun() {
      if (get().run.busy) send({ type: 'cancel' });
      set(freshRun(get()));
      send({ type: 'reset' });
    },
    setAnswer(index, label) {
      const answers = new Map(get().answers);
      if (label === null) answers.delete(index);
      else answers.set(index, label);
      set({ answers });
    },
    setAnswers(answers) {
      const cur = get().answers;
      if (cur.size === answers.size && [...answers].every(([i, l]) => cur.get(i) === l)) return;
      set({ answers });
    },
    setHover(index) {
      if (get().hover !== index) set({ hover: index });
    },
    setShowTruth: (on) => set({ showTruth: on }),
    keepCurve() {
      const st = get();
      if (!st.snapshots.length) return;
      const id = `run${Date.now()}`;
      set({ curves: [...st.curves, { id, label: runLabel(st.settings), points: curveFromSnapshots(st.snapshots.map((s) => s.snapshot)) }].slice(-6) });
    },
    clearCurves: () => set({ curves: [] }),

    handleEvent(ev) {
      if (ev.type === 'weights') return ctx.get().session.weightsReply(ev);
      if (ev.type === 'compareProgress' || ev.type === 'compareResult' || ev.type === 'compareDone') {
        ctx.get().compare.handleEvent(ev);
        return;
      }
      const prev = get();
      set(reduceEvent(prev, ev));
      if (ev.type === 'snapshot') ctx.get().session.roundArrived({ snapshot: ev.snapshot, grid: ev.grid, order: ev.order, ...(ev.rank ? { rank: ev.rank } : {}), ...(ev.collapse ? { collapse: ev.collapse } : {}) });
      else if (ev.type === 'state') ctx.get().session.runChanged(prev.run, ev.state);
    },
    send,
    setError: (message) => set({ error: message }),
  };
}
