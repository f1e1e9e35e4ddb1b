import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { cpuBackend } from '../testing';
import { hostKernelActive, setKernel, type KernelChoice } from '../kernel';
import { Session, makeConfig, simulatedOracle } from '../session';
import { makeSynthetic } from '../../io/synthetic';
import type { Loss } from '../../core/types';

beforeAll(cpuBackend);
afterEach(() => setKernel('auto'));

const blobs = makeSynthetic('blobs', 1);

async function run(kernel: KernelChoice, loss: Loss, mode: 'reference' | 'improved') {
  setKernel(kernel);
  const cfg = makeConfig(blobs, 'interactive', { loss, query: 'abs', mode, seed: 2, aeEpochs: 15, occEpochs: 12, rounds: 2 });
  const s = new Session(blobs, cfg);
  const snaps = await s.run(simulatedOracle(s.pool.labels!));
  s.dispose();
  return snaps;
}

describe('kernel choice', () => {
  it('auto picks the host kernel on the cpu backend', () => {
    expect(tf.getBackend()).toBe('cpu');
    expect(hostKernelActive()).toBe(true);
    setKernel('tensor');
    expect(hostKernelActive()).toBe(false);
  });

  for (const [loss, mode] of [['soft_boundary_nce', 'improved'], ['one_class_uai', 'reference']] as const) {
    it(`${loss} (${mode}): both kernels give the same queries and AUROC to rounding`, async () => {
      const before = tf.memory().numTensors;
      const host = await run('host', loss, mode);
      expect(tf.memory().numTensors).toBe(before);
      const tensor = await run('tensor', loss, mode);
      expect(host.map((x) => x.labelled)).toEqual(tensor.map((x) => x.labelled));
      host.forEach((x, i) => expect(Math.abs(x.auroc! - tensor[i].auroc!)).toBeLessThan(0.01));
      expect(host[2].auroc!).toBeGreaterThan(0.8);
      // seeded: the host kernel repeats itself bit for bit
      const again = await run('host', loss, mode);
      expect(again.map((x) => Array.from(x.scores))).toEqual(host.map((x) => Array.from(x.scores)));
    });
  }
});
