// The host trainer: flat arrays and the SIMD kernel for every phase (the twin of ../tensor/tensorTrainer.ts).
import type { Trainer } from '../trainer';
import { bestVariant } from './arena';
import { threadsInstalled } from './threads';
import { pretrainAeHost } from './pretrainHost';
import { trainOccHost } from './trainHost';
import { initCenterHost, scorePoolHost } from './evalHost';
import { hostStepMs } from './probe';

export const hostTrainer: Trainer = {
  name: 'host',
  describe() {
    const v = bestVariant();
    if (v === 'relaxed' && threadsInstalled()) return 'host kernel, WebAssembly SIMD with fused multiply-add, 2 threads';
    return v === 'relaxed' ? 'host kernel, WebAssembly SIMD with fused multiply-add' : v === 'simd' ? 'host kernel, WebAssembly SIMD' : 'host kernel, plain JavaScript';
  },
  pretrain: pretrainAeHost,
  center: async (model, x, batchSize, rng) => initCenterHost(model, x, batchSize, rng),
  train: trainOccHost,
  score: async (model, x) => scorePoolHost(model, x),
  probe: async (shape) => hostStepMs(shape),
};
