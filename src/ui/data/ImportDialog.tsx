// The import dialog: what was read, the label column and anomaly value, notices, the paper's sizes; names shown as text only.
import { useState } from 'react';
import { formatPrepLink } from '../../io/preprocess/link';
import type { LabSettings } from '../../store/urlState';
import { labStore, useLab } from '../useLab';
import { anomalyCount, kindText, pct, recognise, sizesText } from './facts';
import { Modal } from './Modal';
import { ColumnsTable } from './ColumnsTable';
import { PrepChoices } from './PrepChoices';
import { cancelImport, keepImport, rechoose, useImport, type PendingImport } from '../../store/panels';

const FORMAT: Record<string, string> = {
  csv: 'CSV', tsv: 'TSV', txt: 'whitespace-separated text', arff: 'ARFF', 'mat-v4': 'MATLAB v4 .mat', 'mat-v5': 'MATLAB v5 .mat', 'mat-v7.3': 'MATLAB v7.3 .mat (HDF5)', hdf5: 'HDF5', npz: 'NumPy .npz', npy: 'NumPy .npy',
};
const SHOWN_NAMES = 80;

/** Makes the confirmed import the lab's dataset; without labels the oracle becomes the person. */
export async function loadImport(p: PendingImport, paperPreset: boolean): Promise<void> {
  const d = keepImport(p);
  const st = labStore.getState();
  // the link carries the choices (not the file): whoever opens it and the same file gets the same matrix
  const patch: Partial<LabSettings> = { prep: formatPrepLink(p.options) };
  if (!d.raw.labels && st.settings.oracle !== 'human') patch.oracle = 'human';
  if (paperPreset) patch.preset = 'paper';
  if (st.settings.dataset === d.key) {
    await st.applySettings(patch);
    await labStore.getState().loadData();
  } else await st.applySettings({ ...patch, dataset: d.key });
}

export function ImportDialog() {
  const p = useImport((s) => s.pending);
  const reading = useImport((s) => s.reading);
  const progress = useImport((s) => s.progress);
  const busy = useLab((s) => s.run.busy);
  const [paper, setPaper] = useState(false);
  if (!p) return null;
  const raw = p.result.data;
  const a = anomalyCount(raw);
  const rec = recognise(raw);
  const names = raw.featureNames;
  const choose = (patch: Partial<PendingImport['options']>) => void rechoose(p.fileName, { ...p.options, ...patch });
  return (
    <Modal>
      <div className="modal import" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <h2 id="import-title">Import {p.fileName}</h2>
        <p className="summary" data-testid="import-summary">
          {FORMAT[p.result.format] ?? p.result.format}: <b>{raw.n}</b> rows, <b>{raw.d}</b> features,{' '}
          {a === null ? <b>no labels</b> : <><b>{a}</b> anomalies ({pct(a / raw.n)})</>}; {kindText(raw.kind)}. Read in {Math.round(p.ms)} ms (off the page's thread).
        </p>
        {rec && (
          <p className="recognised" data-testid="import-recognised">
            Recognised as the paper's <b>{rec.external?.title ?? rec.key}</b>
            {rec.external && (rec.matches ? ' (the same size as the ODDS file)' : ` (ODDS has ${rec.external.rows} x ${rec.external.features}, ${rec.external.anomalies} anomalies)`)}:
            the paper's {sizesText(raw)}.
          </p>
        )}
        {!rec && <p className="muted small">Sizes for this data: {sizesText(raw)}.</p>}
        <PrepChoices result={p.result} options={p.options} labelValues={p.labelValues} disabled={!!reading} onChange={choose} />
        {p.result.plan && <ColumnsTable plan={p.result.plan} options={p.options} disabled={!!reading} onChange={choose} />}
        {a === null && (
          <p className="notice" data-testid="import-nolabels">
            Without labels only you can answer the queries (the oracle becomes "human"), and AUROC is not shown.
          </p>
        )}
        {p.result.notices.length > 0 && (
          <ul className="notices" data-testid="import-notices">
            {p.result.notices.map((n, i) => <li key={i}>{n}</li>)}
          </ul>
        )}
        <details className="feature-names" data-testid="feature-names" open={!p.result.plan}>
          <summary className="muted small">The {names.length} features the model sees</summary>
          {names.slice(0, SHOWN_NAMES).map((n, i) => <code key={i}>{n}</code>)}
          {names.length > SHOWN_NAMES && <span className="muted small"> and {names.length - SHOWN_NAMES} more</span>}
        </details>
        {rec && (
          <label className="field inline">
            <input type="checkbox" data-testid="import-paper" checked={paper} onChange={(e) => setPaper(e.target.checked)} />
            <span>Use the paper preset (100 + 50 epochs a stage)</span>
          </label>
        )}
        <div className="buttons">
          <button className="primary" data-testid="import-load" disabled={busy || !!reading} onClick={() => void loadImport(p, paper)}>
            Load as "{p.key}"
          </button>
          <button data-testid="import-cancel" onClick={cancelImport}>Cancel</button>
          {busy && <span className="muted small">Stop the running training first.</span>}
          {reading && <span className="muted small" data-testid="import-again">Reading again…{progress ? ` ${Math.floor(progress.fraction * 100)}%` : ''}</span>}
        </div>
      </div>
    </Modal>
  );
}
