// Sums per-step losses on the device and reads them once per epoch (no per-step download).
import { tf, type Tensor } from '../tf';

export class LossMeter {
  private sum: Tensor = tf.scalar(0);

  /** Takes ownership of `value`. */
  add(value: Tensor): void {
    const next = tf.add(this.sum, value);
    this.sum.dispose();
    value.dispose();
    this.sum = next;
  }

  /** Mean over `count` steps; resets for the next epoch. */
  async mean(count: number): Promise<number> {
    const v = (await this.sum.data())[0] / count;
    this.sum.dispose();
    this.sum = tf.scalar(0);
    return v;
  }

  dispose(): void {
    this.sum.dispose();
  }
}
