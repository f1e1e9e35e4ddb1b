// The page's one store: slices (lab, labels, session, compare, import, selection, link) whose actions call effects
// explicitly (storage, address bar, worker commands); nothing subscribes to the store to guess what happened.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppDeps, AppState, Ctx } from './slices/ctx';
import { createCompareSlice } from './slices/compare';
import { createImportSlice } from './slices/import';
import { createLabSlice } from './slices/lab';
import { createLabelsSlice } from './slices/labels';
import { createLinkSlice } from './slices/link';
import { createSelectionSlice } from './slices/selection';
import { createSessionSlice } from './slices/session';
import { randomId } from '../core/randomId';

export type { AppDeps, AppState, Ctx, DatasetLoader, SliceKey } from './slices/ctx';

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: AppDeps): AppStore {
  return createStore<AppState>()((setRoot, getRoot) => {
    const ctx: Ctx = {
      get: getRoot,
      set: (key, patch) => setRoot((s) => ({ [key]: { ...s[key], ...(typeof patch === 'function' ? patch(s[key]) : patch) } }) as Partial<AppState>),
      deps: { now: Date.now, newId: randomId, ...deps },
    };
    return {
      lab: createLabSlice(ctx),
      labels: createLabelsSlice(ctx),
      session: createSessionSlice(ctx),
      compare: createCompareSlice(ctx),
      import: createImportSlice(ctx),
      selection: createSelectionSlice(ctx),
      link: createLinkSlice(ctx),
    };
  });
}
