// Scoring points given in the data's own units (e.g. a grid over the 2-D input plane) with the session's scaling.
import { tf } from './tf';
import type { Model } from './model';
import type { Trainer } from './trainer';

/** Rows of raw values (row-major, d = colMin.length columns) scaled as the pool was: (x - min) / range. */
export function scaleRows(points: Float64Array | number[], colMin: Float64Array, colRange: Float64Array): { scaled: Float32Array; d: number } {
  const d = colMin.length;
  const scaled = new Float32Array(points.length);
  for (let i = 0; i < points.length; i++) scaled[i] = (points[i]! - colMin[i % d]!) / colRange[i % d]!;
  return { scaled, d };
}

/** The model's scores of already scaled rows. */
export async function scoreScaled(trainer: Trainer, model: Model, rows: { scaled: Float32Array; d: number }): Promise<Float32Array> {
  const x = tf.tensor2d(rows.scaled, [rows.scaled.length / rows.d, rows.d]);
  try {
    return (await trainer.score(model, x)).scores;
  } finally {
    x.dispose();
  }
}
