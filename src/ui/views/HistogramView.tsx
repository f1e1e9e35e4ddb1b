// View 2: the score histogram.
import { useMemo } from 'react';
import { HISTOGRAM_EXPLAIN, HISTOGRAM_TOP, histogramFigure } from '../plots/histogram';
import { Plot } from '../Plot';
import { placeholderFigure } from '../plots/figure';

const PLACEHOLDER = placeholderFigure('Score histogram', 'anomaly score ||phi(x) - c||²', 'samples (log)', ['bar'], { margin: { l: 60, r: 12, t: HISTOGRAM_TOP, b: 50 } });
import { useLab } from '../useLab';
import { useCurrent } from './derived';
import { PlotCard } from './PlotCard';

export function HistogramView() {
  const cur = useCurrent();
  const showTruth = useLab((s) => s.showTruth);
  // the open answers join the histogram at the next round: a key press redraws no plot
  const figure = useMemo(
    () => (cur ? histogramFigure(cur.msg.snapshot, cur.table, { truth: cur.truth, showTruth, hover: null }) : null),
    [cur, showTruth],
  );
  return (
    <PlotCard id="histogram" explain={HISTOGRAM_EXPLAIN}>
      <Plot id="histogram" figure={figure} placeholder={PLACEHOLDER} heavy />
    </PlotCard>
  );
}
