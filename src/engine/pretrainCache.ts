// Autoencoder pretraining ignores labels (algorithm.md 4): from one generator state on one pool it trains one
// autoencoder, so the runs of a seed share it whatever they labelled, whenever their generators meet again.
import { tf } from './tf';
import type { Rng } from '../core/rng';
import type { RawData, RunConfig, Sizes } from '../core/types';
import type { PretrainResult, Trainer } from './trainer';
import type { Ticker } from './loop';
import type { Tensor2D } from './tf';
import type { BnStats } from './network';

/** What else fixes a pretraining besides the pool and the generator. */
export interface PretrainSettings {
  trainer: string;
  sizes: Sizes;
  epochs: number;
  lr: number;
  weightDecay: number;
}

interface Entry {
  theta: Float32Array;
  bn: Array<{ mean: Float32Array; variance: Float32Array }>;
  losses: number[];
  /** the generator after the pretraining, so a reuse leaves it where the training would have */
  after: Rng;
}

/** FNV-1a over the pool's float64 words and its shape: the cache's name for a pool. */
export function poolPrint(pool: RawData): string {
  const w = new Uint32Array(pool.values.buffer, pool.values.byteOffset, pool.values.length * 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w[i]!, 0x01000193);
  return `${pool.n}x${pool.d}:${(h >>> 0).toString(16)}`;
}

/** Pretrained autoencoders by (pool, settings, generator state); counts what it saved. Not for concurrent sessions'
 * bookkeeping beyond that: a hit hands out fresh tensors, so sessions never share one. */
export class PretrainCache {
  hits = 0;
  misses = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly prints = new WeakMap<RawData, string>();

  /** At most `limit` autoencoders kept (the oldest dropped first): a seed's grid needs about 20. */
  constructor(private readonly limit = 48) {}

  key(pool: RawData, s: PretrainSettings, rng: Rng): string {
    let p = this.prints.get(pool);
    if (!p) this.prints.set(pool, (p = poolPrint(pool)));
    return `${p}|${s.trainer}|${s.sizes.hDims.join(',')}:${s.sizes.repDim}:${s.sizes.batchSize}|${s.epochs}|${s.lr}|${s.weightDecay}|${rng.stateKey()}`;
  }

  /** The stored result as new tensors, with `rng` moved to where the training left it; null when not stored. */
  take(key: string, rng: Rng): PretrainResult | null {
    const e = this.entries.get(key);
    if (!e) {
      this.misses++;
      return null;
    }
    this.hits++;
    rng.copyFrom(e.after);
    const bn: BnStats[] = e.bn.map((b) => ({ mean: tf.tensor1d(b.mean), variance: tf.tensor1d(b.variance) }));
    return { theta: tf.tensor1d(e.theta), bn, losses: [...e.losses] };
  }

  async put(key: string, r: PretrainResult, rngAfter: Rng): Promise<void> {
    const bn = await Promise.all(r.bn.map(async (b) => ({ mean: ((await b.mean.data()) as Float32Array).slice(), variance: ((await b.variance.data()) as Float32Array).slice() })));
    this.entries.set(key, { theta: ((await r.theta.data()) as Float32Array).slice(), bn, losses: [...r.losses], after: rngAfter.clone() });
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The stage's pretraining through `cache` when there is one: a reuse hands its stored loss curve to `onReuse`. */
export async function pretrainVia(
  cache: PretrainCache | undefined, pool: RawData, trainer: Trainer, x: Tensor2D, c: RunConfig, rng: Rng, ticker: Ticker,
  onEpoch: (epoch: number, loss: number) => void, onReuse: (losses: number[]) => void,
): Promise<PretrainResult> {
  const key = cache?.key(pool, { trainer: `${trainer.name}/${tf.getBackend()}`, sizes: c.sizes, epochs: c.aeEpochs, lr: c.lr, weightDecay: c.weightDecay }, rng);
  const kept = key === undefined ? null : cache!.take(key, rng);
  if (kept) {
    onReuse(kept.losses);
    return kept;
  }
  const ae = await trainer.pretrain(x, c.sizes, c.aeEpochs, { lr: c.lr, weightDecay: c.weightDecay }, rng, ticker, onEpoch);
  if (key !== undefined) await cache!.put(key, ae, rng);
  return ae;
}
