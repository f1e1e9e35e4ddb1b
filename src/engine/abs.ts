// ABS, the adaptive boundary search (algorithm.md 7.1), with the reference quirks B8/B9 and the improved fix.

import type { Mode } from '../core/types';
import { argsortStable } from './metrics';

/** ABS memory across rounds of one run: every qp used so far, oldest first. */
export interface AbsState { qps: number[] }

/** Round 0 query point: just above the 80th score percentile. */
export const ABS_QP0 = 0.8;

const isOne = (qp: number): boolean => Math.abs(qp - 1) < 1e-12;

/**
 * The qp for round >= 1 from the previous qp and the labels (0/1) of the previous round's queries.
 * Previous qp == 1: midpoint of 1 and the qp before it (the outcome at qp = 1 is ignored). Otherwise
 * qp <- 2(1 - qp)p + (2qp - 1) with p the fraction of normals, same operation order as the reference.
 * No previous labels (the reference crashes there, B8): qp stays. Improved mode clamps qp into [0, 1].
 */
export function nextQp(qps: number[], lastLabels: number[], mode: Mode): number {
  if (qps.length === 0) throw new Error('ABS: no qp history; round 0 must run before round 1');
  for (let i = 0; i < lastLabels.length; i++) {
    if (lastLabels[i] !== 0 && lastLabels[i] !== 1) {
      throw new Error(`ABS: previous query label ${i} is ${lastLabels[i]}, expected 0 or 1`);
    }
  }
  const prev = qps[qps.length - 1];
  let qp: number;
  if (isOne(prev)) {
    qp = (prev + (qps.length >= 2 ? qps[qps.length - 2] : prev)) / 2;
  } else if (lastLabels.length === 0) {
    qp = prev;
  } else {
    let nAnom = 0;
    for (const y of lastLabels) nAnom += y;
    const nNorm = lastLabels.length - nAnom;
    const p = nNorm / (nNorm + nAnom);
    qp = 2 * (1 - prev) * p + (2 * prev - 1);
  }
  return mode === 'improved' ? Math.min(1, Math.max(0, qp)) : qp;
}

/** Python's a[start:end] for integer bounds (negative counts from the end; out of range clips). */
export function pySlice<T>(a: ArrayLike<T>, start: number, end: number): T[] {
  const n = a.length;
  const norm = (i: number): number => (i < 0 ? Math.max(0, n + i) : Math.min(i, n));
  const s = norm(start);
  const e = norm(end);
  const out: T[] = [];
  for (let i = s; i < e; i++) out.push(a[i]);
  return out;
}

/**
 * Pick the k queries at quantile position qp. Round 0: sort all n samples by score and take ranks
 * [int(n qp), +k). Round >= 1: sort the candidates, start = int(nData qp) (nData counts labelled rows, B9);
 * reference: start + k > |cand| -> the last k, else Python slice (negative start wraps, may be empty, B8);
 * improved: start clamped into [0, |cand| - k]. Returns indices in ascending-score order.
 */
export function absSelect(
  scores: ArrayLike<number>,
  cand: number[],
  k: number,
  qp: number,
  round: number,
  mode: Mode,
): { indices: number[]; boundaryScore: number | null } {
  const nData = scores.length;
  let sorted: number[];
  let picked: number[];
  if (round === 0) {
    sorted = Array.from(argsortStable(scores));
  } else {
    const sub = argsortStable(Array.from(cand, (i) => scores[i]));
    sorted = Array.from(sub, (j) => cand[j]);
  }
  const m = sorted.length;
  const raw = Math.trunc(nData * qp); // Python int(): truncates toward zero
  if (mode === 'improved') {
    const start = Math.min(Math.max(raw, 0), Math.max(m - k, 0));
    picked = sorted.slice(start, start + k);
  } else if (round > 0 && raw + k > m) {
    picked = k === 0 ? [] : sorted.slice(-k);
  } else {
    picked = pySlice(sorted, raw, raw + k);
  }
  return { indices: picked, boundaryScore: picked.length > 0 ? scores[picked[0]] : null };
}
