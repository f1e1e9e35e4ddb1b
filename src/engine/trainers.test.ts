import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tf } from './tf';
import { cpuBackend } from './testing';
import { chooseTrainer, type TrainerChoice } from './trainers';
import { useVariant } from './host/arena';
import { Session, makeConfig, simulatedOracle } from './session';
import { makeSynthetic } from './synthetic';
import type { Loss } from '../core/types';

beforeAll(cpuBackend);
afterEach(() => useVariant(null));

const blobs = makeSynthetic('blobs', 1);

async function run(choice: TrainerChoice, loss: Loss, mode: 'reference' | 'improved') {
  const cfg = makeConfig(blobs, 'interactive', { loss, query: 'abs', mode, seed: 2, aeEpochs: 15, occEpochs: 12, rounds: 2 });
  const s = new Session(blobs, cfg, {}, chooseTrainer(choice));
  expect(s.trainer.name).toBe(choice);
  const snaps = await s.run(simulatedOracle(s.pool.labels!));
  s.dispose();
  return snaps;
}

describe('trainer choice', () => {
  it('auto picks the host trainer on the cpu backend, the tensor one without SIMD; a pin wins', () => {
    expect(tf.getBackend()).toBe('cpu');
    expect(chooseTrainer().name).toBe('host');
    const s = new Session(blobs, makeConfig(blobs, 'interactive'));
    expect(s.trainer.name).toBe('host');
    s.dispose();
    expect(chooseTrainer('tensor').name).toBe('tensor');
    useVariant('js');
    expect(chooseTrainer().name).toBe('tensor');
    expect(chooseTrainer('host').name).toBe('host');
  });

  for (const [loss, mode] of [['soft_boundary_nce', 'improved'], ['one_class_uai', 'reference']] as const) {
    it(`${loss} (${mode}): both trainers give the same queries and AUROC to rounding`, async () => {
      const before = tf.memory().numTensors;
      const host = await run('host', loss, mode);
      expect(tf.memory().numTensors).toBe(before);
      const tensor = await run('tensor', loss, mode);
      expect(host.map((x) => x.labelled)).toEqual(tensor.map((x) => x.labelled));
      host.forEach((x, i) => expect(Math.abs(x.auroc! - tensor[i].auroc!)).toBeLessThan(0.01));
      expect(host[2].auroc!).toBeGreaterThan(0.8);
      // seeded: the host trainer repeats itself bit for bit
      const again = await run('host', loss, mode);
      expect(again.map((x) => Array.from(x.scores))).toEqual(host.map((x) => Array.from(x.scores)));
    });
  }
});
