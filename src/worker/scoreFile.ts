// "Score a file with this model", shared by the lab's import worker and `npm run score`: recipe, scaling, network, table.
import { applyScaling } from '../engine/data';
import { scoreRows } from '../engine/portable';
import { readModelZip } from '../io/model/modelFile';
import { modelInput } from '../io/model/newData';
import type { ScoredFile } from './scoredCsv';

export { scoredCsv, type ScoredFile } from './scoredCsv';

function percentile(q: number[], s: number): number {
  if (q.length === 0) return NaN;
  let k = 0;
  while (k < q.length && q[k]! <= s) k++;
  return (100 * k) / q.length;
}

export async function scoreFile(model: Uint8Array, fileName: string, bytes: Uint8Array): Promise<ScoredFile> {
  const m = readModelZip(model);
  const meta = m.portable;
  if (!meta) throw new Error('This model file has no input description (column names, encodings, scaling): export it again from this version of the lab.');
  const input = await modelInput(fileName, bytes, meta);
  const x = applyScaling(input.values, input.n, input.d, meta.scaling);
  const scores = await scoreRows(m.tensors, m.c, m.R, x, input.d);
  const order = Array.from({ length: input.n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const rank = new Int32Array(input.n);
  order.forEach((i, r) => (rank[i] = r + 1));
  const trainPercentile = Float32Array.from(scores, (s) => percentile(meta.trainQuantiles, s));
  return { fileName, n: input.n, rows: input.rows, scores, rank, radius2: m.R > 0 ? m.R * m.R : null, trainPercentile, trainQuantiles: meta.trainQuantiles, notices: input.notices };
}
