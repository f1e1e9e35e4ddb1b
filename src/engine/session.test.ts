import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from './tf';
import { cpuBackend } from './testing';
import { Session, makeConfig, simulatedOracle } from './session';
import { makeSynthetic } from './synthetic';
import type { Label, RunConfig } from '../core/types';

beforeAll(cpuBackend);

const blobs = makeSynthetic('blobs', 1);
const quick = (o: Partial<RunConfig> = {}) =>
  makeConfig(blobs, 'interactive', { loss: 'nce', query: 'abs', seed: 1, aeEpochs: 20, occEpochs: 15, rounds: 3, ...o });

describe('Session: the active-learning loop', () => {
  it('AUROC rises once labels arrive (blobs, NCE + ABS, simulated oracle)', async () => {
    const s = new Session(blobs, quick());
    const snaps = await s.run(simulatedOracle(s.pool.labels!));
    s.dispose();
    expect(snaps).toHaveLength(4);
    expect(snaps.map((x) => x.labelled.length)).toEqual([0, 6, 12, 18]);
    expect(snaps[3].auroc!).toBeGreaterThan(snaps[0].auroc! + 0.05);
    expect(s.state).toBe('done');
  });

  it('the same seed gives the same scores bit for bit; another seed does not', async () => {
    const run = async (seed: number) => {
      const s = new Session(blobs, quick({ seed, rounds: 1 }));
      const snaps = await s.run(simulatedOracle(s.pool.labels!));
      s.dispose();
      return snaps.map((x) => Array.from(x.scores));
    };
    const a = await run(4);
    expect(await run(4)).toEqual(a);
    expect((await run(5))[0]).not.toEqual(a[0]);
  });

  it('waits for an external oracle, walks the phases in order and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const s = new Session(blobs, quick({ rounds: 2 }));
    const phases: string[] = [];
    while (s.nextPhase !== 'label') phases.push(await s.step());
    expect(phases).toEqual(['pretrain', 'center', 'train', 'score', 'query']);
    expect(s.state).toBe('awaiting_labels');
    expect(s.queue).toHaveLength(6);
    await expect(s.step()).rejects.toThrow(/waiting for labels/);
    const answers: Array<[number, Label]> = s.queue.slice(0, 4).map((i) => [i, 1]); // two skipped
    s.submitLabels(answers);
    expect(s.labels.size).toBe(4);
    expect(s.stage).toBe(1);
    const mid = tf.memory().numTensors;
    await s.trainStage();
    s.query();
    s.submitLabels([]);
    await s.trainStage();
    expect(tf.memory().numTensors).toBe(mid); // no growth across stages
    expect(s.history().map((e) => e.stage)).toEqual([0, 0, 0, 0]);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('replaying the label history reproduces the scores (resume after a reload)', async () => {
    const a = new Session(blobs, quick({ rounds: 2 }));
    await a.runRound(simulatedOracle(a.pool.labels!));
    await a.runRound(simulatedOracle(a.pool.labels!));
    const snapA = await a.trainStage();
    const b = new Session(blobs, quick({ rounds: 2 }));
    await b.replay(a.history());
    const snapB = await b.trainStage();
    expect(Array.from(snapB.scores)).toEqual(Array.from(snapA.scores));
    a.dispose();
    b.dispose();
  });

  it('cancels mid-training with a clear error and can run the stage again', async () => {
    const ctrl = new AbortController();
    const s = new Session(blobs, quick(), { signal: ctrl.signal, onProgress: (e) => e.epoch === 3 && ctrl.abort() });
    await expect(s.trainStage()).rejects.toThrow(/cancelled/);
    expect(s.state).toBe('cancelled');
    expect(s.nextPhase).toBe('pretrain');
    s.dispose();
  });

  it('reference mode: fresh model each stage, 6 stages, paper budget', async () => {
    const glassLike = makeSynthetic('ring', 2);
    const cfg = makeConfig(glassLike, 'paper', { loss: 'soft_boundary', query: 'db', pseudo: true, aeEpochs: 3, occEpochs: 12, seed: 1 });
    expect(cfg.mode).toBe('reference');
    const s = new Session(glassLike, cfg);
    const snaps = await s.run(simulatedOracle(s.pool.labels!));
    s.dispose();
    expect(snaps).toHaveLength(6);
    expect(snaps[5].labelled.length).toBeLessThanOrEqual(30);
    expect(snaps[1].radius).toBeGreaterThan(0); // R updated after the 10 warm-up epochs
    // pseudo-abnormals are chosen after each query (none after the last stage, which queries nothing)
    expect(snaps.slice(0, 5).some((x) => x.pseudo.length > 0)).toBe(true);
    for (const x of snaps) for (const i of x.pseudo) expect(x.labelled.some(([j]) => j === i)).toBe(false);
    expect(snaps[5].pseudo).toHaveLength(0);
  });
});

describe('presets', () => {
  it('paper: reference mode, 100 + 50 epochs, fresh model; interactive budgets steps on bigger data', () => {
    const paper = makeConfig(blobs, 'paper');
    expect([paper.mode, paper.aeEpochs, paper.occEpochs, paper.warmStart, paper.rounds]).toEqual(['reference', 100, 50, false, 5]);
    // 500 rows / 128 = 3 batches: 120 / 3 = 40 AE epochs, min(25, 75 / 3) = 25 OCC epochs
    const small = makeConfig(blobs, 'interactive');
    expect([small.mode, small.aeEpochs, small.occEpochs, small.warmStart]).toEqual(['improved', 40, 25, true]);
    // 5000 rows: 39 batches -> round(120 / 39) = 3, round(75 / 39) = 2
    const big = makeConfig({ ...blobs, name: 'big', n: 5000 }, 'interactive');
    expect([big.aeEpochs, big.occEpochs]).toEqual([3, 2]);
    // 784 features (mnist-lite): AE 2 x 110,592 weights -> about 114 ms a step, 500 ms buys 4 steps: the floor of 2 epochs
    const wide = makeConfig({ ...blobs, name: 'wide', n: 1100, d: 784 }, 'interactive');
    expect(wide.sizes.hDims).toEqual([128, 64]);
    expect([wide.aeEpochs, wide.occEpochs]).toEqual([2, 2]);
    expect(makeConfig(blobs, 'interactive', { aeEpochs: 7 }).aeEpochs).toBe(7);
  });
});

describe('model export', () => {
  it('returns the weights, then the encoder BN running statistics, with c and R', async () => {
    const s = new Session(blobs, quick({ rounds: 1 }));
    await s.trainStage();
    const w = (await s.weights())!;
    s.dispose();
    // blobs (d = 2): enc0 2x16, enc1 16x8, enc2 8x2, then bn0 (16) and bn1 (8) mean and variance
    expect(w.layout.slots.map((x) => `${x.name}:${x.shape.join('x')}`)).toEqual([
      'enc0:2x16', 'enc1:16x8', 'enc2:8x2', 'bn0.running_mean:16', 'bn0.running_var:16', 'bn1.running_mean:8', 'bn1.running_var:8',
    ]);
    expect(w.theta.length).toBe(32 + 128 + 16 + 48);
    const var0 = w.theta.subarray(176 + 16, 176 + 32);
    expect(Math.min(...var0)).toBeGreaterThan(0);
    expect(w.center).toHaveLength(2);
  });
});
