// Entry: render the page at once, start the worker (backend probe) and load the link's dataset or the last session.
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { appStore } from './store/page';
import { bundledManifest } from './store/datasets';
import { readLink, resolveDataset } from './store/url-sync';
import { guardUnload, requestPersistence } from './store/effects/unload';
import { SYNTHETIC } from './engine/synthetic';
import { EXTERNAL_DATASETS } from './io/catalogue';
import { installTestHook } from './ui/testHook';
import { setRenderHold } from './ui/renderQueue';
import './ui/styles.css';

const app = () => appStore.getState();
// the link's settings (backend included) and hidden controls; bad parameters are reported on the page
const link = readLink(location.search, SYNTHETIC);
appStore.setState((s) => ({ lab: { ...s.lab, settings: link.settings, hidden: link.hidden } }));
app().link.addProblems(link.problems);
app().link.setPage(link.page);
app().lab.send({ type: 'init', backend: link.settings.backend, probeAll: link.page.some(([k, v]) => k === 'probe' && v === 'all') });
// a write still in flight makes the browser ask before the page goes; storage is asked not to evict this site
guardUnload(() => app().session.writes + app().labels.pending);
void requestPersistence();
// a bundled dataset named by the link is checked against the manifest before the first load
void (async () => {
  if (link.dataset !== null) {
    const names = await bundledManifest().then((m) => m.datasets.map((d) => d.name), () => [] as string[]);
    const r = resolveDataset(link.dataset, names, EXTERNAL_DATASETS);
    if (r.dataset) appStore.setState((s) => ({ lab: { ...s.lab, settings: { ...s.lab.settings, dataset: r.dataset! } } }));
    if (r.problem) app().link.setFileProblem(link.dataset, r.problem);
  }
  app().link.writeUrl();
  // restores the last session (data, settings, labels, rounds) or loads the link's dataset into a new one
  await app().session.start();
})();
installTestHook((cmd) => app().lab.send(cmd));
// heavy plots wait while the worker trains (no main-thread long task during training)
appStore.subscribe((s, prev) => {
  if (s.lab.run.busy !== prev.lab.run.busy) setRenderHold(s.lab.run.busy);
});
// plotly's chunks download with the page (modulepreload); its evaluation starts with the first plot's effect,
// after the first frame is committed, so it never delays that frame

// the first render is a transition: React renders it in slices of a few ms, not in one long task
startTransition(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
