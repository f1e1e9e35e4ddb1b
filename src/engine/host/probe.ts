// One timed training step of the host kernel for a network shape: what the backend probe compares.
import { encoderSlots } from '../network';
import { encoderSpecs, initParams, makeLayout } from '../params';
import { Rng } from '../../core/rng';
import type { ProbeShape } from '../../core/types';
import { planned } from './arena';
import { HostAdam } from './adam';
import { freshHostBn } from './bridge';
import { HostNet } from './net';
import { occLossGrad } from './occLoss';

/** Median milliseconds of a one-class step (forward, loss, backward, Adam) after `warmup` untimed ones. */
export function hostStepMs(shape: ProbeShape, warmup = 3, steps = 9): number {
  const { d, hDims, repDim, batch } = shape;
  const layout = makeLayout(encoderSpecs(d, hDims, repDim));
  const rng = new Rng(7);
  const { arena, value: w } = planned((ar) => ({
    theta: ar.alloc(layout.size), grad: ar.alloc(layout.size), x: ar.alloc(batch * d), dz: ar.alloc(batch * repDim), D: ar.alloc(batch),
    net: new HostNet(ar, encoderSlots(layout), batch), adam: new HostAdam(ar, layout.size, { lr: 1e-3, weightDecay: 1e-6 }),
  }));
  try {
    w.theta.set(initParams(layout, rng));
    w.x.set(Float32Array.from({ length: batch * d }, () => rng.next()));
    const bn = freshHostBn(hDims);
    const c = new Float32Array(repDim).fill(0.1);
    const semi = new Int8Array(batch);
    const times: number[] = [];
    for (let i = 0; i < warmup + steps; i++) {
      const t0 = performance.now();
      const z = w.net.forward(w.theta, w.x, batch, bn, 'train', true);
      occLossGrad('one_class', z, semi, c, 0, w.D, w.dz, null, null);
      w.net.backward(w.theta, w.dz, w.grad, false);
      w.adam.step(w.theta, w.grad);
      if (i >= warmup) times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[times.length >> 1];
  } finally {
    arena.release();
  }
}
