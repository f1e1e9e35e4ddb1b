// React hooks over the page's store: one per slice, each with a selector.
import { useStore } from 'zustand';
import type { AppState } from './app';
import { appStore } from './page';

export const useLab = <T,>(sel: (s: AppState['lab']) => T): T => useStore(appStore, (s) => sel(s.lab));
export const useLabels = <T,>(sel: (s: AppState['labels']) => T): T => useStore(appStore, (s) => sel(s.labels));
export const useSession = <T,>(sel: (s: AppState['session']) => T): T => useStore(appStore, (s) => sel(s.session));
export const useCompare = <T,>(sel: (s: AppState['compare']) => T): T => useStore(appStore, (s) => sel(s.compare));
export const useImport = <T,>(sel: (s: AppState['import']) => T): T => useStore(appStore, (s) => sel(s.import));
export const useSelection = <T,>(sel: (s: AppState['selection']) => T): T => useStore(appStore, (s) => sel(s.selection));
export const useLink = <T,>(sel: (s: AppState['link']) => T): T => useStore(appStore, (s) => sel(s.link));
