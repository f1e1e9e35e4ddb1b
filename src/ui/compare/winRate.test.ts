import { describe, expect, it } from 'vitest';
import { seedRunOf, type StageResult } from '../../engine/seedRun';
import { randomTwin, winRates } from './winRate';

const ok = { distinct: 10, std: 1, range: 2, nearC: 0, collapsed: false };
const run = (key: string, seed: number, last: number) => {
  const st = (t: number, a: number): StageResult => ({ stage: t, labels: 6 * t, found: 0, precision: t ? 0 : null, auroc: a, ap: a, aurocUnlabelled: a, pauc: a, seconds: 1, collapse: ok });
  return seedRunOf(key, seed, [st(0, 0.5), st(1, last)], 1);
};

describe('win rate against random', () => {
  it('pairs each configuration with random of the same loss and pseudo, seed by seed', () => {
    expect(randomTwin('nce/abs/ps1')).toBe('nce/random/ps1');
    expect(randomTwin('nce/random/ps1')).toBeNull();
    const results = [
      ...[1, 2, 3, 4, 5].map((s) => run('nce/abs/ps1', s, [0.875, 0.75, 0.625, 0.9375, 0.5][s - 1]!)),
      ...[1, 2, 3, 4, 5].map((s) => run('nce/random/ps1', s, [0.75, 0.625, 0.6875, 0.875, 0.5][s - 1]!)),
      run('dsad/abs/ps1', 1, 0.9),
    ];
    const w = winRates(['nce/abs/ps1', 'nce/random/ps1', 'dsad/abs/ps1'], results);
    // differences 0.125, 0.125, -0.0625, 0.0625, 0 (exact in binary): 3 wins, 1 tie, 1 loss -> (3 + 0.5) / 5 = 0.7
    const abs = w.get('nce/abs/ps1')!;
    expect(abs.baseline).toBe('nce/random/ps1');
    expect(abs.test).toMatchObject({ n: 5, wins: 3, ties: 1, losses: 1, winRate: 0.7 });
    // zero dropped: |d| 0.125, 0.125, 0.0625, 0.0625 -> ranks 3.5, 3.5, 1.5, 1.5; W+ = 3.5 + 3.5 + 1.5 = 8.5
    // normal approximation: mean 5, var 7.5 - (6 + 6) / 48 = 7.25, z = (8.5 - 5 - 0.5) / sqrt(7.25) = 1.11417, p = 0.26521
    expect(abs.test.statistic).toBe(8.5);
    expect(abs.test.pValue).toBeCloseTo(0.26521, 4);
    // no random twin for dsad in the batch, and none for random itself
    expect(w.has('dsad/abs/ps1')).toBe(false);
    expect(w.has('nce/random/ps1')).toBe(false);
  });
});
