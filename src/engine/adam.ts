// Adam on one flat parameter tensor with PyTorch's exact update (coupled L2 weight decay, eps outside sqrt).
import { tf, type Tensor1D } from './tf';

export interface AdamOptions {
  lr: number;
  weightDecay: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

export class FlatAdam {
  private m: Tensor1D;
  private v: Tensor1D;
  private t = 0;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;

  constructor(size: number, private readonly opt: AdamOptions) {
    this.m = tf.zeros([size]) as Tensor1D;
    this.v = tf.zeros([size]) as Tensor1D;
    this.b1 = opt.beta1 ?? 0.9;
    this.b2 = opt.beta2 ?? 0.999;
    this.eps = opt.eps ?? 1e-8;
  }

  /** Returns the updated parameters (a new tensor); the caller disposes the old one and the gradient. */
  step(theta: Tensor1D, grad: Tensor1D): Tensor1D {
    this.t += 1;
    const bc1 = 1 - this.b1 ** this.t;
    const bc2 = 1 - this.b2 ** this.t;
    const [m, v, next] = tf.tidy(() => {
      const g = this.opt.weightDecay ? tf.add(grad, tf.mul(theta, this.opt.weightDecay)) : grad;
      const m = tf.add(tf.mul(this.m, this.b1), tf.mul(g, 1 - this.b1));
      const v = tf.add(tf.mul(this.v, this.b2), tf.mul(tf.square(g), 1 - this.b2));
      const denom = tf.add(tf.div(tf.sqrt(v), Math.sqrt(bc2)), this.eps);
      const next = tf.sub(theta, tf.mul(tf.div(m, denom), this.opt.lr / bc1));
      return [m, v, next] as Tensor1D[];
    });
    this.m.dispose();
    this.v.dispose();
    this.m = m;
    this.v = v;
    return next;
  }

  /** Moments and step count on the host (the host kernel continues a warm-started optimiser). */
  hostState(): { m: Float32Array; v: Float32Array; t: number } {
    return { m: this.m.dataSync() as Float32Array, v: this.v.dataSync() as Float32Array, t: this.t };
  }

  setHostState(m: Float32Array, v: Float32Array, t: number): void {
    this.m.dispose();
    this.v.dispose();
    this.m = tf.tensor1d(m);
    this.v = tf.tensor1d(v);
    this.t = t;
  }

  /** An independent optimiser in this one's state (a forked session's). */
  copy(): FlatAdam {
    const o = new FlatAdam(this.m.size, this.opt);
    o.setHostState(this.m.dataSync().slice() as Float32Array, this.v.dataSync().slice() as Float32Array, this.t);
    return o;
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
  }
}
