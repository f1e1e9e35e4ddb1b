// The score histogram and the training loss share one panel, as tabs (secondary to the sphere and the queue).
import { useState } from 'react';
import { HistogramView } from './HistogramView';
import { LossView } from './CurveViews';

const TABS = [
  { id: 'histogram', title: 'Score histogram' },
  { id: 'loss', title: 'Training loss' },
] as const;

export function SecondaryTabs() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('histogram');
  return (
    <div className="tabs" data-testid="secondary-tabs">
      <div role="tablist" aria-label="Secondary plots" className="tablist">
        {TABS.map((t) => (
          <button key={t.id} role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`panel-${t.id}`}
            data-testid={`tab-${t.id}`} className={tab === t.id ? 'on' : ''} onClick={() => setTab(t.id)}>
            {t.title}
          </button>
        ))}
      </div>
      {/* both stay mounted (plotly keeps its figure); the hidden one is only not shown */}
      <div role="tabpanel" id="panel-histogram" aria-labelledby="tab-histogram" className={tab === 'histogram' ? '' : 'tab-hidden'}><HistogramView /></div>
      <div role="tabpanel" id="panel-loss" aria-labelledby="tab-loss" className={tab === 'loss' ? '' : 'tab-hidden'}><LossView /></div>
    </div>
  );
}
