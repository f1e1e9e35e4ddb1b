// Loose plotly figure types: the pure plot builders return plain objects, the view casts them for Plotly.react.
export interface Trace {
  type: string;
  name?: string;
  x?: ArrayLike<number | string | null>;
  y?: ArrayLike<number | string | null>;
  [key: string]: unknown;
}

export type Layout = Record<string, unknown>;

export interface Figure {
  data: Trace[];
  layout: Layout;
  /** a painted plot's points in its image (plotly cannot select them): a box or lasso picks among them by position */
  painted?: { x: ArrayLike<number>; y: ArrayLike<number>; idx: readonly number[] };
}

import { FONT } from './palette';
import { plainText } from './text';

/**
 * Axis objects of `extra` get their title text escaped too (feature names are user text). Tick labels may
 * overflow the div ('allow'): plotly's default checks every label's box, a forced layout each, 100-500 ms of
 * a cold first plot; the margins keep the labels inside anyway.
 */
function escapeAxis(a: unknown): unknown {
  if (!a || typeof a !== 'object') return a;
  const t = (a as { title?: { text?: unknown } }).title;
  const axis = { ticklabeloverflow: 'allow', ...a };
  return typeof t?.text === 'string' ? { ...axis, title: { ...t, text: plainText(t.text) } } : axis;
}

/**
 * Layout defaults shared by every plot: title, axis titles, big fonts, legend at the foot. Titles are escaped as
 * plain text; `scale` enlarges every font (presenter mode).
 */
export function baseLayout(title: string, xTitle: string, yTitle: string, extra: Layout = {}, scale = 1): Layout {
  const { xaxis, yaxis, ...rest } = extra;
  return {
    title: { text: plainText(title), font: { size: 19 * scale }, x: 0.02, xanchor: 'left' },
    font: { ...FONT, size: FONT.size * scale },
    margin: { l: 60 * scale, r: 12, t: 40 * scale, b: 50 * scale },
    // the x axis pushes the bottom margin by its labels and title, and the legend takes its own rows under them
    xaxis: { automargin: true, ...(escapeAxis(xaxis ?? { title: { text: xTitle }, zeroline: false }) as object) },
    yaxis: escapeAxis(yaxis ?? { title: { text: yTitle }, zeroline: false }),
    // legend rows at the foot of the figure (container coordinates): plotly reserves their height, so they never cover the axis title
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 0, yanchor: 'bottom', yref: 'container', font: { size: 13 * scale } },
    hoverlabel: { font: { size: 15 * scale } },
    uirevision: 'keep',
    paper_bgcolor: '#fff',
    plot_bgcolor: '#fff',
    ...rest,
  };
}

/** A legend beside a square plot (latent, input plane), top-aligned, in smaller type. */
export const SIDE_LEGEND = (scale = 1) => ({ orientation: 'v', x: 1.02, xanchor: 'left', y: 1, yanchor: 'top', font: { size: 12 * scale }, itemsizing: 'constant' });

/** A score colour bar in the upper half of a square plot's side, so a side legend fits under it. */
export const SIDE_COLORBAR = { title: { text: 'log10 score' }, thickness: 14, len: 0.5, y: 1, yanchor: 'top' };

/** plotly's WebGL scatter has a program for circles, one for every other symbol and one for lines */
const GL_SYMBOLS = ['circle', 'square'];
const CLEAR = 'rgba(0,0,0,0)';

/** An empty figure with the plot's titles and trace types, drawn before the first snapshot. */
export function placeholderFigure(title: string, xTitle: string, yTitle: string, types: string[], extra: Layout = {}, scale = 1): Figure {
  // one transparent point per trace: the axes and titles are drawn as they will be
  const data = types.flatMap((type): Trace[] =>
    type === 'scattergl'
      ? // drawn, in clear ink: a software WebGL compiles each marker program at its first draw (0.2 s), now and not in the first round
        [
          ...GL_SYMBOLS.map((symbol) => ({ type, mode: 'markers', x: [0], y: [0], showlegend: false, hoverinfo: 'skip', marker: { color: CLEAR, symbol } })),
          { type, mode: 'lines', x: [0, 0], y: [0, 0], showlegend: false, hoverinfo: 'skip', line: { color: CLEAR } },
        ]
      : [{ type, x: [0], y: [0], showlegend: false, hoverinfo: 'skip', marker: { opacity: 0 }, opacity: 0 }],
  );
  const layout = baseLayout(title, xTitle, yTitle, extra, scale);
  // no legend here, so no margin to push: plotly's first draw at page load skips its auto-margin pass and redraw
  return { data, layout: { ...layout, xaxis: { ...(layout.xaxis as object), automargin: false } } };
}
