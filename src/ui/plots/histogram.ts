// Plot 2, score histogram by label state, with R^2 and the ABS boundary marked on the score axis.
import type { StageSnapshot } from '../../core/types';
import { baseLayout, type Figure, type Trace } from './figure';
import { OKABE_ITO, STATE_STYLE } from './palette';
import type { PointTable, ViewState } from './points';

export const HISTOGRAM_BINS = 40;
/** the top margin (px): room between the plot's title and the y axis title's end */
export const HISTOGRAM_TOP = 54;

export const HISTOGRAM_EXPLAIN =
  'How many samples get each anomaly score (squared distance to c); labelled anomalies should sit to the right of the boundaries.';

interface Bins { start: number; end: number; size: number }

/** Counts of `xs` in HISTOGRAM_BINS equal bins from 0 (the last bin closed): binned here, not by plotly, whose
 * autobinning of 200k scores was 100 ms of main thread a draw. */
export function binCounts(xs: readonly number[], bins: Bins): number[] {
  const c = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const x of xs) c[Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor((x - bins.start) / bins.size)))]! += 1;
  return c;
}

function bar(name: string, meta: string, xs: number[], color: string, bins: Bins, extra: Partial<Trace> = {}): Trace {
  const c = binCounts(xs, bins);
  const lo = c.map((_, i) => bins.start + i * bins.size);
  return {
    type: 'bar', name: `${name} (${xs.length})`, meta,
    x: lo.map((l) => l + bins.size / 2), width: bins.size,
    // an empty bin has no bar (a log axis has no 0)
    y: c.map((v) => (v > 0 ? v : null)),
    customdata: lo.map((l) => [l, l + bins.size]),
    hovertemplate: `score %{customdata[0]:.3g} to %{customdata[1]:.3g}: %{y} samples<extra>${name}</extra>`,
    marker: { color }, opacity: 0.75, ...extra,
  };
}

export function histogramFigure(s: StageSnapshot, t: PointTable, v: ViewState): Figure {
  const n = s.scores.length;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, s.scores[i]!);
  const r2 = s.radius > 0 ? s.radius * s.radius : null;
  max = Math.max(max, r2 ?? 0, s.absBoundary ?? 0) || 1;
  const bins = { start: 0, end: max * 1.0001, size: (max * 1.0001) / HISTOGRAM_BINS };
  const groups = { unlabelled: [] as number[], normal: [] as number[], anomaly: [] as number[] };
  const truthN: number[] = [];
  const truthA: number[] = [];
  for (let i = 0; i < n; i++) {
    const sc = s.scores[i]!;
    const given = v.answers?.get(i) ?? t.labelled.get(i);
    if (given === 1) groups.anomaly.push(sc);
    else if (given === 0) groups.normal.push(sc);
    else groups.unlabelled.push(sc);
    if (v.truth) (v.truth[i] ? truthA : truthN).push(sc);
  }
  const showTruth = v.showTruth && !!v.truth;
  const data: Trace[] = [
    bar('unlabelled', 'unlabelled', groups.unlabelled, STATE_STYLE.unlabelled.color, bins),
    bar('labelled normal', 'normal', groups.normal, STATE_STYLE.normal.color, bins),
    bar('labelled anomaly', 'anomaly', groups.anomaly, STATE_STYLE.anomaly.color, bins),
    bar('truth: normal', 'truth-normal', showTruth ? truthN : [], OKABE_ITO.sky, bins, {
      visible: showTruth,
      marker: { color: 'rgba(0,0,0,0)', line: { color: OKABE_ITO.blue, width: 2 } },
      opacity: 1,
    }),
    bar('truth: anomaly', 'truth-anomaly', showTruth ? truthA : [], OKABE_ITO.vermillion, bins, {
      visible: showTruth,
      marker: { color: 'rgba(0,0,0,0)', line: { color: OKABE_ITO.vermillion, width: 2.5 } },
      opacity: 1,
    }),
  ];
  const shapes: unknown[] = [];
  const annotations: unknown[] = [];
  const mark = (x: number, color: string, dash: string, text: string) => {
    shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: x, x1: x, y0: 0, y1: 1, line: { color, width: 3, dash } });
    annotations.push({ x, xref: 'x', y: 1, yref: 'paper', text, showarrow: false, xanchor: 'left', yanchor: 'top', font: { color, size: 14 }, bgcolor: 'rgba(255,255,255,0.8)' });
  };
  if (r2 !== null) mark(r2, OKABE_ITO.green, 'solid', ' R²');
  if (s.absBoundary !== null) mark(s.absBoundary, OKABE_ITO.orange, 'dash', ' ABS');
  const layout = baseLayout(`Score histogram, stage ${s.stage}`, 'anomaly score ||phi(x) - c||²', 'number of samples', {
    barmode: 'overlay',
    bargap: 0,
    shapes,
    annotations,
    // a short y title and a taller top margin: on a low plot (1920 x 1080) the long title reached the plot's title
    yaxis: { title: { text: 'samples (log)' }, type: 'log', dtick: 1, zeroline: false },
  });
  layout.margin = { ...(layout.margin as object), t: HISTOGRAM_TOP };
  return { data, layout };
}
