// The human oracle's labelling state: queue, cursor, decisions and an editable history, persisted before acknowledged.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Label } from '../core/types';

export type Decision = 'normal' | 'anomaly' | 'skip';
export type DecisionSource = 'key' | 'plot' | 'simulated';

export interface HistoryEntry {
  /** unique, increasing id of this decision (edit and remove address entries by it) */
  seq: number;
  /** pool index of the sample */
  index: number;
  label: Decision;
  /** the round (stage) whose queue this decision belongs to */
  round: number;
  /** ms since the epoch */
  time: number;
  source: DecisionSource;
}

/** What the persistence layer stores; everything else is derived from it. */
export interface LabelsSnapshot {
  round: number;
  queue: number[];
  cursor: number;
  /** newest first */
  history: HistoryEntry[];
}

export interface LabelsState extends LabelsSnapshot {
  /** index -> its newest decision (derived from history) */
  decisions: ReadonlyMap<number, Decision>;
  /** actions waiting for their write; the UI can show "saving" while > 0 */
  pending: number;
  /** the last failed write, as a sentence; cleared by the next successful one */
  error: string | null;
}

export interface LabelsActions {
  /** Start a round with the queue the query strategy picked (query order); the cursor goes to the first undecided card. */
  setQueue(queue: number[], round: number): Promise<void>;
  /** Decide the card under the cursor, then move to the next undecided card of the queue. */
  decideCurrent(label: Decision, source?: DecisionSource): Promise<void>;
  /** Decide one sample (from a card or a plot click). */
  decide(index: number, label: Decision, source?: DecisionSource): Promise<void>;
  /** Decide several samples in one write (box/lasso select, the simulated oracle). */
  decideMany(items: Array<[number, Decision]>, source?: DecisionSource): Promise<void>;
  /** Remove the newest decision; the cursor returns to its card when it is in the queue. */
  undo(): Promise<void>;
  /** Change the label of one history entry in place. */
  edit(seq: number, label: Decision): Promise<void>;
  /** Delete one history entry. */
  remove(seq: number): Promise<void>;
  /** Move the cursor by delta cards (arrow keys), clamped to the queue. */
  move(delta: number): void;
  /** Put the cursor on a card of the queue by position. */
  moveTo(position: number): void;
  /** Replace the whole state from storage (no write). */
  hydrate(snapshot: LabelsSnapshot): void;
}

export type LabelsStore = StoreApi<LabelsState & LabelsActions>;

export interface LabelsStoreOptions {
  /** writes the snapshot durably; decision actions resolve only after it resolves */
  save(snapshot: LabelsSnapshot): Promise<void>;
  now?: () => number;
  initial?: LabelsSnapshot;
}

export const EMPTY_LABELS: LabelsSnapshot = { round: 0, queue: [], cursor: 0, history: [] };

export function decisionsOf(history: readonly HistoryEntry[]): Map<number, Decision> {
  const m = new Map<number, Decision>();
  for (let i = history.length - 1; i >= 0; i--) m.set(history[i].index, history[i].label); // oldest first: newest wins
  return m;
}

function firstUndecided(queue: readonly number[], decisions: ReadonlyMap<number, Decision>, from: number): number {
  for (let p = from; p < queue.length; p++) if (!decisions.has(queue[p])) return p;
  for (let p = 0; p < from && p < queue.length; p++) if (!decisions.has(queue[p])) return p;
  return Math.min(from, Math.max(queue.length - 1, 0));
}

const clamp = (p: number, len: number) => Math.max(0, Math.min(p, Math.max(len - 1, 0)));

export function createLabelsStore(opts: LabelsStoreOptions): LabelsStore {
  const now = opts.now ?? Date.now;
  const init = opts.initial ?? EMPTY_LABELS;
  let chain: Promise<void> = Promise.resolve();
  let nextSeq = init.history.reduce((m, e) => Math.max(m, e.seq + 1), 0);

  const store = createStore<LabelsState & LabelsActions>()((set, get) => {
    const snapshotOf = (s: LabelsSnapshot): LabelsSnapshot =>
      ({ round: s.round, queue: s.queue, cursor: s.cursor, history: s.history });

    /** Run one action after those before it: compute from the committed state, write, then commit. */
    const persistFirst = (compute: (s: LabelsState) => LabelsSnapshot | null): Promise<void> => {
      set((s) => ({ pending: s.pending + 1 }));
      const run = async () => {
        try {
          const next = compute(get());
          if (next === null) return;
          const snap = snapshotOf(next);
          try {
            await opts.save(snap);
          } catch (e) {
            const msg = `The label was not saved, so it was not recorded: ${e instanceof Error ? e.message : String(e)}`;
            set({ error: msg });
            throw new Error(msg, { cause: e });
          }
          set({ ...snap, decisions: decisionsOf(snap.history), error: null });
        } finally {
          set((s) => ({ pending: s.pending - 1 }));
        }
      };
      const p = chain.then(run);
      chain = p.catch(() => undefined); // one failed write must not block the next action
      return p;
    };

    const addEntries = (s: LabelsState, items: Array<[number, Decision]>, source: DecisionSource): LabelsSnapshot => {
      const t = now();
      const fresh: HistoryEntry[] = items.map(([index, label]) => {
        checkIndex(index);
        checkDecision(label);
        return { seq: nextSeq++, index, label, round: s.round, time: t, source };
      });
      return { ...s, history: [...fresh.reverse(), ...s.history] };
    };

    return {
      ...init,
      decisions: decisionsOf(init.history),
      pending: 0,
      error: null,

      setQueue: (queue, round) => persistFirst((s) => {
        queue.forEach(checkIndex);
        return { ...s, queue: [...queue], round, cursor: firstUndecided(queue, s.decisions, 0) };
      }),

      decideCurrent: (label, source = 'key') => persistFirst((s) => {
        if (s.queue.length === 0) return null;
        const index = s.queue[clamp(s.cursor, s.queue.length)];
        const next = addEntries(s, [[index, label]], source);
        const cursor = firstUndecided(next.queue, decisionsOf(next.history), clamp(s.cursor, s.queue.length) + 1);
        return { ...next, cursor };
      }),

      decide: (index, label, source = 'key') => persistFirst((s) => {
        const next = addEntries(s, [[index, label]], source);
        const p = s.queue.indexOf(index);
        // deciding the card under the cursor advances it; a plot click elsewhere leaves it
        const cursor = p >= 0 && p === s.cursor ? firstUndecided(next.queue, decisionsOf(next.history), p + 1) : s.cursor;
        return { ...next, cursor };
      }),

      decideMany: (items, source = 'plot') => persistFirst((s) => {
        if (items.length === 0) return null;
        const next = addEntries(s, items, source);
        const d = decisionsOf(next.history);
        const cursor = s.queue.length > 0 && d.has(s.queue[s.cursor]) ? firstUndecided(s.queue, d, s.cursor) : s.cursor;
        return { ...next, cursor };
      }),

      undo: () => persistFirst((s) => {
        if (s.history.length === 0) return null;
        const [last, ...rest] = s.history;
        const p = s.queue.indexOf(last.index);
        return { ...s, history: rest, cursor: p >= 0 ? p : s.cursor };
      }),

      edit: (seq, label) => persistFirst((s) => {
        checkDecision(label);
        if (!s.history.some((e) => e.seq === seq)) throw new Error(`No decision #${seq} in the history`);
        return { ...s, history: s.history.map((e) => (e.seq === seq ? { ...e, label } : e)) };
      }),

      remove: (seq) => persistFirst((s) => {
        if (!s.history.some((e) => e.seq === seq)) throw new Error(`No decision #${seq} in the history`);
        return { ...s, history: s.history.filter((e) => e.seq !== seq) };
      }),

      move: (delta) => set((s) => ({ cursor: clamp(s.cursor + delta, s.queue.length) })),
      moveTo: (position) => set((s) => ({ cursor: clamp(position, s.queue.length) })),

      hydrate: (snap) => {
        nextSeq = Math.max(nextSeq, snap.history.reduce((m, e) => Math.max(m, e.seq + 1), 0));
        set({ ...snapshotOf(snap), decisions: decisionsOf(snap.history), error: null });
      },
    };
  });
  return store;
}

function checkIndex(i: number): void {
  if (!Number.isInteger(i) || i < 0) throw new Error(`Sample index ${i} is not a whole number >= 0`);
}
function checkDecision(l: string): void {
  if (l !== 'normal' && l !== 'anomaly' && l !== 'skip') throw new Error(`Label '${l}' is not normal, anomaly or skip`);
}

// ---- selectors (pure; use with useStore(store, selector)) ----

export interface LabelCounts { normal: number; anomaly: number; skip: number }

/** Counts of the current decisions (one per sample), over all rounds or one round. */
export function labelCounts(s: Pick<LabelsState, 'history'>, round?: number): LabelCounts {
  const c: LabelCounts = { normal: 0, anomaly: 0, skip: 0 };
  const latest = new Map<number, HistoryEntry>();
  for (let i = s.history.length - 1; i >= 0; i--) latest.set(s.history[i].index, s.history[i]);
  for (const e of latest.values()) if (round === undefined || e.round === round) c[e.label]++;
  return c;
}

/** How much of the current queue has a decision. */
export function roundProgress(s: Pick<LabelsState, 'queue' | 'decisions'>): { done: number; total: number } {
  let done = 0;
  for (const i of s.queue) if (s.decisions.has(i)) done++;
  return { done, total: s.queue.length };
}

/** The answers for the engine (Session.submitLabels): the current normal/anomaly decisions, skips left out. */
export function answersOf(s: Pick<LabelsState, 'decisions'>, only?: readonly number[]): Array<[number, Label]> {
  const out: Array<[number, Label]> = [];
  const pick = (i: number, d: Decision | undefined) => {
    if (d === 'normal') out.push([i, 0]);
    else if (d === 'anomaly') out.push([i, 1]);
  };
  if (only) for (const i of only) pick(i, s.decisions.get(i));
  else for (const [i, d] of s.decisions) pick(i, d);
  return out;
}
