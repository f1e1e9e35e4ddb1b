import { describe, expect, it } from 'vitest';
import { formatCompareSelection, parseCompareSelection } from './compareLink';

describe('comparison selection in the link', () => {
  it('round-trips', () => {
    const s = parseCompareSelection('abs,random~nce,one_class~1-3,7~paper~ps1');
    expect(s).toEqual({ queries: ['abs', 'random'], losses: ['nce', 'one_class'], seeds: [1, 2, 3, 7], preset: 'paper', pseudo: true });
    expect(formatCompareSelection(s)).toBe('abs,random~nce,one_class~1-3,7~paper~ps1');
  });
  it('says which part is wrong', () => {
    expect(() => parseCompareSelection('abs~nce~1')).toThrow(/QUERIES~LOSSES~SEEDS/);
    expect(() => parseCompareSelection('best~nce~1~paper~ps1')).toThrow(/query strategy 'best' is not one of/);
    expect(() => parseCompareSelection('abs~~1~paper~ps1')).toThrow(/no loss/);
    expect(() => parseCompareSelection('abs~nce~x~paper~ps1')).toThrow(/seeds: 'x' is not a seed/);
    expect(() => parseCompareSelection('abs~nce~1~fast~ps1')).toThrow(/preset 'fast'/);
    expect(() => parseCompareSelection('abs~nce~1~paper~yes')).toThrow(/ps0 or ps1/);
  });
});
