// A trained model as plain arrays for export: the flat weights, then the encoder's BatchNorm statistics, with c and R.
import type { Model } from './model';

export interface ModelWeights {
  theta: Float32Array;
  layout: Model['layout'];
  center: Float32Array;
  radius: number;
}

/**
 * The BatchNorm running statistics follow the weights as extra slots (`bn{i}.running_mean`, `bn{i}.running_var`):
 * the model is unusable without them. Null before the centre phase set c.
 */
export async function modelWeights(m: Model): Promise<ModelWeights | null> {
  if (!m.center) return null;
  const center = m.center;
  const parts: Float32Array[] = [(await m.theta.data()) as Float32Array];
  const slots = [...m.layout.slots];
  let offset = m.layout.size;
  for (const [i, bn] of m.bn.entries()) {
    for (const [key, t] of [['running_mean', bn.mean], ['running_var', bn.variance]] as const) {
      parts.push((await t.data()) as Float32Array);
      slots.push({ name: `bn${i}.${key}`, offset, shape: [t.size], bound: 0 });
      offset += t.size;
    }
  }
  const theta = new Float32Array(offset);
  let at = 0;
  for (const p of parts) (theta.set(p, at), (at += p.length));
  return { theta, layout: { slots, size: offset }, center, radius: m.radius };
}
