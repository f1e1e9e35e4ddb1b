// Run presets: `paper` reproduces the reference protocol; `interactive` is tuned for a live lab.
import { paperSizes } from './sizes';
import { decoderSpecs, encoderSpecs } from './params';
import type { RawData, RunConfig } from '../core/types';
import type { Preset } from '../core/choices';

export const PRESETS: Record<Preset, Omit<RunConfig, 'sizes' | 'loss' | 'query' | 'pseudo' | 'seed' | 'pollution'>> = {
  // algorithm.md 8: 100 AE + 50 OCC epochs every stage, fresh model, reference quirks kept
  paper: { mode: 'reference', aeEpochs: 100, occEpochs: 50, rounds: 5, warmStart: false, lr: 1e-3, weightDecay: 1e-6 },
  // improved mode, pretrain once, then warm-started short retraining: under a second a round
  interactive: { mode: 'improved', aeEpochs: 40, occEpochs: 25, rounds: 5, warmStart: true, lr: 1e-3, weightDecay: 1e-6 },
};

/** Interactive rounds budget steps (and time, for wide data) rather than epochs: under a second a round. */
export const INTERACTIVE_STEPS = { ae: 120, occ: 75 };
const INTERACTIVE_MS = { ae: 500, occ: 300 };

/**
 * Rough cost of one step on the tensor path (tfjs ops, as on GPU backends): kernel overhead plus about 1.5 GMAC/s
 * of matrix work. The budget holds for every backend; the host kernel (wasm, cpu) runs it 5-15x faster.
 */
export function stepMs(batchSize: number, weights: number): number {
  return 1 + (6 * batchSize * weights) / 1.5e6;
}

const count = (specs: Array<{ shape: number[] }>) => specs.reduce((a, s) => a + s.shape[0] * s.shape[1], 0);

export function makeConfig(data: RawData, preset: Preset, overrides: Partial<RunConfig> = {}): RunConfig {
  const sizes = overrides.sizes ?? paperSizes(data.name, data.n, data.d);
  const base = { ...PRESETS[preset] };
  if (preset === 'interactive') {
    const batches = Math.max(1, Math.floor(data.n / sizes.batchSize));
    const enc = count(encoderSpecs(data.d, sizes.hDims, sizes.repDim));
    const ae = enc + count(decoderSpecs(data.d, sizes.hDims, sizes.repDim));
    const aeSteps = Math.min(INTERACTIVE_STEPS.ae, INTERACTIVE_MS.ae / stepMs(sizes.batchSize, ae));
    const occSteps = Math.min(INTERACTIVE_STEPS.occ, INTERACTIVE_MS.occ / stepMs(sizes.batchSize, enc));
    base.aeEpochs = Math.min(base.aeEpochs, Math.max(2, Math.round(aeSteps / batches)));
    base.occEpochs = Math.min(base.occEpochs, Math.max(2, Math.round(occSteps / batches)));
  }
  return { loss: 'nce', query: 'abs', pseudo: true, seed: 1, pollution: null, ...base, sizes, ...overrides };
}

/** The paper's grid (algorithm.md 9.2): pseudo-abnormals exactly when the query is db or abs. */
export function paperGrid(): Array<Pick<RunConfig, 'loss' | 'query' | 'pseudo'>> {
  const grid: Array<[RunConfig['loss'], RunConfig['query'][]]> = [
    ['soft_boundary', ['random', 'mlp', 'db', 'abs']],
    ['soft_boundary_nce', ['random', 'mlp', 'db', 'abs']],
    ['one_class', ['random', 'mlp', 'abs']],
    ['nce', ['random', 'mlp', 'abs']],
    ['dsad', ['random', 'mlp', 'abs']],
    ['one_class_uai', ['mlp']],
  ];
  return grid.flatMap(([loss, qs]) => qs.map((query) => ({ loss, query, pseudo: query === 'db' || query === 'abs' })));
}
