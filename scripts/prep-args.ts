// The import flags shared by the experiment and score commands: the same choices as the lab's import dialog.
import { BEYOND_CAP, MISSING_STRATEGIES, type BeyondCap, type MissingStrategy, type PrepOptions } from '../src/io/preprocess/options';

export const PREP_FLAGS = ['label', 'anomaly', 'normal', 'drop', 'include', 'missing', 'missing-indicator', 'max-categories', 'delimiter', 'keep-constant', 'beyond-cap'];

export const PREP_USAGE = `       [--label COL|none] [--anomaly VALUE | --normal VALUE] [--drop COL,...] [--include DATE_COL,...]
       [--missing impute|drop-rows|drop-columns] [--missing-indicator 0|1] [--max-categories N] [--delimiter whitespace|,|;|tab|pipe]
       [--beyond-cap drop|codes] [--keep-constant 0|1 (default 0: constant columns dropped as the lab does; 1 keeps them, the paper's protocol)]`;

const list = (v: string | undefined): string[] | undefined => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter((s) => s !== ''));
const DELIMS: Record<string, string> = { tab: '\t', pipe: '|', whitespace: 'whitespace', comma: ',', semicolon: ';' };

/** --flags -> the import options; a bad value is an error naming the flag. */
export function prepOptions(a: Record<string, string>): PrepOptions & { delimiter?: string } {
  const o: PrepOptions & { delimiter?: string } = {};
  if (a.label !== undefined) o.labelColumn = a.label === 'none' ? null : a.label;
  if (a.anomaly !== undefined && a.normal !== undefined) throw new Error('Give --anomaly VALUE or --normal VALUE, not both.');
  if (a.anomaly !== undefined) o.anomalyValue = a.anomaly;
  if (a.normal !== undefined) o.normalValue = a.normal;
  const drop = list(a.drop);
  if (drop) o.exclude = drop;
  const include = list(a.include);
  if (include) o.include = include;
  if (a.missing !== undefined) {
    if (!(MISSING_STRATEGIES as readonly string[]).includes(a.missing)) throw new Error(`--missing must be one of ${MISSING_STRATEGIES.join(', ')} (got ${a.missing}).`);
    o.missing = a.missing as MissingStrategy;
  }
  if (a['missing-indicator'] !== undefined) {
    if (a['missing-indicator'] !== '0' && a['missing-indicator'] !== '1') throw new Error(`--missing-indicator takes 0 or 1 (got ${a['missing-indicator']}).`);
    o.missingIndicator = a['missing-indicator'] === '1';
  }
  if (a['max-categories'] !== undefined) {
    const k = Number(a['max-categories']);
    if (!Number.isInteger(k) || k < 2 || k > 1000) throw new Error(`--max-categories must be an integer from 2 to 1000 (got ${a['max-categories']}).`);
    o.maxCategories = k;
  }
  if (a['keep-constant'] !== undefined) {
    if (a['keep-constant'] !== '0' && a['keep-constant'] !== '1') throw new Error(`--keep-constant takes 0 or 1 (got ${a['keep-constant']}).`);
    o.keepConstant = a['keep-constant'] === '1';
  }
  if (a['beyond-cap'] !== undefined) {
    if (!(BEYOND_CAP as readonly string[]).includes(a['beyond-cap'])) throw new Error(`--beyond-cap must be one of ${BEYOND_CAP.join(', ')} (got ${a['beyond-cap']}).`);
    o.beyondCap = a['beyond-cap'] as BeyondCap;
  }
  if (a.delimiter !== undefined) o.delimiter = DELIMS[a.delimiter] ?? a.delimiter;
  return o;
}
