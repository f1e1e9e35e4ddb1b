// Deep OCC training (algorithm.md 5): the seven losses, NCE/UAI terms, R updates and the BN quirk B4.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import { FlatAdam } from '../adam';
import { LossMeter } from './lossMeter';
import { batchCount, batchOf, epochOrder } from '../batches';
import { type BnStats, disposeBn, encoderSlots, sqDist, weight } from '../network';
import { backward, flatten, forward } from './backprop';
import { batchMasks, baseLoss, disposeMasks, nceTerm, uaiTerm, updatesRadius, usesNce, usesUai } from '../losses';
import type { Model } from '../model';
import { slotOf } from '../params';
import type { Rng } from '../../core/rng';
import type { Ticker } from '../loop';
import { type OnEpoch, type TrainArgs, WARM_UP_EPOCHS } from '../trainer';

/** Median (NumPy linear) of a 1-D tensor on the device, so R never needs a per-step download. */
export function deviceMedian(v: Tensor1D): Tensor {
  const m = v.shape[0];
  const pos = 0.5 * (m - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const k = m - lo;
  const top = tf.topk(v, k).values; // descending: ascending rank r sits at m - 1 - r
  const a = tf.slice(top, k - 1, 1);
  if (hi === lo) return tf.reshape(a, []);
  const b = tf.slice(top, k - 1 - (hi - lo), 1);
  return tf.reshape(tf.add(a, tf.mul(tf.sub(b, a), pos - lo)), []);
}

/** Trains `model` in place; returns the per-epoch mean loss. */
export async function trainOcc(
  model: Model, a: TrainArgs, rng: Rng, ticker: Ticker, onEpoch?: OnEpoch,
): Promise<number[]> {
  const [n] = a.x.shape;
  const enc = encoderSlots(model.layout);
  const uai = usesUai(a.loss);
  const nce = usesNce(a.loss) && a.nceNormal.length > 0 && a.nceAbnormal.length > 0;
  const adam = a.optimizer ?? new FlatAdam(model.layout.size, { lr: a.lr, weightDecay: a.weightDecay });
  const nb = batchCount(n, a.sizes.batchSize);
  const xLab = nce ? tf.tidy(() => tf.gather(a.x, tf.tensor1d([...a.nceNormal, ...a.nceAbnormal], 'int32')) as Tensor2D) : null;
  const nN = a.nceNormal.length;
  const c = tf.tensor1d(model.center!) as Tensor1D;
  const uaiW = uai ? slotOf(model.layout, 'uaiW') : null;
  const uaiB = uai ? slotOf(model.layout, 'uaiB') : null;
  let radius: Tensor | null = model.radius ? tf.scalar(model.radius) : null;
  const losses: number[] = [];
  const meter = new LossMeter();
  try {
    for (let epoch = 0; epoch < a.epochs; epoch++) {
      const mode = epoch < a.trainModeEpochs ? 'train' : 'eval';
      const { perm, xPerm } = epochOrder(a.x, n, rng);
      for (let b = 0; b < nb; b++) {
        const B = a.sizes.batchSize;
        const sb = new Int8Array(B);
        for (let i = 0; i < B; i++) sb[i] = a.semi[perm[b * B + i]];
        const masks = batchMasks(sb);
        const retired: BnStats[] = [];
        const r2: Tensor | number = radius ? tf.square(radius) : 0;
        const uaiOn = uai && masks.nLabelled > 0;
        const [grad, value, dKept] = tf.tidy(() => {
          const xb = batchOf(xPerm, b, B);
          const th = model.theta;
          const ws = enc.map((slot) => weight(th, slot));
          const pb = forward(th, enc, xb, model.bn, mode, retired, false, ws);
          const pl = xLab ? forward(th, enc, xLab, model.bn, mode, retired, false, ws) : null;
          const head: Tensor[] = [pb.out];
          if (pl) head.push(pl.out);
          if (uaiOn) head.push(weight(th, uaiW!), tf.reshape(tf.slice(th, uaiB!.offset, 1), [1]));
          // autodiff only for the small loss head; the MLP is back-propagated by hand
          const { value, grads } = tf.valueAndGrads((...t: Tensor[]) => {
            const D = sqDist(t[0] as Tensor2D, c);
            let loss = baseLoss(a.loss, D, masks, r2);
            if (pl) {
              const dl = sqDist(t[1] as Tensor2D, c);
              loss = tf.add(loss, nceTerm(tf.slice(dl, 0, nN), tf.slice(dl, nN)));
            }
            if (uaiOn) loss = tf.add(loss, uaiTerm(t[0] as Tensor2D, D, t[head.length - 2] as Tensor2D, t[head.length - 1] as Tensor1D, masks));
            return loss;
          })(head);
          let gEnc = backward(pb, grads[0] as Tensor2D).grads;
          if (pl) {
            const gl = backward(pl, grads[1] as Tensor2D).grads;
            gEnc = gEnc.map((g, i) => tf.add(g, gl[i]));
          }
          const parts: Tensor[] = [...gEnc];
          if (uai) parts.push(...(uaiOn ? grads.slice(-2) : [tf.zeros(uaiW!.shape), tf.zeros([1])]));
          const keepD = updatesRadius(a.loss) && epoch >= WARM_UP_EPOCHS ? sqDist(pb.out, c) : tf.zeros([0]);
          return [flatten(parts), value, keepD];
        });
        const next = adam.step(model.theta, grad as Tensor1D);
        meter.add(value);
        [model.theta, grad].forEach((t) => t.dispose());
        if (typeof r2 !== 'number') r2.dispose();
        disposeBn(retired);
        disposeMasks(masks);
        model.theta = next;
        if (dKept.size > 0) {
          // R = median of sqrt(D) of this batch, pre-step values (algorithm.md 5.6)
          const r = tf.tidy(() => deviceMedian(tf.sqrt(dKept) as Tensor1D));
          radius?.dispose();
          radius = r;
        }
        dKept.dispose();
        await ticker.tick();
      }
      xPerm.dispose();
      const loss = await meter.mean(nb);
      losses.push(loss);
      onEpoch?.(epoch, loss);
    }
    if (radius) model.radius = (await radius.data())[0];
  } finally {
    meter.dispose();
    radius?.dispose();
    xLab?.dispose();
    c.dispose();
    if (!a.optimizer) adam.dispose();
  }
  return losses;
}
