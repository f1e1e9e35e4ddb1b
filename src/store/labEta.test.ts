import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../core/types';
import { secondsLeft, trackEpochs, type EpochRates } from './labEta';

const cfg = { aeEpochs: 100, occEpochs: 50, warmStart: false } as RunConfig;

describe('trackEpochs', () => {
  it('measures ms per epoch from the start of the phase', () => {
    let st = trackEpochs(null, { pretrain: null, train: null }, { stage: 0, phase: 'pretrain', epoch: 0, epochs: 100, loss: null, elapsedMs: 10 });
    st = trackEpochs(st.clock, st.rates, { stage: 0, phase: 'pretrain', epoch: 4, epochs: 100, loss: 0.1, elapsedMs: 50 });
    expect(st.rates.pretrain).toBe(10);
    st = trackEpochs(st.clock, st.rates, { stage: 0, phase: 'train', epoch: 0, epochs: 50, loss: null, elapsedMs: 1000 });
    st = trackEpochs(st.clock, st.rates, { stage: 0, phase: 'train', epoch: 5, epochs: 50, loss: 1, elapsedMs: 1100 });
    expect(st.rates).toEqual({ pretrain: 10, train: 20 });
  });
});

describe('secondsLeft', () => {
  const rates: EpochRates = { pretrain: 10, train: 20 };
  it('adds the rest of pretraining and the whole training phase', () => {
    // 96 epochs x 10 ms + 50 x 20 ms = 1.96 s
    expect(secondsLeft({ stage: 0, phase: 'pretrain', epoch: 4, epochs: 100, loss: 0.1, elapsedMs: 50 }, cfg, rates)).toBeCloseTo(1.96, 12);
  });
  it('adds later rounds at the measured stage time', () => {
    // 40 x 20 ms = 0.8 s now, then 2 rounds of 3 s
    expect(secondsLeft({ stage: 1, phase: 'train', epoch: 10, epochs: 50, loss: 1, elapsedMs: 0 }, cfg, rates, 2, 3)).toBeCloseTo(6.8, 12);
  });
  it('is unknown before the first epoch', () => {
    expect(secondsLeft({ stage: 0, phase: 'pretrain', epoch: 0, epochs: 100, loss: null, elapsedMs: 0 }, cfg, { pretrain: null, train: null })).toBeNull();
  });
});
