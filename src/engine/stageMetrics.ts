// A stage's quality against the data's labels: AUROC and AP over the pool, AUROC over the rows still unlabelled.
import type { StageSnapshot } from '../core/types';
import { auroc, averagePrecision } from './metrics';

export function stageMetrics(scores: Float32Array, truth: Uint8Array | null, labelKnown: Uint8Array): Pick<StageSnapshot, 'auroc' | 'ap' | 'aurocUnlabelled'> {
  if (!truth) return { auroc: null, ap: null, aurocUnlabelled: null };
  const s: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!labelKnown[i]) (s.push(scores[i]), y.push(truth[i]));
  return { auroc: auroc(scores, truth), ap: averagePrecision(scores, truth), aurocUnlabelled: auroc(s, y) };
}
