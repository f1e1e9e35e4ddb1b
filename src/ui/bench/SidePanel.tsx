// The bench's settings panel (collapsible: the plots take its room), view options and the presenter toggle.
import { useState, type ReactNode } from 'react';
import { labStore, useLab } from '../useLab';
import { useViewPrefs, viewPrefs } from '../viewPrefs';

const OPEN_KEY = 'svdd-lab:side';

/** The last choice; open by default. */
function storedOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) !== 'closed';
  } catch {
    return true;
  }
}

export function SidePanel({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(storedOpen);
  const toggle = () => {
    setOpen(!open);
    try {
      localStorage.setItem(OPEN_KEY, open ? 'closed' : 'open');
    } catch {
      // storage refused: the panel keeps its state for this page only
    }
  };
  return (
    <aside className={`side${open ? '' : ' closed'}`} data-testid="side-panel" aria-label="Settings">
      <button className="side-toggle" data-testid="side-toggle" aria-expanded={open} aria-controls="side-body" onClick={toggle}
        title={open ? 'Hide the settings panel' : 'Show the settings panel'}>
        {open ? '◀ Settings' : '▶'}
      </button>
      <div id="side-body" className="side-body" hidden={!open}>{children}</div>
    </aside>
  );
}

export function ViewOptions() {
  const showTruth = useLab((s) => s.showTruth);
  const curves = useLab((s) => s.curves.length);
  const animate = useViewPrefs((s) => s.animate);
  const st = labStore.getState();
  return (
    <div className="view-options">
      <label className="field inline">
        <input data-testid="show-truth" type="checkbox" checked={showTruth} onChange={(e) => st.setShowTruth(e.target.checked)} />
        <span>Reveal ground truth</span>
      </label>
      <label className="field inline">
        <input data-testid="animate" type="checkbox" checked={animate} onChange={(e) => viewPrefs.getState().setAnimate(e.target.checked)} />
        <span>Animate stage changes</span>
      </label>
      <button data-testid="keep-curve" onClick={() => st.keepCurve()}>Keep this run's curve</button>
      {curves > 0 && <button onClick={() => st.clearCurves()}>Clear {curves} kept curve{curves > 1 ? 's' : ''}</button>}
    </div>
  );
}

export function PresentToggle() {
  const present = useLab((s) => s.settings.present);
  return (
    <button className={`present-toggle${present ? ' on' : ''}`} data-testid="present-toggle" aria-pressed={present}
      title="Presenter mode: larger type and markers, high contrast, secondary panels hidden (present=1 in the link)"
      onClick={() => void labStore.getState().applySettings({ present: !present })}>
      {present ? 'Leave presenter mode' : 'Presenter mode'}
    </button>
  );
}
