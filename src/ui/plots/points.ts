// Per-point facts shared by every view: state (unlabelled, labelled, pseudo, queued), rank, hover text.
import type { Label, StageSnapshot } from '../../core/types';
import type { PointState } from './palette';
import { scoreRanks } from '../../engine/ranks';

/** What the views need beyond the snapshot: pending answers, truth, the hovered point. */
export interface ViewState {
  /** answers given in the page but not yet submitted (human oracle) */
  answers?: ReadonlyMap<number, Label>;
  /** ground truth per pool index (null when the data has no labels) */
  truth: Uint8Array | null;
  showTruth: boolean;
  hover: number | null;
}

// ranks come with the worker's snapshots; the same function here for those that lack them (restored rounds, previews)
export { scoreRanks };

/** The rank scoreRanks would give one point, in O(n): for a few cards on big data without sorting every score. */
export function rankOf(scores: ArrayLike<number>, i: number): number {
  const si = scores[i]!;
  let r = 1;
  for (let j = 0; j < scores.length; j++) if (scores[j]! > si || (scores[j] === si && j < i)) r++;
  return r;
}

export interface PointTable {
  state: PointState[];
  /** 1-based query order for queued points, 0 otherwise */
  queueNo: Int32Array;
  rank: Int32Array;
  labelled: Map<number, Label>;
}

/** Classifies every point; priority queued > labelled > pseudo > unlabelled. `rank`: the worker's, when it sent them. */
export function pointTable(s: StageSnapshot, answers?: ReadonlyMap<number, Label>, rank?: Int32Array): PointTable {
  const n = s.scores.length;
  const state: PointState[] = new Array(n).fill('unlabelled');
  const labelled = new Map<number, Label>(s.labelled);
  for (const i of s.pseudo) if (i < n) state[i] = 'pseudo';
  for (const [i, l] of labelled) if (i < n) state[i] = l === 1 ? 'anomaly' : 'normal';
  const queueNo = new Int32Array(n);
  s.queued.forEach((i, k) => {
    if (i < n && queueNo[i] === 0) {
      queueNo[i] = k + 1;
      state[i] = 'queued';
    }
  });
  if (answers) for (const [i, l] of answers) if (i < n && state[i] !== 'queued') state[i] = l === 1 ? 'anomaly' : 'normal';
  return { state, queueNo, rank: rank && rank.length === n ? rank : scoreRanks(s.scores), labelled };
}

export function labelText(i: number, t: PointTable, truth: Uint8Array | null, answers?: ReadonlyMap<number, Label>): string {
  const given = answers?.get(i) ?? t.labelled.get(i);
  const parts: string[] = [];
  if (t.queueNo[i]) parts.push(`queued #${t.queueNo[i]}`);
  if (given !== undefined) parts.push(given === 1 ? 'labelled anomaly' : 'labelled normal');
  else if (t.state[i] === 'pseudo') parts.push('pseudo-abnormal');
  else if (!t.queueNo[i]) parts.push('unlabelled');
  if (truth) parts.push(`truth: ${truth[i] ? 'anomaly' : 'normal'}`);
  return parts.join(', ');
}

/** customdata rows [index, score, rank, label text] for the given indices. */
export function hoverRows(idx: readonly number[], s: StageSnapshot, t: PointTable, truth: Uint8Array | null, answers?: ReadonlyMap<number, Label>) {
  return idx.map((i) => [i, s.scores[i]!, t.rank[i]!, labelText(i, t, truth, answers)]);
}

/** Three lines on a hovered point (a painted plot's tooltip: plotly has no trace to show its hover label). */
export function hoverTip(i: number, s: StageSnapshot, t: PointTable, truth: Uint8Array | null, answers?: ReadonlyMap<number, Label>): string {
  return `point ${i}\nscore ${s.scores[i]!.toPrecision(3)} · rank ${t.rank[i]} of ${s.scores.length}\n${labelText(i, t, truth, answers)}`;
}

export function hoverTemplate(n: number): string {
  return `point %{customdata[0]}<br>score %{customdata[1]:.4g}<br>rank %{customdata[2]} of ${n}<br>%{customdata[3]}<extra></extra>`;
}

const groups = new WeakMap<PointTable, Record<PointState, number[]>>();

/** The pool indices of each state (queued ones in query order); one pass per table, shared by every caller (do not mutate). */
export function groupIndices(t: PointTable): Readonly<Record<PointState, readonly number[]>> {
  let g = groups.get(t);
  if (g) return g;
  g = { unlabelled: [], normal: [], anomaly: [], pseudo: [], queued: [] };
  const out = g;
  t.state.forEach((st, i) => out[st].push(i));
  out.queued.sort((a, b) => t.queueNo[a]! - t.queueNo[b]!);
  groups.set(t, out);
  return out;
}
