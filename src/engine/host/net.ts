// The bias-free BN MLP on host arrays: the twin of ../tensor/backprop.ts (same maths, same order), without tensors.
import { BN_EPS, BN_MOMENTUM, LEAKY_SLOPE, type BnMode } from '../network';
import type { Slot } from '../params';
import type { Arena } from './arena';

/** Running statistics of one BatchNorm1d(affine=False) layer, on the host. */
export interface HostBn {
  mean: Float32Array;
  variance: Float32Array;
}

/** Workspace for passes of up to `maxRows` rows through one stack of layers (encoder or decoder). */
export class HostNet {
  readonly out: Float32Array;
  private readonly dims: number[];
  private readonly normed: Float32Array[] = [];
  private readonly act: Float32Array[] = [];
  private readonly inv: Float32Array[] = [];
  private readonly mean: Float32Array[] = [];
  private readonly variance: Float32Array[] = [];
  private readonly ping: Float32Array;
  private readonly pong: Float32Array;
  private readonly wT: Float32Array;
  private readonly scratch: Float32Array;
  private input: Float32Array | null = null;
  private rows = 0;
  private train = false;

  constructor(private readonly arena: Arena, private readonly slots: Slot[], maxRows: number, private readonly sigmoid = false) {
    this.dims = [slots[0].shape[0], ...slots.map((s) => s.shape[1])];
    const widest = Math.max(...this.dims);
    for (let i = 0; i < slots.length - 1; i++) {
      const w = this.dims[i + 1];
      this.normed.push(arena.alloc(maxRows * w));
      this.act.push(arena.alloc(maxRows * w));
      this.inv.push(arena.alloc(w));
      this.mean.push(arena.alloc(w));
      this.variance.push(arena.alloc(w));
    }
    this.out = arena.alloc(maxRows * this.dims[this.dims.length - 1]);
    this.ping = arena.alloc(maxRows * widest);
    this.pong = arena.alloc(maxRows * widest);
    this.scratch = arena.alloc(2 * widest);
    this.wT = arena.alloc(Math.max(...slots.map((s) => s.shape[0] * s.shape[1])));
  }

  private weight(theta: Float32Array, i: number): Float32Array {
    const s = this.slots[i];
    return theta.subarray(s.offset, s.offset + s.shape[0] * s.shape[1]);
  }

  /**
   * Forward pass of `rows` rows of x. Train mode normalises with the batch statistics and, when `update`,
   * applies PyTorch's running update to `stats`; eval mode normalises with `stats`. Output in `this.out`.
   */
  forward(theta: Float32Array, x: Float32Array, rows: number, stats: HostBn[] | null, mode: BnMode, update: boolean): Float32Array {
    this.input = x;
    this.rows = rows;
    this.train = mode === 'train';
    const L = this.slots.length;
    let a = x;
    for (let i = 0; i < L - 1; i++) {
      const [inD, w] = [this.dims[i], this.dims[i + 1]];
      const h = this.normed[i];
      this.arena.ops.gemm(a, inD, 1, this.weight(theta, i), h, rows, inD, w, false);
      const [mean, inv, variance] = [this.mean[i], this.inv[i], this.variance[i]];
      if (this.train) {
        this.arena.ops.bnStats(h, rows, w, mean, variance, inv, BN_EPS);
        if (update && stats) {
          const s = stats[i];
          const unbiased = rows > 1 ? (BN_MOMENTUM * rows) / (rows - 1) : BN_MOMENTUM;
          for (let j = 0; j < w; j++) {
            s.mean[j] = s.mean[j] * (1 - BN_MOMENTUM) + mean[j] * BN_MOMENTUM;
            s.variance[j] = s.variance[j] * (1 - BN_MOMENTUM) + variance[j] * unbiased;
          }
        }
      } else {
        if (!stats) throw new Error('host kernel: eval-mode BatchNorm needs running statistics');
        mean.set(stats[i].mean);
        for (let j = 0; j < w; j++) inv[j] = 1 / Math.sqrt(stats[i].variance[j] + BN_EPS);
      }
      const act = this.act[i];
      this.arena.ops.bnApply(h, act, rows, w, mean, inv, LEAKY_SLOPE);
      a = act;
    }
    const [inD, outD] = [this.dims[L - 1], this.dims[L]];
    this.arena.ops.gemm(a, inD, 1, this.weight(theta, L - 1), this.out, rows, inD, outD, false);
    if (this.sigmoid) this.arena.ops.sigmoid(this.out, rows * outD);
    return this.out;
  }

  /**
   * Backward pass of the last forward from dL/d(out): writes (or, with `acc`, adds) dL/dW into the layer
   * slots of the flat `grad`, and dL/d(input) into `dInput` when given (to chain the decoder into the encoder).
   */
  backward(theta: Float32Array, dOut: Float32Array, grad: Float32Array, acc: boolean, dInput?: Float32Array): void {
    const rows = this.rows;
    const L = this.slots.length;
    const outD = this.dims[L];
    let d = dOut;
    if (this.sigmoid) {
      d = this.ping;
      this.arena.ops.sigmoidGrad(dOut, this.out, d, rows * outD);
    }
    for (let i = L - 1; i >= 0; i--) {
      const [inD, w] = [this.dims[i], this.dims[i + 1]];
      if (i < L - 1) this.arena.ops.bnDelta(d, this.normed[i], this.inv[i], rows, w, LEAKY_SLOPE, this.train, this.scratch);
      const input = i === 0 ? this.input! : this.act[i - 1];
      const s = this.slots[i];
      const g = grad.subarray(s.offset, s.offset + inD * w);
      this.arena.ops.gemm(input, 1, inD, d, g, inD, rows, w, acc); // dW = input^T d
      if (i > 0 || dInput) {
        const W = this.weight(theta, i);
        this.arena.ops.transpose(W, this.wT, inD, w);
        const target = i === 0 ? dInput! : d === this.ping ? this.pong : this.ping;
        this.arena.ops.gemm(d, w, 1, this.wT, target, rows, w, inD, false); // d input = d W^T
        d = target;
      }
    }
  }
}
