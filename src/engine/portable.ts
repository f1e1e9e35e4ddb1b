// A trained encoder rebuilt from its exported weights (names enc{i}, bn{i}.running_mean/var), to score new rows.
import { tf, type Tensor1D, type Tensor2D } from './tf';
import { disposeModel, type Model } from './model';
import { makeLayout } from './params';
import type { Trainer } from './trainer';
import { chooseTrainer } from './trainers';

export interface NamedWeights {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** The encoder part of the weights as a Model (a UAI head or decoder, if present, is not needed to score). */
export function modelFromWeights(tensors: readonly NamedWeights[], c: Float32Array, radius: number): Model {
  const enc = tensors.filter((t) => /^enc\d+$/.test(t.name)).sort((a, b) => Number(a.name.slice(3)) - Number(b.name.slice(3)));
  if (enc.length === 0) throw new Error('The model has no encoder weights (enc0, enc1, ...).');
  enc.forEach((t, i) => {
    if (t.name !== `enc${i}` || t.shape.length !== 2) throw new Error(`The model's encoder weights are not enc0..enc${enc.length - 1} matrices (found ${t.name}).`);
  });
  const layout = makeLayout(enc.map((t) => ({ name: t.name, shape: [...t.shape], fanIn: t.shape[0]! })));
  const flat = new Float32Array(layout.size);
  for (const [i, t] of enc.entries()) flat.set(t.values, layout.slots[i]!.offset);
  const stat = (i: number, key: string): Float32Array => {
    const t = tensors.find((x) => x.name === `bn${i}.${key}`);
    if (!t) throw new Error(`The model has no BatchNorm statistics bn${i}.${key}: it cannot score new rows without them.`);
    return t.values;
  };
  const bn = enc.slice(0, -1).map((_, i) => ({ mean: tf.tensor1d(stat(i, 'running_mean')) as Tensor1D, variance: tf.tensor1d(stat(i, 'running_var')) as Tensor1D }));
  if (c.length !== enc.at(-1)!.shape[1]) throw new Error(`The centre c has ${c.length} values but the encoder outputs ${enc.at(-1)!.shape[1]}.`);
  return { layout, theta: tf.tensor1d(flat) as Tensor1D, bn, center: c.slice(), radius };
}

/** D(x) = ||phi(x) - c||^2 of scaled rows (n x d, float32) with the trainer the backend picks, as the lab scores its pool. */
export async function scoreRows(tensors: readonly NamedWeights[], c: Float32Array, radius: number, x: Float32Array, d: number, trainer: Trainer = chooseTrainer()): Promise<Float32Array> {
  const model = modelFromWeights(tensors, c, radius);
  const input = model.layout.slots[0]!.shape[0]!;
  if (input !== d) {
    disposeModel(model);
    throw new Error(`The model takes ${input} inputs but the rows have ${d}.`);
  }
  const xs = tf.tensor2d(x, [x.length / d, d]) as Tensor2D;
  try {
    return (await trainer.score(model, xs)).scores;
  } finally {
    xs.dispose();
    disposeModel(model);
  }
}
