// PyTorch's Adam (coupled L2 weight decay, eps outside the sqrt) on host arrays: the twin of ../adam.ts.
import type { AdamOptions } from '../adam';

export class HostAdam {
  readonly m: Float32Array;
  readonly v: Float32Array;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;

  constructor(size: number, private readonly opt: AdamOptions, public t = 0, m?: Float32Array, v?: Float32Array) {
    this.m = m ?? new Float32Array(size);
    this.v = v ?? new Float32Array(size);
    this.b1 = opt.beta1 ?? 0.9;
    this.b2 = opt.beta2 ?? 0.999;
    this.eps = opt.eps ?? 1e-8;
  }

  /** Updates theta in place. */
  step(theta: Float32Array, grad: Float32Array): void {
    this.t += 1;
    const { b1, b2, eps, m, v } = this;
    const wd = this.opt.weightDecay;
    const sqrtBc2 = Math.sqrt(1 - b2 ** this.t);
    const lrHat = this.opt.lr / (1 - b1 ** this.t);
    for (let i = 0; i < theta.length; i++) {
      // rounded as float32 tensors round it: an exact cancellation must stay exactly 0, not 1e-9 (Adam scales it up)
      const g = Math.fround(grad[i] + Math.fround(wd * theta[i]));
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      theta[i] -= (lrHat * m[i]) / (Math.sqrt(v[i]) / sqrtBc2 + eps);
    }
  }
}
