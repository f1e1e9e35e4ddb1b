// The page's one store instance and its React hook.
import { useStore } from 'zustand';
import { createLabStore, type LabState } from '../store/lab';

export const labStore = createLabStore();

export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(labStore, selector);
}
