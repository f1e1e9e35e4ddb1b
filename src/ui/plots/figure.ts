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
}

import { FONT } from './palette';

/** Layout defaults shared by every plot: title, axis titles, big fonts, legend on top. */
export function baseLayout(title: string, xTitle: string, yTitle: string, extra: Layout = {}): Layout {
  return {
    title: { text: title, font: { size: 20 }, x: 0.02, xanchor: 'left' },
    font: FONT,
    margin: { l: 70, r: 20, t: 56, b: 110 },
    xaxis: { title: { text: xTitle }, zeroline: false },
    yaxis: { title: { text: yTitle }, zeroline: false },
    legend: { orientation: 'h', yanchor: 'top', y: -0.3, x: 0, font: { size: 13 } },
    hoverlabel: { font: { size: 15 } },
    uirevision: 'keep',
    paper_bgcolor: '#fff',
    plot_bgcolor: '#fff',
    ...extra,
  };
}

/** An empty figure with the plot's titles and trace types, drawn before the first snapshot. */
export function placeholderFigure(title: string, xTitle: string, yTitle: string, types: string[], extra: Layout = {}): Figure {
  // one transparent point per trace: an empty WebGL trace would not set up its context yet
  const data = types.map((type) => ({ type, x: [0], y: [0], showlegend: false, hoverinfo: 'skip', marker: { opacity: 0 }, opacity: 0 }));
  return { data, layout: baseLayout(title, xTitle, yTitle, extra) };
}
