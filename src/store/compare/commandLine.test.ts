import { describe, expect, it } from 'vitest';
import { experimentCommand } from './commandLine';
import { compareRuns } from '../../worker/compareConfigs';

describe('equivalent command line', () => {
  it('names the CLI flags of each configuration (paper preset: exact)', () => {
    const runs = compareRuns({ losses: ['nce'], queries: ['abs', 'random'], pseudo: true, preset: 'paper', pollution: null, k: null });
    const c = experimentCommand('glass', 'bundled', runs, [1, 2, 3, 4, 5], 1);
    expect(c.lines).toEqual([
      'npm run experiment -- --dataset glass --loss nce --query abs --pseudo 1 --seeds 5 --mode reference',
      'npm run experiment -- --dataset glass --loss nce --query random --pseudo 1 --seeds 5 --mode reference',
    ]);
    expect(c.exact).toBe(true);
    expect(c.notes).toEqual([]);
  });

  it('passes the preset and k, and says why test overrides and seeded synthetic data do not match', () => {
    const runs = compareRuns({ losses: ['dsad'], queries: ['mlp'], pseudo: false, preset: 'interactive', pollution: 0.05, k: 4, extra: { aeEpochs: 2 } });
    const c = experimentCommand('ring', 'synthetic', runs, [1, 2], 7);
    expect(c.lines).toEqual(['npm run experiment -- --dataset ring --loss dsad --query mlp --pseudo 0 --seeds 2 --mode improved --pollution 0.05 --preset interactive --k 4']);
    expect(c.exact).toBe(false);
    expect(c.notes.join(' ')).toMatch(/seed 7/);
    expect(c.notes.join(' ')).toMatch(/aeEpochs/);
  });
  it('an interactive run on bundled data with its own k has an exact command-line twin', () => {
    const runs = compareRuns({ losses: ['nce'], queries: ['abs'], pseudo: true, preset: 'interactive', pollution: null, k: 4 });
    const c = experimentCommand('glass', 'bundled', runs, [1, 2, 3], 1);
    expect(c.lines).toEqual(['npm run experiment -- --dataset glass --loss nce --query abs --pseudo 1 --seeds 3 --mode improved --preset interactive --k 4']);
    expect(c.exact).toBe(true);
  });

  it('writes --seed-list for any seeds other than 1..N', () => {
    const runs = compareRuns({ losses: ['nce'], queries: ['abs'], pseudo: true, preset: 'paper', pollution: null, k: null });
    expect(experimentCommand('glass', 'bundled', runs, [7], 7).lines).toEqual(['npm run experiment -- --dataset glass --loss nce --query abs --pseudo 1 --seed-list 7 --mode reference']);
    expect(experimentCommand('glass', 'bundled', runs, [2, 3, 4, 9], 1).lines[0]).toContain('--seed-list 2-4,9');
  });

  it('rejects an empty pick with a clear message', () => {
    expect(() => compareRuns({ losses: [], queries: ['abs'], pseudo: true, preset: 'paper', pollution: null, k: null })).toThrow(/at least one loss/);
    expect(() => compareRuns({ losses: ['nce'], queries: [], pseudo: true, preset: 'paper', pollution: null, k: null })).toThrow(/at least one query/);
  });
});
