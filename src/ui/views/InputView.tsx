// View 5: the input plane with the score field (2-D data) or a PCA scatter coloured by score.
import { useDeferredValue, useMemo } from 'react';
import { INPUT_EXPLAIN_2D, INPUT_EXPLAIN_PCA, inputSpaceFigure } from '../plots/inputSpace';
import { Plot } from '../Plot';
import { drawMode, overlayMarks, useWebGL, type OverlayMark } from '../plots/pointTraces';
import { placeholderFigure } from '../plots/figure';
import { hoverTip } from '../plots/points';
import { fieldPixels } from '../plots/field';
import type { ScoreGrid } from '../../protocol';
import { labStore, useLab } from '../useLab';
import { useCurrent, useShownAnswers } from './derived';
import { PlotCard } from './PlotCard';
import { selectPoints } from '../../store/panels';
import { pixelsToUrl } from '../canvasImage';

// a large pool's plot is WebGL, and so is its placeholder: plotly makes the plot's two WebGL contexts (45 ms each)
// when the data loads, not in the first round's draw
const placeholder = (scale: number, gl: boolean) => placeholderFigure('Input space', 'x1', 'x2', [gl ? 'scattergl' : 'scatter'], {}, scale);

/** The field as a PNG data URL (64 x 64 pixels: a millisecond or two). */
const fieldImage = (grid: ScoreGrid): string | null => pixelsToUrl(fieldPixels(grid));

export function InputView() {
  // deferred: a new round's figure is built in a render of its own, not in the task that builds the latent one
  const cur = useDeferredValue(useCurrent());
  const showTruth = useLab((s) => s.showTruth);
  const answers = useShownAnswers(cur);
  const hover = useLab((s) => s.hover);
  const data = useLab((s) => s.data);
  const pca = data?.pca ?? false;
  const names: [string, string] = pca
    ? [`PC 1${data?.explained ? ` (${(data.explained[0] * 100).toFixed(0)}% of variance)` : ''}`, `PC 2${data?.explained ? ` (${(data.explained[1] * 100).toFixed(0)}%)` : ''}`]
    : [data?.raw.featureNames[0] ?? 'x1', data?.raw.featureNames[1] ?? 'x2'];
  const image = useMemo(() => (cur?.msg.grid ? fieldImage(cur.msg.grid) : null), [cur?.msg]);
  const scale = useLab((s) => (s.settings.present ? 1.5 : 1));
  const figure = useMemo(() => {
    if (!cur || !cur.xy) return null;
    return inputSpaceFigure(cur.msg.snapshot, cur.table, { truth: cur.truth, showTruth, hover: null }, cur.xy, cur.msg.grid, names, pca, image, scale, pixelsToUrl);
  }, [cur, showTruth, names[0], names[1], pca, image, scale]);
  // the coordinates once per snapshot; a key press only rebuilds the few marks
  const coords = useMemo(() => {
    if (!cur?.xy) return null;
    const xy = cur.xy;
    const at = { length: xy.length / 2 };
    return { x: Float64Array.from(at, (_, i) => xy[2 * i]!), y: Float64Array.from(at, (_, i) => xy[2 * i + 1]!) };
  }, [cur]);
  const overlay: OverlayMark[] = useMemo(() => {
    if (!cur || !coords) return [];
    const { x, y } = coords;
    const marks = overlayMarks(x, y, cur.table, { truth: cur.truth, showTruth, hover: null, answers });
    // a painted plot shows the hovered point's line itself (plotly has no trace there to label it)
    const tip = (i: number) => (drawMode(x.length) === 'painted' ? hoverTip(i, cur.msg.snapshot, cur.table, cur.truth, answers) : '');
    if (hover !== null && hover < x.length) marks.unshift({ kind: 'hover', index: hover, x: x[hover]!, y: y[hover]!, label: tip(hover), fill: 'transparent', title: `point ${hover}` });
    return marks;
  }, [cur, coords, showTruth, answers, hover]);
  const gl = useLab((s) => useWebGL(s.data?.raw.n ?? 0));
  const empty = useMemo(() => placeholder(scale, gl), [scale, gl]);
  return (
    <PlotCard id="input" explain={pca ? INPUT_EXPLAIN_PCA : INPUT_EXPLAIN_2D}>
      <Plot id="input" figure={figure} overlay={overlay} scale={scale} onHover={(i) => labStore.getState().setHover(i)} onSelect={(idx) => selectPoints('input', idx)} placeholder={empty} heavy />
    </PlotCard>
  );
}
