// The record of how a file became the matrix: kept with the data so a reload, a replay and the model file reproduce it.
import type { RawData } from '../../core/types';
import { PREP_VERSION, planOf, type PrepOptions } from './options';
import type { Recipe } from './recipe';

export interface Prep {
  version: number;
  fileName: string;
  format: string;
  /** the person's choices (defaults left out) */
  options: PrepOptions;
  /** text tables: the fitted transform; null for matrices (MAT, NPZ), whose columns are used as they are */
  recipe: Recipe | null;
}

/** RawData with its preprocessing record; the record travels with the data (worker, IndexedDB) as a plain field. */
export type PreparedData = RawData & { prep?: Prep };

export function withPrep(data: RawData, fileName: string, format: string, options: PrepOptions, recipe: Recipe | null): PreparedData {
  return { ...data, prep: { version: PREP_VERSION, fileName, format, options: planOf(options), recipe } };
}

export function prepOf(data: RawData | null | undefined): Prep | null {
  return (data as PreparedData | null | undefined)?.prep ?? null;
}
