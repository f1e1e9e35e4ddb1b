// Okabe-Ito colour-blind-safe palette, and the one mapping from point state to style used by every view.
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#8C8C8C',
} as const;

/** Cycle for overlaid runs (learning curves). */
export const RUN_COLOURS = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.orange, OKABE_ITO.sky, OKABE_ITO.black];

export type PointState = 'unlabelled' | 'normal' | 'anomaly' | 'pseudo' | 'queued';

export const STATE_STYLE: Record<PointState, { name: string; color: string; symbol: string; size: number }> = {
  unlabelled: { name: 'unlabelled', color: OKABE_ITO.grey, symbol: 'circle', size: 7 },
  normal: { name: 'labelled normal', color: OKABE_ITO.blue, symbol: 'circle', size: 11 },
  anomaly: { name: 'labelled anomaly', color: OKABE_ITO.vermillion, symbol: 'diamond', size: 13 },
  pseudo: { name: 'pseudo-abnormal', color: OKABE_ITO.purple, symbol: 'x', size: 9 },
  // the brightest thing on a plot: a yellow square with a black rim and its number (no labelled point is square or yellow)
  queued: { name: 'queued', color: OKABE_ITO.yellow, symbol: 'square', size: 26 },
};

/** A queued point once answered keeps its square and number, filled with the answer's colour. */
export const ANSWER_FILL = { normal: OKABE_ITO.blue, anomaly: OKABE_ITO.vermillion } as const;

/** Continuous colour scale for scores: viridis reads in greyscale and for colour-blind viewers. */
export const SCORE_SCALE = 'Viridis';

/** Big fonts: the plots are projected in class. */
export const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 15, color: '#222' };
