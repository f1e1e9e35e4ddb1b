// Time-left estimate for the progress bar, from epoch timings seen so far.
import type { ProgressEvent, RunConfig } from '../core/types';

/** ms per epoch measured per training phase, kept across stages. */
export interface EpochRates {
  pretrain: number | null;
  train: number | null;
}

export interface PhaseClock {
  stage: number;
  phase: ProgressEvent['phase'];
  /** elapsedMs of the event that opened the phase (epoch 0) */
  startMs: number;
}

/** Updates the clock and the rates with one progress event (pure). */
export function trackEpochs(clock: PhaseClock | null, rates: EpochRates, e: ProgressEvent): { clock: PhaseClock; rates: EpochRates } {
  const same = clock && clock.stage === e.stage && clock.phase === e.phase;
  const c: PhaseClock = same ? clock : { stage: e.stage, phase: e.phase, startMs: e.elapsedMs };
  const r = { ...rates };
  if ((e.phase === 'pretrain' || e.phase === 'train') && e.epoch > 0) r[e.phase] = (e.elapsedMs - c.startMs) / e.epoch;
  return { clock: c, rates: r };
}

/**
 * Seconds left in the current stage (and in later rounds when roundsLeft > 0): the rest of this phase at its
 * measured rate, plus the training phase after pretraining; null until a rate is known.
 */
export function secondsLeft(e: ProgressEvent, cfg: RunConfig, rates: EpochRates, roundsLeft = 0, stageSeconds: number | null = null): number | null {
  let ms = 0;
  if (e.phase === 'pretrain') {
    if (rates.pretrain === null) return null;
    ms += (e.epochs - e.epoch) * rates.pretrain;
    ms += cfg.occEpochs * (rates.train ?? rates.pretrain);
  } else if (e.phase === 'train') {
    if (rates.train === null) return null;
    ms += (e.epochs - e.epoch) * rates.train;
  }
  let later = 0;
  if (roundsLeft > 0) {
    const perStage = stageSeconds ?? ((cfg.warmStart ? 0 : cfg.aeEpochs * (rates.pretrain ?? 0)) + cfg.occEpochs * (rates.train ?? 0)) / 1000;
    later = roundsLeft * perStage;
  }
  return ms / 1000 + later;
}
