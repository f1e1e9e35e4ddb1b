import { describe, expect, it } from 'vitest';
import { fmt } from '../../../scripts/table';
import type { CompareRunResult } from '../../worker/protocol';
import { aggregate, CSV_HEADER, formatCell, tableCsv } from './table';

const run = (key: string, seed: number, auroc: Array<number | null>, ap: Array<number | null>, stageSeconds: number[]): CompareRunResult =>
  ({ key, seed, auroc, ap, stageSeconds, labels: auroc.map((_, t) => 6 * t), seconds: 1 });

const results = [
  run('nce/abs/ps1', 2, [0.9, 0.95], [0.7, 0.8], [3, 1]),
  run('nce/abs/ps1', 1, [0.8, null], [0.5, 0.6], [1, 1]),
  run('nce/random/ps1', 1, [0.6, 0.62], [0.2, 0.3], [2, 2]),
];
const configs = [{ key: 'nce/abs/ps1', label: 'nce / abs / pseudo 1' }, { key: 'nce/random/ps1', label: 'nce / random / pseudo 1' }];

describe('aggregate', () => {
  it('gives mean +- population std x100 per configuration and stage', () => {
    const [abs, rnd] = aggregate(configs, results);
    expect(abs!.seeds).toEqual([1, 2]);
    // (80 + 90) / 2 = 85; sqrt(((80-85)^2 + (90-85)^2) / 2) = 5
    expect(abs!.stages[0]!.auroc!.mean).toBeCloseTo(85, 10);
    expect(abs!.stages[0]!.auroc!.std).toBeCloseTo(5, 10);
    // AP (50 + 70) / 2 = 60 +- 10; seconds (1 + 3) / 2 = 2
    expect(abs!.stages[0]!.ap!.mean).toBeCloseTo(60, 10);
    expect(abs!.stages[0]!.ap!.std).toBeCloseTo(10, 10);
    expect(abs!.stages[0]!.seconds).toBe(2);
    // stage 1: one seed had no AUROC, so 95 +- 0 over n = 1
    expect(abs!.stages[1]!.auroc).toEqual({ mean: 95, std: 0, n: 1 });
    expect(abs!.stages[1]!.labels).toBe(6);
    expect(rnd!.seeds).toEqual([1]);
    expect(rnd!.stages.map((s) => s.auroc!.mean)).toEqual([60, 62]);
  });

  it('formats cells exactly like the CLI table', () => {
    const [abs] = aggregate(configs, results);
    expect(formatCell(abs!.stages[0]!.auroc)).toBe('85.00 +- 5.0');
    expect(formatCell(abs!.stages[0]!.auroc)).toBe(fmt([0.8, 0.9]));
    expect(formatCell(null)).toBe('n/a');
  });

  it('writes a long-format CSV with a fixed header', () => {
    const lines = tableCsv(aggregate(configs, results)).split('\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines[1]).toBe('nce / abs / pseudo 1,0,0,2,85,5,60,10,2');
    expect(lines[2]).toBe('nce / abs / pseudo 1,1,6,2,95,0,70,10,1');
    expect(lines).toHaveLength(5);
  });
});
