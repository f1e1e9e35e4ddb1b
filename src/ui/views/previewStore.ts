// The stepper's latent cloud after "centre" and "train" (the lab slice keeps the worker's preview events).
import { useLab } from '../useLab';
import type { Preview } from '../../store/lab';

export type { Preview };

export function usePreview(): Preview | null {
  return useLab((s) => s.preview);
}
