// Autoencoder pretraining (algorithm.md 4): MSE, Adam, BN in train mode for every epoch.
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { FlatAdam } from '../adam';
import { LossMeter } from './lossMeter';
import { batchCount, batchOf, epochOrder } from '../batches';
import { type BnStats, decoderSlots, disposeBn, encoderSlots } from '../network';
import { backward, flatten, forward } from './backprop';
import { aeLayout, freshBn } from '../model';
import { initParams } from '../params';
import type { Rng } from '../../core/rng';
import type { Ticker } from '../loop';
import type { Sizes } from '../../core/types';
import type { OnEpoch, PretrainResult } from '../trainer';

export async function pretrainAe(
  x: Tensor2D, sizes: Sizes, epochs: number, opt: { lr: number; weightDecay: number }, rng: Rng, ticker: Ticker,
  onEpoch?: OnEpoch,
): Promise<PretrainResult> {
  const [n, d] = x.shape;
  const layout = aeLayout(d, sizes);
  const enc = encoderSlots(layout);
  const dec = decoderSlots(layout);
  const nEnc = sizes.hDims.length;
  let theta = tf.tensor1d(initParams(layout, rng));
  const bn = freshBn(sizes, true);
  const adam = new FlatAdam(layout.size, opt);
  const nb = batchCount(n, sizes.batchSize);
  const losses: number[] = [];
  const meter = new LossMeter();
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const { xPerm } = epochOrder(x, n, rng);
      for (let b = 0; b < nb; b++) {
        const retired: BnStats[] = [];
        const [grad, value] = tf.tidy(() => {
          const xb = batchOf(xPerm, b, sizes.batchSize);
          const pe = forward(theta, enc, xb, bn.slice(0, nEnc), 'train', retired);
          // the decoder's running stats are discarded with it, so they are not tracked
          const pd = forward(theta, dec, pe.out, bn.slice(nEnc), 'train', null, true);
          const diff = tf.sub(pd.out, xb);
          // d mean((xr - x)^2) / d xr = 2 (xr - x) / (B d)
          const gDec = backward(pd, tf.mul(diff, 2 / diff.size) as Tensor2D, true);
          const gEnc = backward(pe, gDec.dInput!);
          return [flatten([...gEnc.grads, ...gDec.grads]), tf.mean(tf.square(diff))];
        });
        const next = adam.step(theta, grad as Tensor1D);
        meter.add(value);
        [theta, grad].forEach((t) => t.dispose());
        disposeBn(retired);
        theta = next;
        await ticker.tick();
      }
      xPerm.dispose();
      const loss = await meter.mean(nb);
      losses.push(loss);
      onEpoch?.(epoch, loss);
    }
  } catch (e) {
    theta.dispose();
    disposeBn(bn);
    throw e;
  } finally {
    adam.dispose();
    meter.dispose();
  }
  return { theta, bn, losses };
}
