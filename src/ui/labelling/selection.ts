// Points picked on a plot (click, box or lasso), waiting for one label for all of them.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface Selection {
  /** the plot they were picked in */
  from: string | null;
  indices: number[];
}

export const selectionStore = createStore<Selection>()(() => ({ from: null, indices: [] }));

export function selectPoints(from: string, indices: number[]): void {
  selectionStore.setState({ from: indices.length ? from : null, indices });
}

export function clearSelection(): void {
  selectionStore.setState({ from: null, indices: [] });
}

export function useSelection<T>(sel: (s: Selection) => T): T {
  return useStore(selectionStore, sel);
}
