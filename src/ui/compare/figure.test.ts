import { describe, expect, it } from 'vitest';
import { compareFigure, fade } from './figure';
import type { TableRow } from './table';

const rest = { found: null, precision: null, ap: null, aurocUnlabelled: null, pauc: null, seconds: 1, collapsed: 0 };
const none = { start: null, end: null, area: null, rampUp: null };
const row: TableRow = {
  key: 'nce/abs/ps1', label: 'nce / abs / pseudo 1', seeds: [1, 2], collapsedSeeds: [],
  summary: { auroc: none, ap: none, aurocUnlabelled: none, pauc: none },
  stages: [
    { stage: 0, labels: 0, auroc: { mean: 80, std: 2, n: 2 }, ...rest },
    { stage: 1, labels: 6, auroc: { mean: 90, std: 1, n: 2 }, ...rest },
  ],
};

describe('compare figure', () => {
  it('draws a +-std band and a mean line with error bars per configuration', () => {
    const f = compareFigure([row, { ...row, key: 'b', label: 'b' }]);
    expect(f.data).toHaveLength(4);
    const [band, mean] = f.data;
    expect(band!.x).toEqual([0, 6, 6, 0]);
    expect(band!.y).toEqual([82, 91, 89, 78]);
    expect(mean!.y).toEqual([80, 90]);
    expect((mean!.error_y as { array: number[] }).array).toEqual([2, 1]);
    expect(mean!.name).toBe('nce / abs / pseudo 1 (2 seeds)');
    expect(f.data[3]!.line).not.toEqual(mean!.line);
  });
  it('fades a hex colour for the band', () => {
    expect(fade('#0072B2', 0.15)).toBe('rgba(0,114,178,0.15)');
  });
});
