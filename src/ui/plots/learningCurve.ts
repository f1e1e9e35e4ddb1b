// Plot 3, learning curve: AUROC and AP against the number of labels, one point per stage, runs overlaid.
import { curveFromSnapshots, type CurvePoint, type RunCurve } from '../../store/curves';
import { plainText } from './text';
import { baseLayout, type Figure, type Trace } from './figure';
import { RUN_COLOURS } from './palette';

export type { CurvePoint, RunCurve };

export const LEARNING_EXPLAIN =
  'Ranking quality (AUROC, solid; average precision, dashed) after each round, against how many labels were given; higher is better.';

export { curveFromSnapshots };

export function learningCurveFigure(runs: RunCurve[]): Figure {
  const data: Trace[] = [];
  runs.forEach((run, k) => {
    const label = plainText(run.label);
    const color = RUN_COLOURS[k % RUN_COLOURS.length]!;
    const xs = run.points.map((p) => p.labels);
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: `AUROC · ${label}`,
      meta: `auroc:${run.id}`,
      x: xs,
      y: run.points.map((p) => p.auroc),
      customdata: run.points.map((p) => p.stage),
      hovertemplate: `${label}<br>stage %{customdata}, %{x} labels<br>AUROC %{y:.3f}<extra></extra>`,
      line: { color, width: 3 },
      marker: { size: 10, color },
    });
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: `AP · ${label}`,
      meta: `ap:${run.id}`,
      x: xs,
      y: run.points.map((p) => p.ap),
      customdata: run.points.map((p) => p.stage),
      hovertemplate: `${label}<br>stage %{customdata}, %{x} labels<br>AP %{y:.3f}<extra></extra>`,
      line: { color, width: 2, dash: 'dash' },
      marker: { size: 8, color, symbol: 'square' },
    });
  });
  const layout = baseLayout('Learning curve', 'labels given', 'AUROC / AP', {
    yaxis: { title: { text: 'AUROC / AP' }, range: [0, 1.02], zeroline: false },
    xaxis: { title: { text: 'labels given' }, rangemode: 'tozero', zeroline: false },
  });
  return { data, layout };
}
