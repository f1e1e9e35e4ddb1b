// Facts about the chosen dataset under the picker: size, anomalies, kind, recipe, source, licence, citation.
import type { Manifest } from '../../io/catalogue';
import { isSyntheticName, SYNTHETIC_RECIPE } from '../../engine/synthetic';
import { useLab } from '../useLab';
import { anomalyCount, kindText, pct, recognise, sizesText, sourceText } from './facts';
import { useImport } from '../../store/panels';

export function DatasetFacts({ manifest }: { manifest: Manifest | null }) {
  const name = useLab((s) => s.settings.dataset);
  const data = useLab((s) => s.data);
  const own = useImport((s) => s.imported.find((d) => d.key === name));
  const entry = manifest?.datasets.find((d) => d.name === name);
  const raw = data?.raw;
  const a = raw ? anomalyCount(raw) : null;
  return (
    <div className="facts" data-testid="dataset-facts">
      {raw && (
        <p className="hint" data-testid="data-summary">
          {raw.n} rows, {raw.d} features{a !== null ? `, ${a} anomalies` : ', no labels'}
        </p>
      )}
      {isSyntheticName(name) && <p className="hint">{SYNTHETIC_RECIPE[name]}</p>}
      {entry && !isSyntheticName(name) && (
        <div className="hint">
          <div>{pct(entry.anomalyRatio)} anomalies · {kindText(entry.kind)}</div>
          <div>{entry.recipe}</div>
          <details data-testid="dataset-source">
            <summary>source, licence, citation</summary>
            <div>From {sourceText(entry)}.</div>
            <div>Licence: {entry.licence}</div>
            <div>Cite: {entry.citation}</div>
          </details>
        </div>
      )}
      {own && raw && (
        <div className="hint" data-testid="file-facts">
          <div>Your file {own.fileName} ({own.format}){a !== null ? `, ${pct(a / raw.n)} anomalies` : ''}.</div>
          {recognise(raw) && <div>The paper's {sizesText(raw)}.</div>}
        </div>
      )}
    </div>
  );
}
