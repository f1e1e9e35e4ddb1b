// The one table builder (CLI, report, panel) on hand-made runs.
import { describe, expect, it } from 'vitest';
import { aggregate, formatCell } from './resultTable';
import { seedRunOf, type StageResult } from './seedRun';

const ok = { distinct: 10, std: 1, range: 2, nearC: 0, collapsed: false };
const stage = (t: number, auroc: number | null, ap: number, found: number, seconds: number, collapsed = false): StageResult => ({
  stage: t, labels: 6 * t, found, precision: t ? found / (6 * t) : null, auroc, ap, aurocUnlabelled: auroc, pauc: auroc === null ? null : auroc / 2,
  seconds, collapse: { ...ok, collapsed },
});
export const results = [
  seedRunOf('nce/abs/ps1', 2, [stage(0, 0.9, 0.7, 0, 3), stage(1, 0.95, 0.8, 3, 1)], 4),
  seedRunOf('nce/abs/ps1', 1, [stage(0, 0.8, 0.5, 0, 1), stage(1, null, 0.6, 1, 1, true)], 2),
  seedRunOf('nce/random/ps1', 1, [stage(0, 0.6, 0.2, 0, 2), stage(1, 0.62, 0.3, 0, 2)], 4),
];
export const configs = [{ key: 'nce/abs/ps1', label: 'one-class + NCE / adaptive boundary search / pseudo 1' }, { key: 'nce/random/ps1', label: 'one-class + NCE / random / pseudo 1' }];

describe('aggregate', () => {
  it('gives mean +- population std x100 per configuration and stage', () => {
    const [abs, rnd] = aggregate(configs, results);
    expect(abs!.seeds).toEqual([1, 2]);
    // (80 + 90) / 2 = 85; sqrt(((80-85)^2 + (90-85)^2) / 2) = 5
    expect(abs!.stages[0]!.auroc!.mean).toBeCloseTo(85, 10);
    expect(abs!.stages[0]!.auroc!.std).toBeCloseTo(5, 10);
    // AP (50 + 70) / 2 = 60 +- 10; pAUC half of AUROC; seconds (1 + 3) / 2 = 2
    expect(abs!.stages[0]!.ap!.mean).toBeCloseTo(60, 10);
    expect(abs!.stages[0]!.ap!.std).toBeCloseTo(10, 10);
    expect(abs!.stages[0]!.pauc!.mean).toBeCloseTo(42.5, 10);
    expect(abs!.stages[0]!.seconds).toBe(2);
    // stage 1: one seed had no AUROC, so 95 +- 0 over n = 1
    expect(abs!.stages[1]!.auroc).toEqual({ mean: 95, std: 0, n: 1 });
    expect(abs!.stages[1]!.labels).toBe(6);
    // found 3 and 1: 2 +- 1; precision 3/6 and 1/6: 33.33 +- 16.67
    expect(abs!.stages[1]!.found).toEqual({ mean: 2, std: 1, n: 2 });
    expect(abs!.stages[1]!.precision!.mean).toBeCloseTo(100 / 3, 10);
    expect(abs!.stages[1]!.precision!.std).toBeCloseTo(100 / 6, 10);
    expect(abs!.stages[1]!.collapsed).toBe(1);
    expect(abs!.collapsedSeeds).toEqual([1]);
    expect(rnd!.seeds).toEqual([1]);
    expect(rnd!.stages.map((s) => s.auroc!.mean)).toEqual([60, 62]);
  });

  it('averages the learning-curve summaries over the seeds', () => {
    const [abs, rnd] = aggregate(configs, results);
    // seed 2: area (0.9 + 0.95) / 2 = 0.925, ramp-up 0.05; seed 1 has no stage-1 AUROC, so only seed 2 counts
    expect(abs!.summary.auroc.area!.mean).toBeCloseTo(92.5, 10);
    expect(abs!.summary.auroc.area!.n).toBe(1);
    expect(abs!.summary.auroc.start).toEqual({ mean: 85, std: 5, n: 2 });
    expect(rnd!.summary.auroc.rampUp!.mean).toBeCloseTo(2, 10);
  });

  it('formats cells as mean to 2 decimals +- std to 1', () => {
    const [abs] = aggregate(configs, results);
    expect(formatCell(abs!.stages[0]!.auroc)).toBe('85.00 +- 5.0');
    expect(formatCell(abs!.stages[1]!.found, 1)).toBe('2.0 +- 1.0');
    expect(formatCell(null)).toBe('n/a');
  });
});
