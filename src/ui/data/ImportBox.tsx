// Open a file by button or by dropping it anywhere on the page; a failed import says why and changes nothing.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { dismissFailure, openFile, rechoose, useImport } from '../../store/panels';
import { ScoreFile } from './ScoreFile';

/** One hidden file input for the page (the catalogue's "load the downloaded file" buttons use it too). */
let inputEl: HTMLInputElement | null = null;
export function pickFile(): void {
  inputEl?.click();
}

function ImportFailure() {
  const f = useImport((s) => s.failure);
  if (!f) return null;
  const e = f.error;
  const labelProblem = e.code.startsWith('LABEL') || e.code === 'ANOMALY_VALUE_NOT_FOUND';
  return (
    <div className="error import-error" role="alert" data-testid="import-error" data-code={e.code}>
      <b>{f.fileName} was not loaded.</b> <span data-testid="import-error-message">{e.message}</span>
      <div className="small">The current dataset and run are unchanged.</div>
      {labelProblem && (
        <div className="fix">
          {e.values && e.values.length > 1 && e.column && (
            <label className="field">
              <span>Value of {e.column} that means anomaly</span>
              <select data-testid="fix-anomaly-value" defaultValue="" onChange={(ev) => ev.target.value && void rechoose(f.fileName, { ...f.options, labelColumn: e.column!, anomalyValue: ev.target.value })}>
                <option value="" disabled>choose…</option>
                {e.values.slice(0, 200).map((v) => <option key={v} value={v}>{v}</option>)}
              </select>
            </label>
          )}
          {f.columns.length > 0 && (
            <label className="field">
              <span>Or another label column</span>
              <select data-testid="fix-label-column" defaultValue="" onChange={(ev) => ev.target.value && void rechoose(f.fileName, { ...f.options, labelColumn: ev.target.value, anomalyValue: undefined })}>
                <option value="" disabled>choose…</option>
                {f.columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </label>
          )}
          <button data-testid="fix-no-labels" onClick={() => void rechoose(f.fileName, { ...f.options, labelColumn: null, anomalyValue: undefined })}>Load without labels</button>
        </div>
      )}
      <button className="link" onClick={dismissFailure}>dismiss</button>
    </div>
  );
}

export function ImportBox() {
  const reading = useImport((s) => s.reading);
  const progress = useImport((s) => s.progress);
  const ref = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [extra, setExtra] = useState<string | null>(null);

  useEffect(() => {
    inputEl = ref.current;
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = e.dataTransfer?.files;
      if (!files || files.length === 0) return;
      setExtra(files.length > 1 ? `${files.length} files were dropped; only ${files[0]!.name} was read.` : null);
      void openFile(files[0]!);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      if (inputEl === ref.current) inputEl = null;
    };
  }, []);

  return (
    <div className="import-box" data-testid="import-box">
      <div className="drop-hint">
        <button data-testid="open-file" onClick={pickFile} disabled={!!reading}>Open file…</button>
        <span className="muted small">or drop it on the page: CSV, TSV, text, ARFF, .mat, .npz, also gzipped. It stays on this computer.</span>
      </div>
      <input
        ref={ref} type="file" data-testid="file-input" hidden
        accept=".csv,.tsv,.tab,.txt,.arff,.data,.dat,.mat,.npz,.npy,.h5,.hdf5,.gz,.zip"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          setExtra(null);
          if (f) void openFile(f);
        }}
      />
      {reading && (
        <p className="small" data-testid="import-reading" role="status">
          Reading {reading}… {progress && <span data-testid="import-percent">{Math.floor(progress.fraction * 100)}% ({progress.phase})</span>}
        </p>
      )}
      {extra && <p className="small muted">{extra}</p>}
      <ImportFailure />
      <ScoreFile />
      {dragging && createPortal(<div className="drop-overlay" data-testid="drop-overlay">Drop the file to import it</div>, document.body)}
    </div>
  );
}
