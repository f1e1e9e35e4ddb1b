// Entry: render the page at once, start the worker (backend probe) and load the default dataset in parallel.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isBackendName } from './worker/protocol';
import { LabClient } from './worker/client';
import { labStore } from './ui/useLab';
import { loadDataset } from './ui/datasets';
import { installTestHook } from './ui/testHook';
import { loadPlotly } from './ui/Plot';
import { setRenderHold } from './ui/renderQueue';
import './ui/styles.css';

const store = labStore.getState();
const params = new URLSearchParams(location.search);
// ?backend= overrides the automatic choice (the URL-state helper may also set settings.backend)
const fromUrl = params.get('backend');
if (isBackendName(fromUrl)) store.applySettings({ backend: fromUrl });
else if (fromUrl && fromUrl !== 'auto') store.setError(`?backend=${fromUrl} is not one of webgpu, webgl, wasm, cpu, auto; choosing automatically.`);

const client = new LabClient((ev) => labStore.getState().handleEvent(ev), (msg) => labStore.getState().setError(msg));
store.attach(client, loadDataset);
client.send({ type: 'init', backend: labStore.getState().settings.backend, probeAll: params.get('probe') === 'all' });
void labStore.getState().loadData();
installTestHook((cmd) => client.send(cmd));
// heavy plots wait while the worker trains (no main-thread long task during training)
labStore.subscribe((s) => setRenderHold(s.run.busy));
// fetch plotly while the worker probes, so the first plot does not wait for it
void loadPlotly();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
