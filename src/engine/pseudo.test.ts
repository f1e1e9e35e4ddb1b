import { describe, expect, it } from 'vitest';
import type { Mode } from '../core/types';
import { Rng } from '../core/rng';
import { selectPseudoAbnormal } from './pseudo';

const scores = [0.1, 0.9, 0.5, 0.7, 0.3, 0.8, 0.6, 0.95];
const n = scores.length;

function flags(known: Record<number, number>): { labelKnown: Uint8Array; labels: Uint8Array } {
  const labelKnown = new Uint8Array(n);
  const labels = new Uint8Array(n);
  for (const [i, y] of Object.entries(known)) {
    labelKnown[Number(i)] = 1;
    labels[Number(i)] = y;
  }
  return { labelKnown, labels };
}

describe('selectPseudoAbnormal', () => {
  it('no labelled anomaly: unlabelled scoring >= the top labelled score, top k', () => {
    // labelled normals 2 (0.5) and 4 (0.3): qualifying 1, 3, 5, 6, 7; top 3 by score: 7, 1, 5
    const r = selectPseudoAbnormal({ scores, ...flags({ 2: 0, 4: 0 }), k: 3, mode: 'reference', rng: new Rng(1) });
    expect(r).toEqual([1, 5, 7]);
  });

  it('labelled anomalies: unlabelled scoring >= their median, all when at most half of U', () => {
    // anomalies 1 (0.9), 3 (0.7) -> theta 0.8; U = {0, 4, 5, 6, 7}, h = 2; qualifying 5, 7
    const r = selectPseudoAbnormal({ scores, ...flags({ 1: 1, 3: 1, 2: 0 }), k: 3, mode: 'reference', rng: new Rng(1) });
    expect(r).toEqual([5, 7]);
  });

  it('draws h of them when more than half of U qualify (reference with replacement, improved without)', () => {
    // anomaly 3 (0.7) -> theta 0.7; U = {1, 4, 5, 6, 7}, h = 2; qualifying 1, 5, 7 (3 > 2)
    const f = flags({ 3: 1, 2: 0, 0: 0 });
    for (let seed = 1; seed <= 10; seed++) {
      const imp = selectPseudoAbnormal({ scores, ...f, k: 3, mode: 'improved' as Mode, rng: new Rng(seed) });
      expect(imp).toEqual(new Rng(seed).choice([1, 5, 7], 2, false).sort((a, b) => a - b));
      expect(imp).toHaveLength(2);
      const ref = selectPseudoAbnormal({ scores, ...f, k: 3, mode: 'reference' as Mode, rng: new Rng(seed) });
      expect(ref).toEqual([...new Set(new Rng(seed).choice([1, 5, 7], 2, true))].sort((a, b) => a - b));
      expect(ref.length === 1 || ref.length === 2).toBe(true);
    }
  });

  it('returns [] when nothing is labelled', () => {
    expect(selectPseudoAbnormal({ scores, ...flags({}), k: 3, mode: 'improved', rng: new Rng(1) })).toEqual([]);
  });

  it('rejects mismatched lengths', () => {
    expect(() =>
      selectPseudoAbnormal({ scores, labelKnown: new Uint8Array(2), labels: new Uint8Array(n), k: 1, mode: 'improved', rng: new Rng(1) }),
    ).toThrow(/lengths differ/);
  });
});
