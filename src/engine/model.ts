// One Deep OCC model: flat weights, encoder BN running stats, centre c and radius R.
import { tf, type Tensor1D } from './tf';
import { type BnStats, cloneBnStats, disposeBn, newBnStats } from './network';
import { type Layout, encoderSpecs, decoderSpecs, initParams, makeLayout, uaiSpecs } from './params';
import type { Rng } from '../core/rng';
import type { Sizes } from '../core/types';

export interface Model {
  layout: Layout;
  theta: Tensor1D;
  bn: BnStats[];
  /** centre c, set by the centre phase */
  center: Float32Array | null;
  radius: number;
}

export function aeLayout(d: number, s: Sizes): Layout {
  return makeLayout([...encoderSpecs(d, s.hDims, s.repDim), ...decoderSpecs(d, s.hDims, s.repDim)]);
}

export function netLayout(d: number, s: Sizes, uai: boolean): Layout {
  return makeLayout([...encoderSpecs(d, s.hDims, s.repDim), ...(uai ? uaiSpecs(s.repDim) : [])]);
}

/** Fresh net whose encoder (weights and BN buffers) comes from a pretrained AE; the UAI head keeps its random init. */
export function netFromAe(
  d: number, s: Sizes, uai: boolean, aeTheta: Tensor1D, aeBn: BnStats[], rng: Rng,
): Model {
  const layout = netLayout(d, s, uai);
  const init = initParams(layout, rng);
  const encSize = encoderSpecs(d, s.hDims, s.repDim).reduce((a, x) => a + x.shape[0] * x.shape[1], 0);
  const theta = tf.tidy(() => {
    const enc = tf.slice(aeTheta, 0, encSize);
    return (uai ? tf.concat([enc, tf.tensor1d(init.subarray(encSize))]) : enc.clone()) as Tensor1D;
  });
  const bn = aeBn.slice(0, s.hDims.length).map(cloneBnStats);
  return { layout, theta, bn, center: null, radius: 0 };
}

export function freshBn(s: Sizes, decoder: boolean): BnStats[] {
  const widths = decoder ? [...s.hDims, ...[...s.hDims].reverse()] : s.hDims;
  return widths.map(newBnStats);
}

/** An independent copy (its own tensors), for a forked session. */
export function copyModel(m: Model): Model {
  return { ...m, theta: m.theta.clone(), bn: m.bn.map((b) => ({ mean: b.mean.clone(), variance: b.variance.clone() })), center: m.center?.slice() ?? null };
}

export function disposeModel(m: Model | null): void {
  if (!m) return;
  m.theta.dispose();
  disposeBn(m.bn);
}
