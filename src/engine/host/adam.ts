// PyTorch's Adam (coupled L2 weight decay, eps outside the sqrt) on host arrays: the twin of ../adam.ts.
import type { AdamOptions } from '../adam';
import type { Arena } from './arena';

export class HostAdam {
  readonly m: Float32Array;
  readonly v: Float32Array;
  t = 0;

  /** The moments live in the arena (zero), so the step runs in its SIMD build. */
  constructor(private readonly arena: Arena, size: number, private readonly opt: AdamOptions) {
    this.m = arena.alloc(size);
    this.v = arena.alloc(size);
  }

  /** Continues a saved optimiser (warm start between rounds). */
  load(state: { m: Float32Array; v: Float32Array; t: number }): void {
    this.m.set(state.m);
    this.v.set(state.v);
    this.t = state.t;
  }

  /** Updates theta in place. */
  step(theta: Float32Array, grad: Float32Array): void {
    this.t += 1;
    const b1 = this.opt.beta1 ?? 0.9;
    const b2 = this.opt.beta2 ?? 0.999;
    this.arena.ops.adam(theta, grad, this.m, this.v, {
      lrHat: this.opt.lr / (1 - b1 ** this.t), b1, b2, weightDecay: this.opt.weightDecay, eps: this.opt.eps ?? 1e-8,
      sqrtBc2: Math.sqrt(1 - b2 ** this.t),
    });
  }
}
