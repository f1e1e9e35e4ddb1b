// Run presets: `paper` reproduces the reference protocol; `interactive` is tuned for a live lab.
import { paperSizes } from './sizes';
import type { RawData, RunConfig } from './types';

export type Preset = 'paper' | 'interactive';

export const PRESETS: Record<Preset, Omit<RunConfig, 'sizes' | 'loss' | 'query' | 'pseudo' | 'seed' | 'pollution'>> = {
  // algorithm.md 8: 100 AE + 50 OCC epochs every stage, fresh model, reference quirks kept
  paper: { mode: 'reference', aeEpochs: 100, occEpochs: 50, rounds: 5, warmStart: false, lr: 1e-3, weightDecay: 1e-6 },
  // improved mode, pretrain once, then warm-started short retraining: about a second a round
  interactive: { mode: 'improved', aeEpochs: 40, occEpochs: 25, rounds: 5, warmStart: true, lr: 1e-3, weightDecay: 1e-6 },
};

/** Interactive rounds budget steps, not epochs, so a round stays about a second on bigger data. */
export const INTERACTIVE_STEPS = { ae: 120, occ: 75 };

export function makeConfig(data: RawData, preset: Preset, overrides: Partial<RunConfig> = {}): RunConfig {
  const sizes = overrides.sizes ?? paperSizes(data.name, data.n, data.d);
  const base = { ...PRESETS[preset] };
  if (preset === 'interactive') {
    const batches = Math.max(1, Math.floor(data.n / sizes.batchSize));
    base.aeEpochs = Math.min(base.aeEpochs, Math.max(3, Math.round(INTERACTIVE_STEPS.ae / batches)));
    base.occEpochs = Math.min(base.occEpochs, Math.max(2, Math.round(INTERACTIVE_STEPS.occ / batches)));
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
