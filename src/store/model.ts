// The worker's flat weights as named tensors (tfjs order), for IndexedDB and the model export.
import type { ModelWeights, WeightTensor } from './persist-types';
import type { WeightsMessage } from '../protocol';

export function weightTensors(w: Pick<WeightsMessage, 'theta' | 'slots'>): WeightTensor[] {
  return w.slots.map((s) => {
    const size = s.shape.reduce((a, b) => a * b, 1);
    if (s.offset + size > w.theta.length) throw new Error(`Weight '${s.name}' runs past the end of the parameters (${s.offset + size} > ${w.theta.length})`);
    return { name: s.name, shape: [...s.shape], values: w.theta.slice(s.offset, s.offset + size) };
  });
}

export function modelWeightsOf(w: WeightsMessage): ModelWeights {
  return { stage: w.stage, tensors: weightTensors(w), c: w.center.slice(), R: w.radius };
}
