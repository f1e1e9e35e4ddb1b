// The simulated expert of experiments and the comparison panel.
import type { Label, Oracle } from '../core/types';

/** The oracle of experiments: answers from the data's labels. */
export function simulatedOracle(truth: Uint8Array): Oracle {
  return { label: async (indices) => indices.map((i) => truth[i] as Label) };
}
