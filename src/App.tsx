// The lab bench: a collapsible settings panel; run controls on top; the latent sphere beside the queue; the
// input plane, learning curve and (tabbed) histogram and loss after them, or beside them on a wide screen.
import { lazy, Suspense, useEffect } from 'react';
import { Controls } from './ui/Controls';
import { QueuePanel } from './ui/QueuePanel';
import { SessionNotice, SessionsPanel, StorageBanner } from './ui/sessions/SessionsPanel';
import { PanelBoundary } from './ui/PanelBoundary';
import { BackendBadge, HoverInfo, Metrics, ProgressBar, RunControls, Stepper } from './ui/RunPanel';
import { useLab } from './ui/useLab';
import { LatentView } from './ui/views/LatentView';
import { InputView } from './ui/views/InputView';
import { LearningView } from './ui/views/CurveViews';
import { SecondaryTabs } from './ui/views/SecondaryTabs';
import { PresentToggle, SidePanel, ViewOptions } from './ui/bench/SidePanel';

// below the fold, and its paired test (@stdlib) is 40% of the entry's code: fetched after the first frame
const ComparePanel = lazy(() => import('./ui/compare/ComparePanel').then((m) => ({ default: m.ComparePanel })));

/** one empty list: a fresh [] per call would make the store selector loop while no data is loaded yet */
const NO_NOTICES: string[] = [];

export function App() {
  const error = useLab((s) => s.error);
  const present = useLab((s) => s.settings.present);
  // presenter mode scales the root font, so every rem-sized control grows with the text
  useEffect(() => void document.documentElement.classList.toggle('present', present), [present]);
  const notices = useLab((s) => s.data?.notices ?? NO_NOTICES);
  return (
    <div className={`app${present ? ' present' : ''}`} data-testid="app" data-present={present ? 'yes' : 'no'}>
      <header className="topbar">
        <h1>svdd-lab <small>active anomaly detection with Deep SVDD</small></h1>
        <BackendBadge />
        <PresentToggle />
      </header>
      <StorageBanner />
      <div className="bench">
        <SidePanel>
          <PanelBoundary name="settings"><Controls /></PanelBoundary>
          <ViewOptions />
          <PanelBoundary name="sessions"><SessionsPanel /></PanelBoundary>
        </SidePanel>
        <main className="workspace">
          <section className="card toolbar" aria-label="Run">
            <RunControls />
            <Stepper />
            <div className="toolbar-row">
              <ProgressBar />
              <Metrics />
            </div>
            {error && <div className="error" role="alert" data-testid="error">{error}</div>}
            {notices.length > 0 && <div className="notice">{notices.join(' ')}</div>}
            <SessionNotice />
          </section>
          <div className="stage-grid">
            <div className="area-latent"><PanelBoundary name="latent view"><LatentView /></PanelBoundary></div>
            <section className="card area-queue" aria-label="Queue">
              <PanelBoundary name="labelling"><QueuePanel /></PanelBoundary>
              <HoverInfo />
            </section>
            <div className="area-input secondary-keep"><PanelBoundary name="input view"><InputView /></PanelBoundary></div>
            {/* presenter mode hides these: not drawn at all then (plotly would lay out hidden plots at every stage) */}
            {!present && <div className="area-learning secondary"><PanelBoundary name="learning curve"><LearningView /></PanelBoundary></div>}
            {!present && <div className="area-tabs secondary"><PanelBoundary name="histogram and loss"><SecondaryTabs /></PanelBoundary></div>}
          </div>
          <div className="secondary"><PanelBoundary name="compare"><Suspense fallback={null}><ComparePanel /></Suspense></PanelBoundary></div>
        </main>
      </div>
    </div>
  );
}

