import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGemmThread, stopGemmThread } from './gemm-thread';
import { Arena } from '../src/engine/host/arena';
import { threadsInstalled } from '../src/engine/host/threads';
import { chooseTrainer } from '../src/engine/trainers';
import { Session, makeConfig, simulatedOracle } from '../src/engine/session';
import { cpuBackend } from '../src/engine/testing';
import { makeSynthetic } from '../src/engine/synthetic';
import { Rng } from '../src/core/rng';

beforeAll(cpuBackend);
afterAll(stopGemmThread);

/** C = A.B and A^T.B for one shape, on whatever arena the current setting gives. */
function products(m: number, k: number, n: number): { threaded: boolean; c: number[] } {
  const rng = new Rng(m * 1000 + k);
  const a = new Arena(2 * m * k + k * n + 2 * m * n);
  try {
    const A = a.alloc(m * k).map(() => rng.next() - 0.5);
    const T = a.alloc(m * k).map(() => rng.next() - 0.5);
    const B = a.alloc(k * n).map(() => rng.next() - 0.5);
    const C = a.alloc(m * n);
    const D = a.alloc(m * n);
    a.ops.gemm(A, k, 1, B, C, m, k, n, false);
    a.ops.gemm(T, 1, m, B, D, m, k, n, false);
    return { threaded: a.threaded, c: [...C, ...D] };
  } finally {
    a.release();
  }
}

async function blobsRun(): Promise<number[][]> {
  const blobs = makeSynthetic('blobs', 1);
  const s = new Session(blobs, makeConfig(blobs, 'paper', { loss: 'soft_boundary_nce', query: 'abs', pseudo: true, seed: 3, aeEpochs: 8, occEpochs: 12, rounds: 2 }));
  const snaps = await s.run(simulatedOracle(s.pool.labels!));
  s.dispose();
  return snaps.map((x) => Array.from(x.scores));
}

describe('host kernel on two threads (Node CLI)', () => {
  it('splits large products with the helper and gets the same bits as one thread', async () => {
    const shapes: Array<[number, number, number]> = [[128, 274, 128], [274, 128, 64], [130, 21, 75], [9, 5, 17]];
    const one = shapes.map(([m, k, n]) => products(m, k, n));
    const oneRun = await blobsRun();
    if (availableParallelism() < 2) {
      // one core: no helper, and everything stays on one thread
      expect(await startGemmThread()).toBe(false);
      expect(products(128, 274, 128).threaded).toBe(false);
      return;
    }
    expect(await startGemmThread()).toBe(true);
    expect(threadsInstalled()).toBe(true);
    expect(chooseTrainer().describe()).toBe('host kernel, WebAssembly SIMD with fused multiply-add, 2 threads');
    shapes.forEach(([m, k, n], i) => {
      const two = products(m, k, n);
      expect(two.threaded).toBe(true);
      expect(two.c).toEqual(one[i].c);
    });
    // a whole session twice: identical to one thread, and arenas reused from the shared pool start zeroed
    expect(await blobsRun()).toEqual(oneRun);
    expect(await blobsRun()).toEqual(oneRun);
    await stopGemmThread();
    expect(threadsInstalled()).toBe(false);
    expect(products(9, 5, 17).threaded).toBe(false);
  });
});
