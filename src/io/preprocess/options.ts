// The preprocessing choices a person (or the CLI) makes; everything left out takes its default.

export const MISSING_STRATEGIES = ['impute', 'drop-rows', 'drop-columns'] as const;
export type MissingStrategy = (typeof MISSING_STRATEGIES)[number];

export const DEFAULT_MAX_CATEGORIES = 50;
/** What becomes of a categorical column with more values than the cap: dropped, or one column of ordinal codes 0..k-1. */
export const BEYOND_CAP = ['drop', 'codes'] as const;
export type BeyondCap = (typeof BEYOND_CAP)[number];
/** Bumped whenever the same file and choices would give a different matrix; the model file records it. */
export const PREP_VERSION = 1;

export interface PrepOptions {
  /** null = no label column; undefined = auto (a column named label/class/y/outlier/target, else a binary last column) */
  labelColumn?: string | null;
  /** which value of the label column means anomaly; undefined = auto ('1', 'true', 'anomaly', 'outlier', 'b', ...) */
  anomalyValue?: string;
  /** which value of the label column means normal, every other value anomaly (e.g. NSL-KDD's 'normal' vs attack names) */
  normalValue?: string;
  /** columns left out of the features (an id, a timestamp) */
  exclude?: string[];
  /** columns taken in although the default leaves them out (a date, read as seconds since 1970) */
  include?: string[];
  /** what to do with missing cells in the feature columns; default impute */
  missing?: MissingStrategy;
  /** with impute: add a 0/1 column "<name> (was missing)" beside each imputed column */
  missingIndicator?: boolean;
  /** categorical columns with more distinct values than this are dropped instead of one-hot encoded; default 50 */
  maxCategories?: number;
  /** beyond the category cap: drop the column (default) or give its values ordinal codes 0..k-1 in their sorted order */
  beyondCap?: BeyondCap;
  /** keep constant columns instead of dropping them with a notice (the paper's protocol; image pixels) */
  keepConstant?: boolean;
}

/** Only the choices that change the result, for the session record and the model file (undefined fields left out). */
export function planOf(o: PrepOptions): PrepOptions {
  const out: PrepOptions = {};
  if (o.labelColumn !== undefined) out.labelColumn = o.labelColumn;
  if (o.anomalyValue !== undefined) out.anomalyValue = o.anomalyValue;
  if (o.normalValue !== undefined) out.normalValue = o.normalValue;
  if (o.exclude?.length) out.exclude = [...o.exclude];
  if (o.include?.length) out.include = [...o.include];
  if (o.missing !== undefined && o.missing !== 'impute') out.missing = o.missing;
  if (o.missingIndicator) out.missingIndicator = true;
  if (o.maxCategories !== undefined && o.maxCategories !== DEFAULT_MAX_CATEGORIES) out.maxCategories = o.maxCategories;
  if (o.beyondCap === 'codes') out.beyondCap = 'codes';
  if (o.keepConstant) out.keepConstant = true;
  return out;
}
