// Deep OCC training on the host kernel: the twin of ../tensor/train.ts (same Rng draws, same steps, same quirks).
import { tf, type Tensor1D } from '../tf';
import { batchCount } from '../batches';
import { encoderSlots } from '../network';
import { updatesRadius, usesNce, usesUai } from '../losses';
import type { Model } from '../model';
import { slotOf } from '../params';
import type { Rng } from '../../core/rng';
import type { Ticker } from '../loop';
import { type OnEpoch, type TrainArgs, WARM_UP_EPOCHS } from '../trainer';
import { planned } from './arena';
import { HostAdam } from './adam';
import { bnToHost, bnToTensors, gatherRows, medianSqrt } from './bridge';
import { HostNet } from './net';
import { type NcePass, type UaiHead, occLossGrad } from './occLoss';

export async function trainOccHost(
  model: Model, a: TrainArgs, rng: Rng, ticker: Ticker, onEpoch?: OnEpoch,
): Promise<number[]> {
  const [n, d] = a.x.shape;
  const B = a.sizes.batchSize;
  const rep = a.sizes.repDim;
  const size = model.layout.size;
  const enc = encoderSlots(model.layout);
  const nce = usesNce(a.loss) && a.nceNormal.length > 0 && a.nceAbnormal.length > 0;
  const values = a.lossValues !== false;
  const labRows = nce ? [...a.nceNormal, ...a.nceAbnormal] : [];
  const nLab = labRows.length;
  const data = a.x.dataSync() as Float32Array;
  const { arena, value: w } = planned((ar) => ({
    theta: ar.alloc(size),
    grad: ar.alloc(size),
    xb: ar.alloc(B * d),
    dz: ar.alloc(B * rep),
    D: ar.alloc(B),
    xLab: ar.alloc(nLab * d),
    net: new HostNet(ar, enc, B),
    adam: new HostAdam(ar, size, { lr: a.lr, weightDecay: a.weightDecay }),
    lab: nce ? { net: new HostNet(ar, enc, nLab), dz: ar.alloc(nLab * rep), D: ar.alloc(nLab) } : null,
  }));
  w.theta.set(model.theta.dataSync());
  gatherRows(data, d, labRows, 0, nLab, w.xLab);
  const bn = bnToHost(model.bn);
  const c = model.center!;
  const adam = w.adam;
  if (a.optimizer) adam.load(a.optimizer.hostState());
  const uai: UaiHead | null = usesUai(a.loss)
    ? { theta: w.theta, grad: w.grad, wOffset: slotOf(model.layout, 'uaiW').offset, bOffset: slotOf(model.layout, 'uaiB').offset }
    : null;
  let radius: number | null = model.radius ? model.radius : null;
  const nb = batchCount(n, B);
  const sb = new Int8Array(B);
  const losses: number[] = [];
  try {
    for (let epoch = 0; epoch < a.epochs; epoch++) {
      const mode = epoch < a.trainModeEpochs ? 'train' : 'eval';
      const perm = rng.permutation(n);
      let sum = 0;
      for (let b = 0; b < nb; b++) {
        for (let i = 0; i < B; i++) sb[i] = a.semi[perm[b * B + i]];
        gatherRows(data, d, perm, b * B, B, w.xb);
        const z = w.net.forward(w.theta, w.xb, B, bn, mode, true);
        let pass: NcePass | null = null;
        if (w.lab) {
          const zl = w.lab.net.forward(w.theta, w.xLab, nLab, bn, mode, true);
          pass = { z: zl, rows: nLab, nN: a.nceNormal.length, D: w.lab.D, dz: w.lab.dz, value: values };
        }
        const r2 = radius === null ? 0 : Math.fround(radius * radius);
        sum += occLossGrad(a.loss, z, sb, c, r2, w.D, w.dz, pass, uai);
        w.net.backward(w.theta, w.dz, w.grad, false);
        if (w.lab) w.lab.net.backward(w.theta, w.lab.dz, w.grad, true);
        adam.step(w.theta, w.grad);
        // R = median of sqrt(D) of this batch, pre-step values (algorithm.md 5.6)
        if (updatesRadius(a.loss) && epoch >= WARM_UP_EPOCHS) radius = medianSqrt(w.D);
        await ticker.tick();
      }
      const mean = values ? sum / nb : NaN;
      losses.push(mean);
      onEpoch?.(epoch, mean);
    }
  } finally {
    // the model holds whatever was trained, as the tensor path leaves it after every step
    model.theta.dispose();
    model.theta = tf.tensor1d(w.theta.slice()) as Tensor1D;
    bnToTensors(bn).forEach((t, i) => {
      const s = model.bn[i];
      s.mean.dispose();
      s.variance.dispose();
      [s.mean, s.variance] = [t.mean, t.variance];
    });
    if (radius !== null) model.radius = radius;
    a.optimizer?.setHostState(adam.m.slice(), adam.v.slice(), adam.t); // copies: tensors may keep the array they get
    arena.release(); // back to the shared pool when two threads work
  }
  return losses;
}
