// The human oracle's labelling types and pure selectors (the state itself is the labels slice, folded from the log).
import type { Decision, HistoryEntry, Label } from '../core/types';

export type { Decision, DecisionSource, HistoryEntry } from '../core/types';

/** The labels as the page shows them: folded from the decision log (see log.ts). */
export interface LabelsSnapshot {
  round: number;
  queue: number[];
  cursor: number;
  /** newest first */
  history: HistoryEntry[];
}

/** The folded labels with the index -> newest decision map. */
export type LabelsView = LabelsSnapshot & { decisions: ReadonlyMap<number, Decision> };

export const EMPTY_LABELS: LabelsSnapshot = { round: 0, queue: [], cursor: 0, history: [] };

export function decisionsOf(history: readonly HistoryEntry[]): Map<number, Decision> {
  const m = new Map<number, Decision>();
  for (let i = history.length - 1; i >= 0; i--) m.set(history[i].index, history[i].label); // oldest first: newest wins
  return m;
}

export function firstUndecided(queue: readonly number[], decisions: ReadonlyMap<number, Decision>, from: number): number {
  for (let p = from; p < queue.length; p++) if (!decisions.has(queue[p])) return p;
  for (let p = 0; p < from && p < queue.length; p++) if (!decisions.has(queue[p])) return p;
  return Math.min(from, Math.max(queue.length - 1, 0));
}

export const clampCursor = (p: number, len: number) => Math.max(0, Math.min(p, Math.max(len - 1, 0)));

export function checkIndex(i: number): void {
  if (!Number.isInteger(i) || i < 0) throw new Error(`Sample index ${i} is not a whole number >= 0`);
}
export function checkDecision(l: string): void {
  if (l !== 'normal' && l !== 'anomaly' && l !== 'skip') throw new Error(`Label '${l}' is not normal, anomaly or skip`);
}

// ---- selectors (pure; use with useStore(store, selector)) ----

export interface LabelCounts { normal: number; anomaly: number; skip: number }

/** Counts of the current decisions (one per sample), over all rounds or one round. */
export function labelCounts(s: Pick<LabelsView, 'history'>, round?: number): LabelCounts {
  const c: LabelCounts = { normal: 0, anomaly: 0, skip: 0 };
  const latest = new Map<number, HistoryEntry>();
  for (let i = s.history.length - 1; i >= 0; i--) latest.set(s.history[i].index, s.history[i]);
  for (const e of latest.values()) if (round === undefined || e.round === round) c[e.label]++;
  return c;
}

/** How much of the current queue has a decision. */
export function roundProgress(s: Pick<LabelsView, 'queue' | 'decisions'>): { done: number; total: number } {
  let done = 0;
  for (const i of s.queue) if (s.decisions.has(i)) done++;
  return { done, total: s.queue.length };
}

/** The answers for the engine (Session.submitLabels): the current normal/anomaly decisions, skips left out. */
export function answersOf(s: Pick<LabelsView, 'decisions'>, only?: readonly number[]): Array<[number, Label]> {
  const out: Array<[number, Label]> = [];
  const pick = (i: number, d: Decision | undefined) => {
    if (d === 'normal') out.push([i, 0]);
    else if (d === 'anomaly') out.push([i, 1]);
  };
  if (only) for (const i of only) pick(i, s.decisions.get(i));
  else for (const [i, d] of s.decisions) pick(i, d);
  return out;
}
