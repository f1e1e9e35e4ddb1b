// Every dataset in one place: the bundled ones with the manifest's facts, and the paper's others with where to get them.
import { useState } from 'react';
import { EXTERNAL_DATASETS, type Manifest } from '../../io/catalogue';
import { isSyntheticName, SYNTHETIC, SYNTHETIC_RECIPE } from '../../engine/synthetic';
import { labStore, useLab } from '../useLab';
import { kindText, pct, sourceText } from './facts';
import { pickFile } from './ImportBox';
import { Modal } from './Modal';

export function Catalogue({ manifest }: { manifest: Manifest | null }) {
  const [open, setOpen] = useState(false);
  const busy = useLab((s) => s.run.busy);
  const use = (name: string) => {
    setOpen(false);
    void labStore.getState().applySettings({ dataset: name });
  };
  const bundled = manifest?.datasets.filter((d) => !isSyntheticName(d.name)) ?? [];
  return (
    <>
      <button className="link" data-testid="open-catalogue" onClick={() => setOpen(true)}>All datasets, with sources and the paper's others…</button>
      {open && (
        <Modal onBackdrop={() => setOpen(false)}>
          <div className="modal wide" role="dialog" aria-modal="true" aria-labelledby="cat-title" data-testid="catalogue">
            <div className="modal-head">
              <h2 id="cat-title">Datasets</h2>
              <button data-testid="close-catalogue" onClick={() => setOpen(false)}>Close</button>
            </div>
            <h3>Bundled with the lab</h3>
            <table className="cat">
              <thead><tr><th>dataset</th><th>rows x features</th><th>anomalies</th><th>kind</th><th>recipe and source</th><th /></tr></thead>
              <tbody>
                {bundled.map((d) => (
                  <tr key={d.name} data-testid={`cat-${d.name}`}>
                    <td><b>{d.title}</b></td>
                    <td>{d.rows} x {d.features}</td>
                    <td>{d.anomalies} ({pct(d.anomalyRatio)})</td>
                    <td>{kindText(d.kind)}</td>
                    <td className="recipe">
                      {d.recipe}
                      <div className="muted small">From {sourceText(d)}. Licence: {d.licence}</div>
                      <details><summary className="small">citation</summary><p className="small">{d.citation}</p></details>
                    </td>
                    <td><button disabled={busy} data-testid={`use-${d.name}`} onClick={() => use(d.name)}>Use</button></td>
                  </tr>
                ))}
                {SYNTHETIC.map((name) => (
                  <tr key={name}>
                    <td><b>{name}</b></td><td>500 x 2</td><td>generated</td><td>2-D</td>
                    <td className="recipe">{SYNTHETIC_RECIPE[name]}<div className="muted small">Generated in the page from the seed.</div></td>
                    <td><button disabled={busy} onClick={() => use(name)}>Use</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>The paper's other datasets (download them yourself)</h3>
            <p className="small muted">Their licences do not let us ship them. Download the file from the page linked below, then load it here: it is recognised by its name and gets the paper's network size and query budget.</p>
            <table className="cat">
              <thead><tr><th>dataset</th><th>rows x features</th><th>anomalies</th><th>where to get it</th><th /></tr></thead>
              <tbody>
                {EXTERNAL_DATASETS.map((e) => (
                  <tr key={e.name} data-testid={`ext-${e.name}`}>
                    <td><b>{e.title}</b></td>
                    <td>{e.rows} x {e.features}</td>
                    <td>{e.anomalies} ({pct(e.anomalyRatio)})</td>
                    <td className="recipe">
                      <a href={e.infoUrl} target="_blank" rel="noopener noreferrer">{e.infoUrl}</a> — file <code>{e.fileName}</code>. {e.howTo}
                      <div className="muted small">Licence: {e.licence}</div>
                      <details><summary className="small">citation</summary><p className="small">{e.citation}</p></details>
                    </td>
                    <td>
                      <button data-testid={`load-${e.name}`} onClick={() => { setOpen(false); pickFile(); }}>Load {e.fileName}…</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Modal>
      )}
    </>
  );
}
