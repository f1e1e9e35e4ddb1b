// Pseudo-abnormal selection (algorithm.md 7.6): recomputed from scratch each round, never cumulative.

import type { Mode } from '../core/types';
import type { Rng } from '../core/rng';
import { argsortStable, median } from './metrics';

export interface PseudoArgs {
  scores: ArrayLike<number>;
  /** 1 where the label is known, after this round's queries */
  labelKnown: Uint8Array;
  /** oracle answers (0/1), valid where labelKnown */
  labels: Uint8Array;
  /** the query size k (cap of the no-anomaly branch) */
  k: number;
  mode: Mode;
  rng: Rng;
}

const ascending = (a: number, b: number): number => a - b;

/**
 * No labelled anomaly yet: unlabelled samples scoring >= the highest labelled score, top k by score.
 * Otherwise: theta = median score of the labelled anomalies; unlabelled samples scoring >= theta; if more
 * than h = floor(|U| / 2) qualify, draw h (reference with replacement, then de-duplicated, B1; improved
 * without). Returns sorted unique indices; [] when nothing is labelled or nothing is unlabelled.
 */
export function selectPseudoAbnormal(args: PseudoArgs): number[] {
  const { scores, labelKnown, labels, k, mode, rng } = args;
  const n = scores.length;
  if (labelKnown.length !== n || labels.length !== n) {
    throw new Error(`pseudo-abnormal: lengths differ (scores ${n}, labelKnown ${labelKnown.length}, labels ${labels.length})`);
  }
  if (!Number.isSafeInteger(k) || k < 0) throw new Error(`pseudo-abnormal: k must be a non-negative integer, got ${k}`);
  const unl: number[] = [];
  const lab: number[] = [];
  const labAnom: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(scores[i])) throw new Error(`pseudo-abnormal: score of row ${i} is not a finite number (${scores[i]})`);
    if (labelKnown[i] === 1) {
      lab.push(i);
      if (labels[i] === 1) labAnom.push(i);
      else if (labels[i] !== 0) throw new Error(`pseudo-abnormal: row ${i} is labelled but its answer is ${labels[i]}, expected 0 or 1`);
    } else {
      unl.push(i);
    }
  }
  // Without any label there is no threshold (the reference never gets here: it always queries first).
  if (lab.length === 0 || unl.length === 0) return [];
  if (labAnom.length === 0) {
    let maxL = -Infinity;
    for (const i of lab) if (scores[i] > maxL) maxL = scores[i];
    const qual = unl.filter((i) => scores[i] >= maxL);
    const order = argsortStable(qual.map((i) => scores[i]), true);
    const out: number[] = [];
    for (let j = 0; j < Math.min(k, order.length); j++) out.push(qual[order[j]]);
    return out.sort(ascending);
  }
  const theta = median(labAnom.map((i) => scores[i]));
  const qual = unl.filter((i) => scores[i] >= theta);
  const h = Math.floor(0.5 * unl.length);
  if (qual.length <= h) return qual; // already ascending
  const drawn = mode === 'reference' ? rng.choice(qual, h, true) : rng.choice(qual, h, false);
  return Array.from(new Set(drawn)).sort(ascending);
}
