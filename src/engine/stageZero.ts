// Stage 0 has no labels, so losses that differ only in how they treat labels train it alike: one training per family.
import type { Loss, Phase, RunConfig, SessionState } from '../core/types';

/**
 * Losses whose stage 0 is the same training: with no labelled or pseudo-abnormal sample, NCE and Deep SAD reduce to
 * the one-class loss and soft-boundary NCE to soft-boundary (algorithm.md 5.3-5.4); the UAI losses add their own head.
 */
export function stageZeroFamily(loss: Loss): string {
  switch (loss) {
    case 'one_class': case 'nce': case 'dsad': return 'one_class';
    case 'soft_boundary': case 'soft_boundary_nce': return 'soft_boundary';
    default: return loss;
  }
}

/** What a fork needs to know of the session it copies. */
export interface ForkPoint {
  stage: number;
  labels: number;
  phase: Phase;
  state: SessionState;
}

const rest = ({ loss: _l, query: _q, pseudo: _p, ...r }: RunConfig) => JSON.stringify(r);

/** Throws unless `to` may go on from a session of `from` at `at`: same run but loss, query and pseudo, before any label. */
export function checkFork(from: RunConfig, to: RunConfig, at: ForkPoint): void {
  if (rest(from) !== rest(to)) throw new Error('A fork keeps the data, seed, sizes, epochs and mode: only the loss, the query and pseudo-abnormals may change.');
  if (at.state === 'running') throw new Error('A session cannot be forked while a phase runs.');
  if (at.stage > 0 || at.labels > 0 || at.phase === 'label') throw new Error(`A session can be forked only before its first label (it is at stage ${at.stage}, ${at.labels} labels).`);
  if (at.phase !== 'pretrain' && stageZeroFamily(from.loss) !== stageZeroFamily(to.loss)) {
    throw new Error(`Stage 0 trained with ${from.loss} is not the stage 0 of ${to.loss}: fork before training, or within one family.`);
  }
}
