import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-wasm';
import { useBackend } from './backend';
import { tf } from './tf';
import { Session, makeConfig, simulatedOracle } from './session';
import { makeSynthetic } from './synthetic';
import { LOSSES } from '../core/types';

// every loss through labelled stages on the backend Node uses by default (wasm)
beforeAll(() => useBackend('wasm'));

const raw = makeSynthetic('moons', 2, 300);

describe('all seven losses train through labelled stages (wasm backend)', () => {
  for (const loss of LOSSES) {
    it(loss, async () => {
      const before = tf.memory().numTensors;
      const query = loss.startsWith('soft') ? 'db' : 'mlp';
      const s = new Session(raw, makeConfig(raw, 'paper', { loss, query, pseudo: true, aeEpochs: 2, occEpochs: 12, rounds: 2, seed: 3 }));
      const snaps = await s.run(simulatedOracle(s.pool.labels!));
      s.dispose();
      expect(tf.getBackend()).toBe('wasm');
      expect(snaps).toHaveLength(3);
      for (const snap of snaps) {
        expect(snap.occLoss.every(Number.isFinite)).toBe(true);
        expect(snap.scores.every(Number.isFinite)).toBe(true);
      }
      // only these two move R after the 10 warm-up epochs (B7: the UAI trainer never does)
      expect(snaps[2].radius > 0).toBe(loss === 'soft_boundary' || loss === 'soft_boundary_nce');
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
