// The selection slice: points picked on a plot (click, box or lasso), waiting for one label for all of them.
import type { Ctx } from './ctx';

export interface Selection {
  /** the plot they were picked in */
  from: string | null;
  indices: number[];
}

export interface SelectionSlice extends Selection {
  selectPoints(from: string, indices: number[]): void;
  clearSelection(): void;
}

declare module './ctx' {
  interface AppState {
    selection: SelectionSlice;
  }
}

export function createSelectionSlice(ctx: Ctx): SelectionSlice {
  return {
    from: null,
    indices: [],
    selectPoints: (from, indices) => ctx.set('selection', { from: indices.length ? from : null, indices }),
    clearSelection: () => ctx.set('selection', { from: null, indices: [] }),
  };
}
