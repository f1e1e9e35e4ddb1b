// Query strategies (algorithm.md 7): which unlabelled samples the oracle is asked about after a stage.

import type { Mode, Query } from '../core/types';
import type { Rng } from '../core/rng';
import { argsortStable } from './metrics';
import { ABS_QP0, absSelect, nextQp, type AbsState } from './abs';
import { densityQuery, diverseQuery, marginQuery } from './boundary';

export type { AbsState } from './abs';

export interface QueryArgs {
  strategy: Query;
  scores: ArrayLike<number>;
  /** 1 where the label is known, before this round */
  labelKnown: Uint8Array;
  k: number;
  /** soft-boundary radius R (used by db) */
  radius: number;
  mode: Mode;
  rng: Rng;
  abs: AbsState;
  /** labels (0/1) of the PREVIOUS round's queried indices, in order; empty in round 0 */
  lastLabels: number[];
  /** 0 for the query after stage 0 */
  round: number;
  /** latent phi(x), row-major n x repDim: needed by diverse and density */
  embedding?: ArrayLike<number>;
  repDim?: number;
}

export interface QueryResult {
  /** in query order; reference random may hold duplicates */
  indices: number[];
  qp: number | null;
  /** the score at the ABS start position, for plotting; null for other strategies */
  boundaryScore: number | null;
}

function check(a: QueryArgs): void {
  if (a.scores.length !== a.labelKnown.length) {
    throw new Error(`query: ${a.scores.length} scores but ${a.labelKnown.length} label flags`);
  }
  if (!Number.isSafeInteger(a.k) || a.k < 0) throw new Error(`query: k must be a non-negative integer, got ${a.k}`);
  if (!Number.isSafeInteger(a.round) || a.round < 0) throw new Error(`query: round must be a non-negative integer, got ${a.round}`);
  for (let i = 0; i < a.scores.length; i++) {
    if (!Number.isFinite(a.scores[i])) throw new Error(`query: score of row ${i} is not a finite number (${a.scores[i]})`);
  }
}

/** Candidates first-k by a key, ascending, ties by lower index (cand is ascending). */
function topBy(cand: number[], key: (i: number) => number, k: number, descending: boolean): number[] {
  const order = argsortStable(cand.map(key), descending);
  const out: number[] = [];
  for (let j = 0; j < Math.min(k, order.length); j++) out.push(cand[order[j]]);
  return out;
}

/** Select this round's queries; ABS also pushes the qp it used onto a.abs.qps (reset at round 0). */
export function selectQueries(a: QueryArgs): QueryResult {
  check(a);
  const cand: number[] = [];
  for (let i = 0; i < a.labelKnown.length; i++) if (a.labelKnown[i] === 0) cand.push(i);
  const none: QueryResult = { indices: [], qp: null, boundaryScore: null };
  switch (a.strategy) {
    case 'no':
      return none; // B5 fixed in both modes: no query, each stage just retrains
    case 'random': {
      if (cand.length === 0) return none;
      const indices =
        a.mode === 'reference'
          ? a.rng.choice(cand, a.k, true) // B1: with replacement, like np.random.choice(cand, k)
          : a.rng.choice(cand, Math.min(a.k, cand.length), false);
      return { indices, qp: null, boundaryScore: null };
    }
    case 'mlp':
      return { indices: topBy(cand, (i) => a.scores[i], a.k, true), qp: null, boundaryScore: null };
    case 'db': {
      if (!Number.isFinite(a.radius)) throw new Error(`query db: radius R must be a finite number, got ${a.radius}`);
      const R = a.radius;
      // reference compares a squared distance with a radius (B6); improved compares distances
      const key = a.mode === 'reference' ? (i: number) => Math.abs(a.scores[i] - R) : (i: number) => Math.abs(Math.sqrt(Math.max(0, a.scores[i])) - R);
      return { indices: topBy(cand, key, a.k, false), qp: null, boundaryScore: null };
    }
    case 'abs': {
      let qp: number;
      if (a.round === 0) {
        a.abs.qps.length = 0;
        qp = ABS_QP0;
      } else {
        qp = nextQp(a.abs.qps, a.lastLabels, a.mode);
      }
      a.abs.qps.push(qp);
      const { indices, boundaryScore } = absSelect(a.scores, cand, a.k, qp, a.round, a.mode);
      return { indices, qp, boundaryScore };
    }
    case 'margin':
      return { indices: marginQuery(a.scores, cand, a.k, a.radius), qp: null, boundaryScore: null };
    case 'diverse':
      return { indices: diverseQuery(a.scores, cand, a.k, a.radius, a.embedding, a.repDim), qp: null, boundaryScore: null };
    case 'density':
      return { indices: densityQuery(a.scores, cand, a.k, a.radius, a.embedding, a.repDim), qp: null, boundaryScore: null };
    default: {
      const s: never = a.strategy;
      throw new Error(`query: unknown strategy '${String(s)}' (expected one of random, mlp, db, abs, no, margin, diverse, density)`);
    }
  }
}
