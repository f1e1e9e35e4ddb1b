// The panels' entry points into the one store, under the names their components used before the slices.
import type { ImportOptions } from '../io/importFile';
import type { PendingImport } from './slices/import';
import { appStore } from './page';

export { compareStore, importStore, selectionStore } from './page';
export { useCompare, useImport, useSelection } from './hooks';
export { batchTimeLeft, type CompareData, type CompareStatus } from './slices/compare';
export { datasetKey, type FailedImport, type ImportedDataset, type PendingImport } from './slices/import';

const imp = () => appStore.getState().import;
export const openFile = (file: File) => imp().openFile(file);
export const rechoose = (fileName: string, options: ImportOptions) => imp().rechoose(fileName, options);
export const keepImport = (p: PendingImport) => imp().keepImport(p);
export const cancelImport = () => imp().cancelImport();
export const dismissFailure = () => imp().dismissFailure();
export const reserveNames = (names: readonly string[]) => imp().reserveNames(names);
export const importedByKey = (key: string) => imp().importedByKey(key);

export const selectPoints = (from: string, indices: number[]) => appStore.getState().selection.selectPoints(from, indices);
export const clearSelection = () => appStore.getState().selection.clearSelection();
