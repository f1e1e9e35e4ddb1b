// Small hand-made snapshots for tests at any layer (no engine, no tfjs).
import type { StageSnapshot } from './types';

/** Six points in a 3-D latent space around c = (1, 0, 0); scores are the exact squared distances. */
export function tinySnapshot(over: Partial<StageSnapshot> = {}): StageSnapshot {
  const center = Float32Array.of(1, 0, 0);
  const rel = [
    [1, 0, 0], [0, 2, 0], [-3, 0, 0], [0, 0, 0.5], [0, -1, 0], [2, 2, 0],
  ];
  const embedding = new Float32Array(rel.length * 3);
  const scores = new Float32Array(rel.length);
  rel.forEach((v, i) => {
    v.forEach((x, j) => (embedding[i * 3 + j] = x + center[j]!));
    scores[i] = v[0]! ** 2 + v[1]! ** 2 + v[2]! ** 2;
  });
  return {
    stage: 1, scores, embedding, repDim: 3, center, radius: 1.5, qp: 0.8, absBoundary: 4,
    queued: [2, 5], pseudo: [1], labelled: [[0, 0], [4, 1]], auroc: 0.75, ap: 0.5, aurocUnlabelled: 0.7,
    aeLoss: [0.3, 0.2], occLoss: [1, 0.5], seconds: 0.4,
    ...over,
  };
}
