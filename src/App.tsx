// The lab page: settings on the left; run controls, stepper, progress and the five plots on the right.
import { Controls } from './ui/Controls';
import { QueuePanel } from './ui/QueuePanel';
import { SessionNotice, SessionsPanel } from './ui/sessions/SessionsPanel';
import { BackendLine, HoverInfo, Metrics, ProgressBar, RunControls, Stepper } from './ui/RunPanel';
import { labStore, useLab } from './ui/useLab';
import { LatentView } from './ui/views/LatentView';
import { InputView } from './ui/views/InputView';
import { HistogramView } from './ui/views/HistogramView';
import { LearningView, LossView } from './ui/views/CurveViews';
import { ComparePanel } from './ui/compare/ComparePanel';

/** one empty list: a fresh [] per call would make the store selector loop while no data is loaded yet */
const NO_NOTICES: string[] = [];

export function App() {
  const error = useLab((s) => s.error);
  const showTruth = useLab((s) => s.showTruth);
  const curves = useLab((s) => s.curves.length);
  const notices = useLab((s) => s.data?.notices ?? NO_NOTICES);
  const st = labStore.getState();
  return (
    <div className="app">
      <header>
        <h1>svdd-lab <small>active anomaly detection with Deep SVDD</small></h1>
        <BackendLine />
      </header>
      <div className="layout">
        <aside>
          <Controls />
          <div className="view-options">
            <label className="field inline">
              <input data-testid="show-truth" type="checkbox" checked={showTruth} onChange={(e) => st.setShowTruth(e.target.checked)} />
              <span>Reveal ground truth</span>
            </label>
            <button data-testid="keep-curve" onClick={() => st.keepCurve()}>Keep this run's curve</button>
            {curves > 0 && <button onClick={() => st.clearCurves()}>Clear {curves} kept curve{curves > 1 ? 's' : ''}</button>}
          </div>
          <SessionsPanel />
        </aside>
        <main>
          <div className="card top">
            <RunControls />
            <Stepper />
            <ProgressBar />
            <Metrics />
            {error && <div className="error" role="alert" data-testid="error">{error}</div>}
            {notices.length > 0 && <div className="notice">{notices.join(' ')}</div>}
            <SessionNotice />
            <QueuePanel />
            <HoverInfo />
          </div>
          <div className="plots">
            <LatentView />
            <InputView />
            <HistogramView />
            <LearningView />
            <LossView />
          </div>
          <ComparePanel />
        </main>
      </div>
    </div>
  );
}
