// The import's choices: label column, the value that means anomaly (or normal), missing values, the category cap and beyond it.
import type { ImportOptions, ImportResult } from '../../io/importFile';
import { DEFAULT_MAX_CATEGORIES, type BeyondCap, type MissingStrategy } from '../../io/preprocess/options';

export function PrepChoices({ result, options, labelValues, disabled, onChange }: {
  result: ImportResult;
  options: ImportOptions;
  labelValues: string[];
  disabled: boolean;
  onChange: (patch: Partial<ImportOptions>) => void;
}) {
  const meansNormal = options.normalValue !== undefined || (options.anomalyValue === undefined && result.normalValue !== undefined);
  const value = options.normalValue ?? (meansNormal ? result.normalValue : undefined) ?? result.anomalyValue ?? '';
  const textTable = !!result.plan;
  const setValue = (v: string, normal: boolean) =>
    onChange(normal ? { normalValue: v, anomalyValue: undefined } : { anomalyValue: v, normalValue: undefined });
  return (
    <div className="choices">
      <label className="field">
        <span>Label column</span>
        <select data-testid="label-column" value={result.labelColumn ?? ''} disabled={disabled}
          onChange={(e) => onChange({ labelColumn: e.target.value === '' ? null : e.target.value, anomalyValue: undefined, normalValue: undefined })}>
          <option value="">none: the data has no labels</option>
          {result.columns.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      {result.labelColumn !== null && (
        <label className="field">
          <span>Value</span>
          <span className="pair">
            <select data-testid="anomaly-value" value={value} disabled={disabled} onChange={(e) => setValue(e.target.value, meansNormal)}>
              {value === '' && <option value="">(none: every row is normal)</option>}
              {labelValues.map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
            <select data-testid="value-means" value={meansNormal ? 'normal' : 'anomaly'} disabled={disabled || value === ''}
              onChange={(e) => setValue(value, e.target.value === 'normal')}>
              <option value="anomaly">means anomaly</option>
              <option value="normal">means normal, all others anomaly</option>
            </select>
          </span>
        </label>
      )}
      {(textTable || !!result.recipe) && (
        <label className="field">
          <span>Missing cells</span>
          <span className="pair">
            <select data-testid="missing-strategy" value={options.missing ?? 'impute'} disabled={disabled}
              onChange={(e) => onChange({ missing: e.target.value as MissingStrategy })}>
              <option value="impute">impute (median / most frequent)</option>
              <option value="drop-rows">drop those rows</option>
              <option value="drop-columns">drop those columns</option>
            </select>
            <label className="inline small" title='add a 0/1 column "(was missing)" beside each imputed column'>
              <input type="checkbox" data-testid="missing-indicator" checked={!!options.missingIndicator}
                disabled={disabled || (options.missing ?? 'impute') !== 'impute'} onChange={(e) => onChange({ missingIndicator: e.target.checked })} />
              indicator
            </label>
          </span>
        </label>
      )}
      {textTable && (
        <label className="field narrow">
          <span>Category cap</span>
          <input type="number" min={2} max={1000} data-testid="max-categories" disabled={disabled}
            defaultValue={options.maxCategories ?? DEFAULT_MAX_CATEGORIES}
            onBlur={(e) => {
              const v = Math.round(Number(e.target.value));
              if (v >= 2 && v <= 1000 && v !== (options.maxCategories ?? DEFAULT_MAX_CATEGORIES)) onChange({ maxCategories: v });
            }}
            onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />
        </label>
      )}
      {textTable && (
        <label className="field narrow">
          <span>Beyond the cap</span>
          <select data-testid="beyond-cap" value={options.beyondCap ?? 'drop'} disabled={disabled}
            title="a categorical column with more values than the cap: left out, or one column of ordinal codes 0..k-1 (for ordered values)"
            onChange={(e) => onChange({ beyondCap: e.target.value as BeyondCap })}>
            <option value="drop">drop the column</option>
            <option value="codes">ordinal codes</option>
          </select>
        </label>
      )}
    </div>
  );
}
