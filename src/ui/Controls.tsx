// The settings panel: dataset (picker, facts, import), loss, query, pseudo, pollution, seed, k, preset, oracle, backend, share.
import { LOSSES, QUERIES } from '../core/types';
import { LOSS_TITLE, queryTitle } from '../engine/names';
import type { LabSettings } from '../store/urlState';
import { bundledOptions, SYNTHETIC_OPTIONS } from '../store/datasets';
import { labStore, useLab } from './useLab';
import { Catalogue } from './data/Catalogue';
import { DatasetFacts } from './data/DatasetFacts';
import { ImportBox } from './data/ImportBox';
import { ImportDialog } from './data/ImportDialog';
import { useImport } from '../store/panels';
import { LinkNoticesBox, SharePanel } from './data/SharePanel';
import { useManifest } from './data/useManifest';
import './data/data.css';

function Field({ k, label, children }: { k: string; label: string; children: React.ReactNode }) {
  const hidden = useLab((s) => s.hidden.has(k));
  if (hidden) return null;
  return (
    <label className="field" data-testid={`field-${k}`}>
      <span>{label}</span>
      {children}
    </label>
  );
}

export function Controls() {
  const s = useLab((st) => st.settings);
  const busy = useLab((st) => st.run.busy);
  const unlabelled = useLab((st) => !!st.data && st.data.raw.labels === null);
  const hidden = useLab((st) => st.hidden);
  const { manifest, error: manifestError } = useManifest();
  const imported = useImport((st) => st.imported);
  const bundled = manifest ? bundledOptions(manifest) : [];
  const apply = (patch: Partial<LabSettings>) => void labStore.getState().applySettings(patch);
  const all = [...SYNTHETIC_OPTIONS, ...bundled, ...imported.map((d) => ({ name: d.key }))];

  return (
    <div className="controls" data-testid="controls">
      <LinkNoticesBox />
      <Field k="dataset" label="Dataset">
        <select data-testid="dataset" value={s.dataset} disabled={busy} onChange={(e) => apply({ dataset: e.target.value })}>
          <optgroup label="Synthetic 2-D">
            {SYNTHETIC_OPTIONS.map((o) => <option key={o.name} value={o.name}>{o.title}</option>)}
          </optgroup>
          {bundled.length > 0 && (
            <optgroup label="Bundled">
              {bundled.map((o) => <option key={o.name} value={o.name}>{o.title}</option>)}
            </optgroup>
          )}
          {imported.length > 0 && (
            <optgroup label="Your files">
              {imported.map((d) => <option key={d.key} value={d.key}>{d.fileName} ({d.raw.n} x {d.raw.d})</option>)}
            </optgroup>
          )}
          {!all.some((o) => o.name === s.dataset) && <option value={s.dataset}>{s.dataset}</option>}
        </select>
      </Field>
      {manifestError && <p className="error small">{manifestError}</p>}
      {!hidden.has('dataset') && <DatasetFacts manifest={manifest} />}
      {!hidden.has('import') && (
        <div className="data-tools">
          <ImportBox />
          <Catalogue manifest={manifest} />
        </div>
      )}
      <ImportDialog />
      <Field k="preset" label="Preset">
        <select data-testid="preset" value={s.preset} disabled={busy} onChange={(e) => apply({ preset: e.target.value as LabSettings['preset'] })}>
          <option value="interactive">interactive (warm start, a round in about a second)</option>
          <option value="paper">paper (100 + 50 epochs, fresh model each stage)</option>
        </select>
      </Field>
      <Field k="loss" label="Loss">
        <select data-testid="loss" value={s.loss} disabled={busy} onChange={(e) => apply({ loss: e.target.value as LabSettings['loss'] })}>
          {LOSSES.map((l) => <option key={l} value={l}>{LOSS_TITLE[l] ?? l}</option>)}
        </select>
      </Field>
      <Field k="query" label="Query strategy">
        <select data-testid="query" value={s.query} disabled={busy} onChange={(e) => apply({ query: e.target.value as LabSettings['query'] })}>
          {QUERIES.map((q) => <option key={q} value={q}>{queryTitle(q)}</option>)}
        </select>
      </Field>
      <Field k="pseudo" label="Pseudo-abnormal samples">
        <input data-testid="pseudo" type="checkbox" checked={s.pseudo} disabled={busy} onChange={(e) => apply({ pseudo: e.target.checked })} />
      </Field>
      <Field k="pollution" label="Pollution (anomaly ratio)">
        <select
          data-testid="pollution" value={String(s.pollution)} disabled={busy}
          onChange={(e) => apply({ pollution: e.target.value === 'full' ? 'full' : Number(e.target.value) })}
        >
          <option value="full">full data</option>
          {[0.01, 0.02, 0.05, 0.1, 0.2].map((p) => <option key={p} value={p}>{p}</option>)}
          {s.pollution !== 'full' && ![0.01, 0.02, 0.05, 0.1, 0.2].includes(s.pollution) && <option value={s.pollution}>{s.pollution}</option>}
        </select>
      </Field>
      <Field k="seed" label="Seed">
        <input
          data-testid="seed" type="number" min={0} step={1} value={s.seed} disabled={busy}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= 0) apply({ seed: v });
          }}
        />
      </Field>
      <Field k="k" label="Queries per round">
        <input
          data-testid="k" type="number" min={1} step={1} placeholder="auto" value={s.k === 'auto' ? '' : s.k} disabled={busy}
          onChange={(e) => {
            const v = e.target.value === '' ? 'auto' : Number(e.target.value);
            if (v === 'auto' || (Number.isInteger(v) && v >= 1)) apply({ k: v });
          }}
        />
      </Field>
      <Field k="oracle" label="Oracle">
        <select data-testid="oracle" value={s.oracle} onChange={(e) => apply({ oracle: e.target.value as LabSettings['oracle'] })}>
          <option value="simulated" disabled={unlabelled}>simulated (uses the true labels){unlabelled ? ': this data has none' : ''}</option>
          <option value="human">human (you answer)</option>
        </select>
      </Field>
      <Field k="backend" label="Backend">
        <select data-testid="backend" value={s.backend} disabled={busy} onChange={(e) => apply({ backend: e.target.value as LabSettings['backend'] })}>
          <option value="auto">automatic (fastest probe)</option>
          <option value="webgpu">WebGPU</option>
          <option value="webgl">WebGL</option>
          <option value="wasm">WASM</option>
          <option value="cpu">CPU</option>
        </select>
      </Field>
      {!hidden.has('share') && <SharePanel />}
    </div>
  );
}
