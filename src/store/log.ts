// The decisions as an append-only log: every decision, edit, removal and queue is one record; the label state is a fold.
import type { Decision, DecisionSource, HistoryEntry, LabelsSnapshot } from './labels';

export type LogEvent =
  | { kind: 'decide'; index: number; label: Decision; round: number; source: DecisionSource }
  /** change the label of an earlier decision (target: its record id) */
  | { kind: 'edit'; target: string; label: Decision }
  /** undo or delete an earlier decision */
  | { kind: 'remove'; target: string }
  /** the queue the query strategy picked for a round */
  | { kind: 'queue'; round: number; queue: number[] };

export interface LogRecord {
  /** unique across tabs and sessions */
  id: string;
  /** per-session order: one more than the highest seq the writer had seen */
  seq: number;
  /** ms since the epoch */
  time: number;
  /** the round that was open when the record was made: its label change reaches the model at the next training */
  at: number;
  event: LogEvent;
}

/** Log order: seq, then id (two tabs can pick the same seq; the id decides, the same way everywhere). */
export function byLogOrder(a: LogRecord, b: LogRecord): number {
  return a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The records of `add` not yet in `log`, merged in log order (a record is never applied twice). */
export function mergeLog(log: readonly LogRecord[], add: readonly LogRecord[]): LogRecord[] {
  const seen = new Set(log.map((r) => r.id));
  const fresh = add.filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
  if (fresh.length === 0) return log as LogRecord[];
  return [...log, ...fresh].sort(byLogOrder);
}

export const nextSeq = (log: readonly LogRecord[]): number => log.reduce((m, r) => Math.max(m, r.seq + 1), 0);

/** Round, queue and history (newest first) from the log; HistoryEntry.seq is the entry's position among the decisions. */
export function foldLog(log: readonly LogRecord[]): Omit<LabelsSnapshot, 'cursor'> & { ids: string[] } {
  const sorted = [...log].sort(byLogOrder);
  const live = new Map<string, HistoryEntry & { id: string }>();
  let round = 0;
  let queue: number[] = [];
  let ordinal = 0;
  for (const r of sorted) {
    const e = r.event;
    if (e.kind === 'decide') live.set(r.id, { seq: ordinal++, id: r.id, index: e.index, label: e.label, round: e.round, time: r.time, source: e.source });
    else if (e.kind === 'edit') {
      const x = live.get(e.target);
      if (x) live.set(e.target, { ...x, label: e.label });
    } else if (e.kind === 'remove') live.delete(e.target);
    else {
      round = e.round;
      queue = [...e.queue];
    }
  }
  const entries = [...live.values()].reverse();
  return { round, queue, history: entries.map(({ id: _id, ...h }) => h), ids: entries.map((x) => x.id) };
}

const toLabel = (d: Decision): 0 | 1 | null => (d === 'normal' ? 0 : d === 'anomaly' ? 1 : null);

/** index -> the label the model holds: the newest live decision that is not a skip (log order), or null. */
function effective(live: ReadonlyMap<string, { index: number; label: Decision }>): Map<number, 0 | 1 | null> {
  const out = new Map<number, 0 | 1 | null>();
  for (const x of live.values()) {
    const l = toLabel(x.label);
    if (l !== null) out.set(x.index, l);
    else if (!out.has(x.index)) out.set(x.index, null);
  }
  return out;
}

export interface StageChange {
  stage: number;
  index: number;
  /** null: the label was taken back after the model had trained with it */
  label: 0 | 1 | null;
}

/**
 * The one rule for the live model and a replay: a record made while round t was open reaches the model at the training
 * after round t. Returns, per stage, the label changes in force at its end (records with at >= `until` are left out).
 */
export function stageChanges(log: readonly LogRecord[], until: number): StageChange[] {
  const sorted = [...log].sort(byLogOrder).filter((r) => r.at < until && r.event.kind !== 'queue');
  const live = new Map<string, { index: number; label: Decision }>();
  const out: StageChange[] = [];
  let before = new Map<number, 0 | 1 | null>();
  const stages = [...new Set(sorted.map((r) => r.at))].sort((a, b) => a - b);
  for (const t of stages) {
    const touched = new Set<number>();
    for (const r of sorted) {
      if (r.at !== t) continue;
      const e = r.event;
      if (e.kind === 'decide') {
        live.set(r.id, { index: e.index, label: e.label });
        touched.add(e.index);
      } else if (e.kind === 'edit' || e.kind === 'remove') {
        const x = live.get(e.target);
        if (!x) continue;
        touched.add(x.index);
        if (e.kind === 'edit') live.set(e.target, { ...x, label: e.label });
        else live.delete(e.target);
      }
    }
    const now = effective(live);
    for (const i of [...touched].sort((a, b) => a - b)) {
      const was = before.get(i) ?? null;
      const is = now.get(i) ?? null;
      if (was !== is) out.push({ stage: t, index: i, label: is });
    }
    before = now;
  }
  return out;
}

/** Older sessions kept a history list (newest first) and a queue: the same facts as log records. */
export function logFromHistory(labels: LabelsSnapshot, sessionId: string): LogRecord[] {
  const out: LogRecord[] = [];
  const oldest = [...labels.history].reverse();
  oldest.forEach((e, k) => out.push({
    id: `${sessionId}-m${k}`, seq: k, time: e.time, at: e.round,
    event: { kind: 'decide', index: e.index, label: e.label, round: e.round, source: e.source },
  }));
  if (labels.queue.length > 0 || labels.round > 0) {
    out.push({ id: `${sessionId}-mq`, seq: oldest.length, time: oldest[oldest.length - 1]?.time ?? 0, at: labels.round, event: { kind: 'queue', round: labels.round, queue: [...labels.queue] } });
  }
  return out;
}
