// View 5: the input plane with the score field (2-D data) or a PCA scatter coloured by score.
import { useMemo } from 'react';
import { INPUT_EXPLAIN_2D, INPUT_EXPLAIN_PCA, inputSpaceFigure } from '../plots/inputSpace';
import { Plot } from '../Plot';
import { labStore, useLab } from '../useLab';
import { useCurrent } from './derived';
import { PlotCard } from './PlotCard';

export function InputView() {
  const cur = useCurrent();
  const showTruth = useLab((s) => s.showTruth);
  const answers = useLab((s) => s.answers);
  const hover = useLab((s) => s.hover);
  const data = useLab((s) => s.data);
  const pca = data?.pca ?? false;
  const names: [string, string] = pca
    ? [`PC 1${data?.explained ? ` (${(data.explained[0] * 100).toFixed(0)}% of variance)` : ''}`, `PC 2${data?.explained ? ` (${(data.explained[1] * 100).toFixed(0)}%)` : ''}`]
    : [data?.raw.featureNames[0] ?? 'x1', data?.raw.featureNames[1] ?? 'x2'];
  const figure = useMemo(() => {
    if (!cur || !cur.xy) return null;
    return inputSpaceFigure(cur.msg.snapshot, cur.table, { truth: cur.truth, showTruth, hover: null, answers }, cur.xy, cur.msg.grid, names, pca);
  }, [cur, showTruth, answers, names[0], names[1], pca]);
  const highlight = useMemo(() => {
    if (!cur?.xy || hover === null || 2 * hover >= cur.xy.length) return { x: [], y: [] };
    return { x: [cur.xy[2 * hover]!], y: [cur.xy[2 * hover + 1]!] };
  }, [cur, hover]);
  return (
    <PlotCard id="input" explain={pca ? INPUT_EXPLAIN_PCA : INPUT_EXPLAIN_2D}>
      <Plot id="input" figure={figure} highlight={highlight} onHover={(i) => labStore.getState().setHover(i)} height={520} />
    </PlotCard>
  );
}
