// View 2: the score histogram.
import { useMemo } from 'react';
import { HISTOGRAM_EXPLAIN, histogramFigure } from '../plots/histogram';
import { Plot } from '../Plot';
import { placeholderFigure } from '../plots/figure';

const PLACEHOLDER = placeholderFigure('Score histogram', 'anomaly score ||phi(x) - c||²', 'number of samples', ['histogram']);
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
