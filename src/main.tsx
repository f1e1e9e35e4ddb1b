// Entry: render the page at once, start the worker (backend probe) and load the default dataset in parallel.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createSessionSync } from './store/session-sync';
import { RestartingPort } from './client/restartingPort';
import { setSessionSync } from './ui/sessions/context';
import { labStore } from './ui/useLab';
import { bundledManifest, loadDataset } from './ui/datasets';
import { addLinkProblems, readLink, resolveDataset, startUrlSync } from './store/url-sync';
import { setPageParams } from './ui/data/SharePanel';
import { SYNTHETIC } from './engine/synthetic';
import { EXTERNAL_DATASETS } from './io/catalogue';
import { installTestHook } from './ui/testHook';
import { loadPlotly } from './ui/plotly/load';
import { setRenderHold } from './ui/renderQueue';
import { installPreviewListener } from './ui/views/previewStore';
import './ui/styles.css';

// the plotting library downloads in parallel with the lab's start-up (its own chunk, evaluated once it arrives)
void loadPlotly();
const store = labStore.getState();
const params = new URLSearchParams(location.search);
// the link's settings (backend included) and hidden controls; bad parameters are reported on the page
const link = readLink(location.search, SYNTHETIC);
labStore.setState({ settings: link.settings, hidden: link.hidden });
addLinkProblems(link.problems);
setPageParams(link.page);

// the worker restarts itself after a crash; the session sync saves every label and replays them into the new worker
const client = new RestartingPort(
  (ev) => {
    if (!sync.handleEvent(ev)) labStore.getState().handleEvent(ev);
  },
  (why) => sync.workerRestarted(why),
  { onGiveUp: (why, crashes) => sync.workerGaveUp(why, crashes) },
);
const sync = createSessionSync({ lab: labStore, port: client, search: location.search });
setSessionSync(sync);
store.attach(client, loadDataset);
client.send({ type: 'init', backend: labStore.getState().settings.backend, probeAll: params.get('probe') === 'all' });
// a bundled dataset named by the link is checked against the manifest before the first load
void (async () => {
  if (link.dataset !== null) {
    const names = await bundledManifest().then((m) => m.datasets.map((d) => d.name), () => [] as string[]);
    const r = resolveDataset(link.dataset, names, EXTERNAL_DATASETS);
    if (r.dataset) labStore.setState({ settings: { ...labStore.getState().settings, dataset: r.dataset } });
    if (r.problem) addLinkProblems([r.problem]);
  }
  startUrlSync(labStore, link.page);
  // restores the last session (data, settings, labels, rounds) or loads the link's dataset into a new one
  await sync.start();
})();
installTestHook((cmd) => client.send(cmd));
// the stepper's latent cloud after "centre" and "train"
installPreviewListener();
// heavy plots wait while the worker trains (no main-thread long task during training)
labStore.subscribe((s) => setRenderHold(s.run.busy));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
