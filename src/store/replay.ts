// Pure glue between the labels history, the engine's replay and the saved rounds (no DOM, no storage).
import type { Label, LabelEvent, ReplayEvent, StageSnapshot } from '../core/types';
import type { Decision, HistoryEntry } from './labels';
import { stageChanges, type LogRecord } from './log';
import type { EpochLoss, ScoreGrid, SnapshotMessage } from '../protocol';
import type { CollapseStats } from '../engine/collapse';

/** A saved round: the engine snapshot plus what the page needs to draw it again (pool -> row order, 2-D score field). */
/** rank: the worker's score ranks, kept so a restored round needs no sort of every score on the page */
/** collapse: the worker's spread of the scores, kept so a restored round is not scanned on the page */
export type SavedRound = StageSnapshot & { order?: Int32Array; grid?: ScoreGrid | null; rank?: Int32Array; collapse?: CollapseStats };

export interface ReplayPlan {
  events: ReplayEvent[];
  /** the stage the worker must reach (the last saved round) */
  stage: number;
  /** the last round had queried: train and query it again so its queue is open */
  reopen: boolean;
}

const toLabel = (d: Decision): Label | null => (d === 'normal' ? 0 : d === 'anomaly' ? 1 : null);

/** Oldest first, the newest decision per (round, index); skips and rounds >= before are left out. */
export function historyEvents(history: readonly HistoryEntry[], before: number): LabelEvent[] {
  const latest = new Map<string, HistoryEntry>();
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i]!;
    if (e.round < before) latest.set(`${e.round}:${e.index}`, e);
  }
  return [...latest.values()]
    .sort((a, b) => a.round - b.round || a.seq - b.seq)
    .flatMap((e) => {
      const l = toLabel(e.label);
      return l === null ? [] : [{ stage: e.round, index: e.index, label: l }];
    });
}

/** What the worker replays to rebuild the model of a saved session; null when nothing was trained. */
export function replayPlan(history: readonly HistoryEntry[], rounds: ReadonlyArray<Pick<StageSnapshot, 'stage' | 'queued'>>): ReplayPlan | null {
  if (rounds.length === 0) return null;
  const last = rounds[rounds.length - 1]!;
  return { events: historyEvents(history, last.stage), stage: last.stage, reopen: last.queued.length > 0 };
}

/** The answers of one round for the engine: each index's newest decision in that round, skips left out. */
export function roundAnswers(history: readonly HistoryEntry[], round: number): Map<number, Label> {
  const out = new Map<number, Label>();
  const seen = new Set<number>();
  for (const e of history) {
    if (e.round !== round || seen.has(e.index)) continue; // newest first: the first one seen wins
    seen.add(e.index);
    const l = toLabel(e.label);
    if (l !== null) out.set(e.index, l);
  }
  return out;
}

/** Labels the engine trained with that the history does not hold (the simulated oracle's answers). */
export function missingDecisions(labelled: ReadonlyArray<readonly [number, Label]>, decisions: ReadonlyMap<number, Decision>): Array<[number, Decision]> {
  return labelled.filter(([i]) => !decisions.has(i)).map(([i, l]) => [i, l === 1 ? 'anomaly' : 'normal']);
}

/** The loss curve of saved rounds, as the worker would have streamed it. */
export function lossesOf(rounds: ReadonlyArray<Pick<StageSnapshot, 'stage' | 'aeLoss' | 'occLoss'>>): EpochLoss[] {
  const out: EpochLoss[] = [];
  for (const r of rounds) {
    r.aeLoss.forEach((loss, k) => out.push({ stage: r.stage, phase: 'pretrain', epoch: k + 1, loss }));
    r.occLoss.forEach((loss, k) => out.push({ stage: r.stage, phase: 'train', epoch: k + 1, loss }));
  }
  return out;
}

/** A saved round back as the message the plots draw from. */
export function messageOf(r: SavedRound): SnapshotMessage {
  const { order, grid, rank, collapse, ...snapshot } = r;
  const m: SnapshotMessage = { snapshot, grid: grid ?? null, order: order ?? Int32Array.from({ length: r.scores.length }, (_, i) => i), ...(collapse ? { collapse } : {}) };
  return rank && rank.length === r.scores.length ? { ...m, rank } : m;
}

/** A snapshot message as a round to save. */
export function roundOf(m: SnapshotMessage): SavedRound {
  return { ...m.snapshot, order: m.order, grid: m.grid, ...(m.rank ? { rank: m.rank } : {}), ...(m.collapse ? { collapse: m.collapse } : {}) };
}

const NONE = new Float32Array(0);

/**
 * The snapshot with its labelled pairs taken from the previous round's where equal: every round lists all labels
 * so far, and without sharing each round kept its own pair objects (the page's heap grew with rounds x labels).
 */
export function sharePairs(next: StageSnapshot, prev: StageSnapshot | undefined): StageSnapshot {
  if (!prev?.labelled.length || !next.labelled.length) return next;
  const old = new Map(prev.labelled.map((p) => [p[0] * 2 + p[1], p]));
  let shared = 0;
  const labelled = next.labelled.map((p) => {
    const q = old.get(p[0] * 2 + p[1]);
    if (!q) return p;
    shared++;
    return q;
  });
  return shared ? { ...next, labelled } : next;
}

/**
 * The rounds before the last without what only the drawn round needs (the embedding, n x repDim values; the score
 * field; the ranks): once stored, an earlier round keeps only what curves, exports and the replay read. The
 * messages are copies (a save still holding the old one writes it whole); the same array when nothing is left to let go.
 */
export function releaseEarlier(snaps: SnapshotMessage[]): SnapshotMessage[] {
  let out: SnapshotMessage[] | null = null;
  for (let k = 0; k < snaps.length - 1; k++) {
    const m = snaps[k]!;
    if (m.snapshot.embedding.length === 0 && m.grid === null && !m.rank) continue;
    out ??= [...snaps];
    const { rank: _rank, ...rest } = m;
    out[k] = { ...rest, grid: null, snapshot: { ...m.snapshot, embedding: NONE } };
  }
  return out ?? snaps;
}

/**
 * The replay under the log's rule: a change made while round t was open is given to the engine with round t's
 * answers, exactly as the live model got it; a label taken back after the model trained with it is an event with
 * label null (the engine forgets it in that round, as the live model did).
 */
export function replayFromLog(log: readonly LogRecord[], rounds: ReadonlyArray<Pick<StageSnapshot, 'stage' | 'queued'>>): ReplayPlan | null {
  const last = rounds[rounds.length - 1];
  // the log's queue record is journalled at once, a round's results are not: a reload can keep the first alone
  const queued = lastQueuedRound(log);
  if (!last && queued === null) return null;
  const stage = Math.max(last?.stage ?? -1, queued ?? -1);
  const events = stageChanges(log, stage).map((c) => ({ stage: c.stage, index: c.index, label: c.label }));
  const reopen = queued === stage || (last?.stage === stage && last.queued.length > 0);
  return { events, stage, reopen };
}

/** The latest round the log says was queried (a queue record with points), or null. */
export function lastQueuedRound(log: readonly LogRecord[]): number | null {
  let out: number | null = null;
  for (const r of log) if (r.event.kind === 'queue' && r.event.queue.length > 0 && (out === null || r.event.round > out)) out = r.event.round;
  return out;
}

/** Labels of earlier rounds changed while `open` is the open round: the live model got them as relabels. */
export function openRelabels(log: readonly LogRecord[], history: readonly HistoryEntry[], open: number): Array<{ index: number; label: Label | null }> {
  const byId = new Map<string, number>();
  for (const r of log) if (r.event.kind === 'decide' && r.event.round !== open) byId.set(r.id, r.event.index);
  const touched = new Set<number>();
  for (const r of log) if (r.at === open && (r.event.kind === 'edit' || r.event.kind === 'remove') && byId.has(r.event.target)) touched.add(byId.get(r.event.target)!);
  const labels = effectiveLabels(history, touched);
  return [...touched].map((index) => ({ index, label: labels.get(index)! }));
}

/** The label the model should hold for a sample: its newest decision that is not a skip. */
export function effectiveLabel(history: readonly HistoryEntry[], index: number): Label | null {
  return effectiveLabels(history, [index]).get(index)!;
}

/** effectiveLabel of many points in one pass over the history (a box of 60000 points relabelled at once). */
export function effectiveLabels(history: readonly HistoryEntry[], indices: Iterable<number>): Map<number, Label | null> {
  const out = new Map<number, Label | null>();
  for (const i of indices) out.set(i, null);
  const found = new Set<number>();
  for (const e of history) {
    if (e.label === 'skip' || found.has(e.index) || !out.has(e.index)) continue;
    found.add(e.index);
    out.set(e.index, e.label === 'anomaly' ? 1 : 0);
  }
  return out;
}
