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

export function makeConfig(data: RawData, preset: Preset, overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    loss: 'nce',
    query: 'abs',
    pseudo: true,
    seed: 1,
    pollution: null,
    ...PRESETS[preset],
    sizes: paperSizes(data.name, data.n, data.d),
    ...overrides,
  };
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
