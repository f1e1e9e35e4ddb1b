// Autoencoder pretraining on the host kernel: the twin of ../tensor/pretrain.ts (same Rng draws, same steps).
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { batchCount } from '../batches';
import { decoderSlots, encoderSlots } from '../network';
import { aeLayout } from '../model';
import { initParams } from '../params';
import type { OnEpoch, PretrainResult } from '../trainer';
import type { Rng } from '../../core/rng';
import type { Ticker } from '../loop';
import type { Sizes } from '../../core/types';
import { planned } from './arena';
import { HostAdam } from './adam';
import { bnToTensors, freshHostBn, gatherRows } from './bridge';
import { HostNet } from './net';

export async function pretrainAeHost(
  x: Tensor2D, sizes: Sizes, epochs: number, opt: { lr: number; weightDecay: number }, rng: Rng, ticker: Ticker,
  onEpoch?: OnEpoch,
): Promise<PretrainResult> {
  const [n, d] = x.shape;
  const B = sizes.batchSize;
  const layout = aeLayout(d, sizes);
  const init = initParams(layout, rng);
  const data = x.dataSync() as Float32Array;
  const { arena, value: w } = planned((ar) => ({
    theta: ar.alloc(layout.size),
    grad: ar.alloc(layout.size),
    xb: ar.alloc(B * d),
    dOut: ar.alloc(B * d),
    dz: ar.alloc(B * sizes.repDim),
    enc: new HostNet(ar, encoderSlots(layout), B),
    dec: new HostNet(ar, decoderSlots(layout), B, true),
    adam: new HostAdam(ar, layout.size, opt),
    arena: ar,
  }));
  try {
    w.theta.set(init);
    const bn = freshHostBn(sizes.hDims);
    const nb = batchCount(n, B);
    const losses: number[] = [];
    const size = B * d;
    for (let epoch = 0; epoch < epochs; epoch++) {
      const perm = rng.permutation(n);
      let sum = 0;
      for (let b = 0; b < nb; b++) {
        gatherRows(data, d, perm, b * B, B, w.xb);
        const z = w.enc.forward(w.theta, w.xb, B, bn, 'train', true);
        // the decoder's running stats are discarded with it, so they are not tracked
        const xr = w.dec.forward(w.theta, z, B, null, 'train', false);
        const sq = w.arena.ops.mseGrad(xr, w.xb, w.dOut, size);
        w.dec.backward(w.theta, w.dOut, w.grad, false, w.dz);
        w.enc.backward(w.theta, w.dz, w.grad, false);
        w.adam.step(w.theta, w.grad);
        sum += sq / size;
        await ticker.tick();
      }
      losses.push(sum / nb);
      onEpoch?.(epoch, sum / nb);
    }
    const decoderBn = freshHostBn([...sizes.hDims].reverse());
    return { theta: tf.tensor1d(w.theta.slice()) as Tensor1D, bn: bnToTensors([...bn, ...decoderBn]), losses };
  } finally {
    arena.release(); // back to the shared pool when two threads work
  }
}
