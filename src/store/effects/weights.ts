// Weights requests to the worker, answered by id (the model export and the saved model of a session).
import type { LabPort } from '../../client/labClient';
import type { WeightsMessage } from '../../protocol';

export interface WeightsRequests {
  request(): Promise<WeightsMessage | null>;
  /** a weights reply from the worker */
  reply(id: number, weights: WeightsMessage | null): void;
  /** the worker died: every open request gets null */
  dropAll(): void;
}

export function weightsRequests(port: LabPort): WeightsRequests {
  let next = 1;
  const waiting = new Map<number, (w: WeightsMessage | null) => void>();
  return {
    request: () => new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      port.send({ type: 'getWeights', id });
    }),
    reply(id, weights) {
      waiting.get(id)?.(weights);
      waiting.delete(id);
    },
    dropAll() {
      for (const r of waiting.values()) r(null);
      waiting.clear();
    },
  };
}
