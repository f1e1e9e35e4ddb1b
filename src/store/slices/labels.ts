// The labels slice: the decision log of the open session and the state folded from it (round, queue, cursor, history).
// Every action appends records and stores each at once, in its own small write; the fold never waits for storage.
import type { Ctx } from './ctx';
import {
  checkDecision, checkIndex, clampCursor, decisionsOf, firstUndecided,
  type Decision, type DecisionSource, type HistoryEntry, type LabelsSnapshot,
} from '../labels';
import { foldLog, mergeLog, nextSeq, type LogEvent, type LogRecord } from '../log';
import { effectiveLabels, roundAnswers } from '../replay';

export interface LabelsSlice extends LabelsSnapshot {
  /** the open session's records, in log order */
  log: LogRecord[];
  /** record id of each history entry (same order as history) */
  ids: string[];
  decisions: ReadonlyMap<number, Decision>;
  /** writes started and not yet stored; the page shows "saving" and warns at unload while > 0 */
  pending: number;
  /** the last failed write, as a sentence; cleared by the next successful one */
  error: string | null;

  /** Start a round with the queue the query strategy picked; the cursor goes to the first undecided card. */
  setQueue(queue: number[], round: number): Promise<void>;
  /** Decide the card under the cursor, then move to the next undecided card. */
  decideCurrent(label: Decision, source?: DecisionSource): Promise<void>;
  /** Decide one sample (from a card or a plot click). */
  decide(index: number, label: Decision, source?: DecisionSource): Promise<void>;
  /** Decide several samples (box/lasso select, the simulated oracle). */
  decideMany(items: Array<[number, Decision]>, source?: DecisionSource): Promise<void>;
  /** The simulated oracle's answers for a finished round (and that round's queue when the log lacks it), in one write. */
  recordSimulated(round: number, queue: number[] | null, items: Array<[number, Decision]>): Promise<void>;
  /** Take back the newest decision; the cursor returns to its card. */
  undo(): Promise<void>;
  /** Change the label of one history entry (by its seq). */
  edit(seq: number, label: Decision): Promise<void>;
  /** Delete one history entry (by its seq). */
  remove(seq: number): Promise<void>;
  move(delta: number): void;
  moveTo(position: number): void;
  /** Replace the log (a session was opened); no write. */
  load(log: LogRecord[]): void;
  /** Records another tab stored for this session: merged, never written again. */
  merge(records: LogRecord[]): void;
}

declare module './ctx' {
  interface AppState {
    labels: LabelsSlice;
  }
}

export function createLabelsSlice(ctx: Ctx): LabelsSlice {
  const labels = () => ctx.get().labels;

  /** The state folded from a log; the cursor stays where it was unless `cursor` says otherwise. */
  const fold = (log: LogRecord[], cursor?: number): Partial<LabelsSlice> => {
    const f = foldLog(log);
    const decisions = decisionsOf(f.history);
    const c = cursor ?? (f.round === labels().round && f.queue.length === labels().queue.length ? labels().cursor : firstUndecided(f.queue, decisions, 0));
    // the same queue keeps its identity: components that follow it (the cards' scroll) do not run again
    const prev = labels().queue;
    const queue = prev.length === f.queue.length && prev.every((x, k) => x === f.queue[k]) ? prev : f.queue;
    return { log, round: f.round, queue, history: f.history, ids: f.ids, decisions, cursor: clampCursor(c, queue.length) };
  };

  /** The open round's answers and relabels of earlier rounds go to the live model (see replay.ts for the rule). */
  const tellModel = (touched: Array<{ index: number; round: number }>) => {
    const lab = ctx.get().lab;
    const l = labels();
    const open = lab.run.nextPhase === 'label' && lab.run.stage === l.round && l.queue.length > 0 ? l.round : null;
    // one pass over the history for all of them: a per-point search was rounds x history (minutes for a 60k box)
    const earlier = touched.filter((t) => t.round !== open).map((t) => t.index);
    const given = effectiveLabels(l.history, earlier);
    for (const index of earlier) ctx.deps.port.send({ type: 'relabel', index, label: given.get(index)! });
    if (open !== null) ctx.get().lab.setAnswers(roundAnswers(l.history, open));
  };

  /** Append events: the fold changes now, each record is stored in its own write; a failed write takes its record back. */
  const append = (events: LogEvent[], cursor?: (next: Partial<LabelsSlice>) => number): Promise<void> => {
    if (events.length === 0) return Promise.resolve();
    const l = labels();
    let seq = nextSeq(l.log);
    const t = ctx.deps.now();
    const records: LogRecord[] = events.map((event) => ({ id: ctx.deps.newId(), seq: seq++, time: t, at: l.round, event }));
    const log = [...l.log, ...records];
    const next = fold(log);
    ctx.set('labels', { ...next, ...(cursor ? { cursor: clampCursor(cursor(next), next.queue!.length) } : {}), pending: l.pending + 1 });
    return ctx.get().session.storeRecords(records).then(
      () => ctx.set('labels', (x) => ({ error: null, pending: x.pending - 1 })),
      (e: unknown) => {
        const gone = new Set(records.map((r) => r.id));
        ctx.set('labels', (x) => ({
          ...fold(x.log.filter((r) => !gone.has(r.id))), pending: x.pending - 1,
          error: `Not saved, so not recorded: ${e instanceof Error ? e.message : String(e)}`,
        }));
        throw e;
      },
    );
  };

  const entryAt = (seq: number): { entry: HistoryEntry; id: string } => {
    const l = labels();
    const k = l.history.findIndex((e) => e.seq === seq);
    if (k < 0) throw new Error(`No decision #${seq} in the history`);
    return { entry: l.history[k]!, id: l.ids[k]! };
  };
  const guard = (fn: () => Promise<void>): Promise<void> => {
    try {
      return fn();
    } catch (e) {
      return Promise.reject(e);
    }
  };

  return {
    round: 0, queue: [], cursor: 0, history: [], log: [], ids: [], decisions: new Map(), pending: 0, error: null,

    setQueue: (queue, round) => guard(() => {
      queue.forEach(checkIndex);
      return append([{ kind: 'queue', round, queue: [...queue] }], (n) => firstUndecided(n.queue!, n.decisions!, 0));
    }),

    decideCurrent: (label, source = 'key') => guard(() => {
      const l = labels();
      if (l.queue.length === 0) return Promise.resolve();
      checkDecision(label);
      const from = clampCursor(l.cursor, l.queue.length);
      const index = l.queue[from]!;
      const p = append([{ kind: 'decide', index, label, round: l.round, source }], (n) => firstUndecided(n.queue!, n.decisions!, from + 1));
      tellModel([{ index, round: l.round }]);
      return p;
    }),

    decide: (index, label, source = 'key') => guard(() => {
      checkIndex(index);
      checkDecision(label);
      const l = labels();
      const p0 = l.queue.indexOf(index);
      // deciding the card under the cursor advances it; a plot click elsewhere leaves it
      const p = append([{ kind: 'decide', index, label, round: l.round, source }],
        (n) => (p0 >= 0 && p0 === l.cursor ? firstUndecided(n.queue!, n.decisions!, p0 + 1) : l.cursor));
      tellModel([{ index, round: l.round }]);
      return p;
    }),

    decideMany: (items, source = 'plot') => guard(() => {
      if (items.length === 0) return Promise.resolve();
      items.forEach(([i, d]) => (checkIndex(i), checkDecision(d)));
      const l = labels();
      const p = append(items.map(([index, label]) => ({ kind: 'decide', index, label, round: l.round, source })),
        (n) => (l.queue.length > 0 && n.decisions!.has(l.queue[l.cursor]!) ? firstUndecided(l.queue, n.decisions!, l.cursor) : l.cursor));
      // the simulated oracle's answers were given by the engine itself: nothing to tell it
      if (source !== 'simulated') tellModel(items.map(([index]) => ({ index, round: l.round })));
      return p;
    }),

    recordSimulated: (round, queue, items) => guard(() => {
      items.forEach(([i, d]) => (checkIndex(i), checkDecision(d)));
      const events: LogEvent[] = queue ? [{ kind: 'queue', round, queue: [...queue] }] : [];
      for (const [index, label] of items) events.push({ kind: 'decide', index, label, round, source: 'simulated' });
      return append(events);
    }),

    undo: () => guard(() => {
      const l = labels();
      if (l.history.length === 0) return Promise.resolve();
      const last = l.history[0]!;
      const at = l.queue.indexOf(last.index);
      const p = append([{ kind: 'remove', target: l.ids[0]! }], () => (at >= 0 ? at : l.cursor));
      tellModel([last]);
      return p;
    }),

    edit: (seq, label) => guard(() => {
      checkDecision(label);
      const { entry, id } = entryAt(seq);
      const p = append([{ kind: 'edit', target: id, label }]);
      tellModel([entry]);
      return p;
    }),

    remove: (seq) => guard(() => {
      const { entry, id } = entryAt(seq);
      const p = append([{ kind: 'remove', target: id }]);
      tellModel([entry]);
      return p;
    }),

    move: (delta) => ctx.set('labels', (l) => ({ cursor: clampCursor(l.cursor + delta, l.queue.length) })),
    moveTo: (position) => ctx.set('labels', (l) => ({ cursor: clampCursor(position, l.queue.length) })),

    load: (log) => {
      const f = foldLog(log);
      ctx.set('labels', { ...fold([...log], firstUndecided(f.queue, decisionsOf(f.history), 0)), error: null });
    },

    merge: (records) => {
      const log = mergeLog(labels().log, records);
      if (log !== labels().log) {
        ctx.set('labels', fold(log));
        const open = ctx.get().lab.run.nextPhase === 'label' ? labels().round : null;
        if (open !== null) ctx.get().lab.setAnswers(roundAnswers(labels().history, open));
      }
    },
  };
}
