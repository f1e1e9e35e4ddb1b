// Scatter traces of the pool styled by state (shared by the latent and input-space views).
import type { Label, StageSnapshot } from '../../core/types';
import { SIDE_COLORBAR, type Trace } from './figure';
import { ANSWER_FILL, OKABE_ITO, STATE_STYLE, type PointState } from './palette';
import { groupIndices, hoverRows, hoverTemplate, type PointTable, type ViewState } from './points';
import { GREYS, scoreBands, VIRIDIS } from './scoreBands';
import { paintPoints, SVG_MAX, type PaintOpts, type Shading } from './paint/paintedPoints';

const BELOW: PointState[] = ['unlabelled', 'pseudo', 'normal', 'anomaly'];

/** Above this many pool points a plot paints its crowd into an image (plots/paintedPoints), under SVG traces. */
export const PAINT_ABOVE = 8000;

/**
 * From this many pool points a plot is drawn with WebGL (scattergl); below it as SVG. Setting up a WebGL
 * context and regl's shaders costs 0.4-1 s of main thread on a software renderer, more than SVG for a thousand
 * points or so (SVG costs about 0.2-0.5 ms a point per redraw). Every trace of a plot uses the same renderer either way, so trace order is drawing order.
 */
export const WEBGL_FROM = 1000;

/** How a pool of n points is drawn: SVG, WebGL, or painted (an image of the crowd, SVG for the few marked points). */
export type DrawMode = 'svg' | 'webgl' | 'painted';

export const drawMode = (n: number): DrawMode => (n > PAINT_ABOVE ? 'painted' : n >= WEBGL_FROM ? 'webgl' : 'svg');

export const useWebGL = (n: number): boolean => drawMode(n) === 'webgl';

/** The plot's own queued marker (px): smaller than the overlay's square and its leader dot, which draw over it. */
export const QUEUED_DOT = 10;

export interface PointOpts {
  gl: boolean;
  colourByScore?: boolean;
  /** unlabelled points shaded light to dark grey by score (the latent view once a stage is scored) */
  shadeByScore?: boolean;
  onField?: boolean;
  /** marker and text size factor (presenter mode: 1.5) */
  scale?: number;
  /** a painted plot (drawMode 'painted'): where its image goes and how it is encoded; all traces are then SVG */
  paint?: PaintOpts;
}

export interface PointLayers {
  traces: Trace[];
  /** the painted image (a plotly layout image), when the plot is painted and the page could encode it */
  images: Array<Record<string, unknown>>;
  /** the pool indices in the image: a box or lasso selects among them by position */
  painted: readonly number[];
}

/** A queued point's fill: yellow while open, the answer's colour once answered in the page. */
function queuedFill(i: number, answers: ReadonlyMap<number, Label> | undefined, t: PointTable): string {
  // an answer in the page, else the label the oracle gave (after the stepper's label step)
  const a = answers?.get(i) ?? t.labelled.get(i);
  return a === undefined ? STATE_STYLE.queued.color : a === 1 ? ANSWER_FILL.anomaly : ANSWER_FILL.normal;
}

/** Points whose given label (an answer in the page, else a stored label) disagrees with the truth. */
export function disagreeing(t: PointTable, truth: Uint8Array | null, answers?: ReadonlyMap<number, Label>): number[] {
  if (!truth) return [];
  const given = new Map(t.labelled);
  if (answers) for (const [i, l] of answers) given.set(i, l);
  const out: number[] = [];
  for (const [i, l] of given) if (i < truth.length && truth[i] !== l) out.push(i);
  return out.sort((a, b) => a - b);
}

/** One mark drawn over the plot (HTML, above the WebGL canvas): a numbered queued square or a disagreement ring. */
export interface OverlayMark {
  kind: 'queued' | 'ring' | 'hover';
  index: number;
  /** data coordinates */
  x: number;
  y: number;
  /** the query number on a queued square, '' on a ring */
  label: string;
  fill: string;
  /** what the mark means, for its accessible name and tooltip */
  title: string;
}

/**
 * The marks that follow the open answers: each queued point as its numbered square (filled with the answer
 * once given), and a ring on every point whose label disagrees with the truth while it is revealed. They are
 * an overlay, so a key press changes a few elements and redraws no plot.
 */
export function overlayMarks(x: ArrayLike<number>, y: ArrayLike<number>, t: PointTable, v: ViewState): OverlayMark[] {
  const marks: OverlayMark[] = [];
  if (v.showTruth && v.truth) {
    for (const i of disagreeing(t, v.truth, v.answers)) {
      marks.push({ kind: 'ring', index: i, x: x[i]!, y: y[i]!, label: '', fill: 'transparent', title: `point ${i}: labelled ${v.truth[i] ? 'normal' : 'anomaly'}, truth says ${v.truth[i] ? 'anomaly' : 'normal'}` });
    }
  }
  for (const i of groupIndices(t).queued) {
    const a = v.answers?.get(i) ?? t.labelled.get(i);
    const said = a === undefined ? 'not answered yet' : a === 1 ? 'answered anomaly' : 'answered normal';
    marks.push({ kind: 'queued', index: i, x: x[i]!, y: y[i]!, label: String(t.queueNo[i]), fill: queuedFill(i, v.answers, t), title: `point ${i}: queued #${t.queueNo[i]}, ${said}` });
  }
  return marks;
}

/**
 * One trace per state (empty states are kept so trace counts are stable), the truth rings,
 * the hover highlight, and the numbered queued points last so they are drawn on top. On WebGL plots every
 * trace is scattergl, on the others every one is SVG: one renderer, so drawing order is trace order. customdata[0] is always the pool index.
 */
export function pointTraces(x: ArrayLike<number>, y: ArrayLike<number>, s: StageSnapshot, t: PointTable, v: ViewState, opts: PointOpts = { gl: true }): PointLayers {
  const g = groupIndices(t);
  const n = s.scores.length;
  const k = opts.scale ?? 1;
  const gl = opts.gl && !opts.paint;
  const type = gl ? 'scattergl' : 'scatter';
  const tpl = hoverTemplate(n);
  const traces: Trace[] = [];
  const truthIdx: number[] = [];
  if (v.showTruth && v.truth) for (let i = 0; i < n; i++) if (v.truth[i]) truthIdx.push(i);
  const shading: Shading = opts.colourByScore ? 'viridis' : opts.onField ? 'onField' : opts.shadeByScore ? 'greys' : 'flat';
  const painted = opts.paint ? paintPoints(x, y, s, g, v, truthIdx, shading, k, opts.paint) : null;
  for (const st of BELOW) {
    const idx = g[st];
    const proxy = painted?.legend.get(st);
    if (proxy) {
      traces.push(proxy);
      continue;
    }
    const style = STATE_STYLE[st];
    const byScore = st === 'unlabelled' && opts.colourByScore;
    const shade = st === 'unlabelled' && !byScore && opts.shadeByScore;
    // on a filled score field, unlabelled points are white with a dark rim so they read on every shade
    const onField = st === 'unlabelled' && opts.onField;
    const name = `${style.name} (${idx.length})`;
    const marker = {
      symbol: style.symbol,
      size: style.size * k,
      opacity: st === 'unlabelled' && !onField ? 0.75 : 1,
      line: onField ? { color: '#000', width: 1 } : st === 'pseudo' ? undefined : { color: '#fff', width: st === 'unlabelled' ? 0 : 1 },
    };
    const logScore = (i: number) => Math.log10(s.scores[i]! + 1e-12);
    if (gl && (byScore || shade)) {
      traces.push(...bandTraces(x, y, idx, logScore, !!byScore, { type, name, tpl, marker, rows: (ix) => hoverRows(ix, s, t, v.truth, v.answers) }));
      continue;
    }
    traces.push({
      type,
      mode: 'markers',
      name,
      meta: st,
      x: idx.map((i) => x[i]!),
      y: idx.map((i) => y[i]!),
      customdata: hoverRows(idx, s, t, v.truth, v.answers),
      hovertemplate: tpl,
      marker: {
        ...marker,
        color: byScore || shade ? idx.map(logScore) : onField ? '#ffffff' : style.color,
        colorscale: byScore ? 'Viridis' : shade ? GREYS.map((c) => [...c]) : undefined,
        showscale: byScore ? true : undefined,
        colorbar: byScore ? SIDE_COLORBAR : undefined,
      },
    });
  }
  const truthProxy = painted?.legend.get('truth');
  traces.push(truthProxy ? { ...truthProxy, visible: true } : {
    type,
    mode: 'markers',
    name: `true anomaly (${truthIdx.length})`,
    meta: 'truth',
    visible: v.showTruth && v.truth ? true : false,
    x: truthIdx.map((i) => x[i]!),
    y: truthIdx.map((i) => y[i]!),
    hoverinfo: 'skip',
    marker: { symbol: 'circle-open', size: 17 * k, color: OKABE_ITO.vermillion, line: { width: 2.5 * k } },
  });
  const h = v.hover !== null && v.hover < n ? [v.hover] : [];
  traces.push({
    type,
    mode: 'markers',
    name: 'hovered',
    meta: 'hover',
    showlegend: false,
    x: h.map((i) => x[i]!),
    y: h.map((i) => y[i]!),
    hoverinfo: 'skip',
    marker: { symbol: 'circle-open', size: 36 * k, color: OKABE_ITO.black, line: { width: 3 * k } },
  });
  // a painted plot keeps the first SVG_MAX queued points as SVG; the rest are in its image
  const q = opts.paint && g.queued.length > SVG_MAX ? g.queued.slice(0, SVG_MAX) : g.queued;
  traces.push({
    type,
    // the numbers are drawn by the overlay (crisp HTML text above the canvas); the trace carries hover and legend
    mode: 'markers',
    name: `${STATE_STYLE.queued.name} (${g.queued.length})`,
    meta: 'queued',
    x: q.map((i) => x[i]!),
    y: q.map((i) => y[i]!),
    text: q.map((i) => String(t.queueNo[i])),
    customdata: hoverRows(q, s, t, v.truth, v.answers),
    hovertemplate: tpl,
    // a small square on the point itself: the overlay's numbered square (or a moved square's leader dot) covers it
    marker: { color: q.map((i) => queuedFill(i, v.answers, t)), symbol: STATE_STYLE.queued.symbol, size: QUEUED_DOT * k, line: { color: '#000000', width: 1.5 * k } },
  });
  return { traces, images: painted?.image ? [painted.image] : [], painted: painted?.idx ?? [] };
}

interface BandStyle {
  type: string;
  name: string;
  tpl: string;
  marker: Record<string, unknown>;
  rows: (idx: readonly number[]) => unknown[][];
}

/**
 * A WebGL plot's shaded points as SCORE_BANDS single-colour traces, lowest scores first (the darkest on top); the
 * first carries the legend entry and, coloured by score, the colour bar over the bands' range.
 */
function bandTraces(x: ArrayLike<number>, y: ArrayLike<number>, idx: readonly number[], value: (i: number) => number, viridis: boolean, st: BandStyle): Trace[] {
  const b = scoreBands(idx.map(value), viridis ? VIRIDIS : GREYS);
  return b.members.map((m, k) => {
    const ix = m.map((j) => idx[j]!);
    const bar = viridis && k === 0 ? { colorscale: 'Viridis', cmin: b.lo, cmax: b.hi, showscale: true, colorbar: SIDE_COLORBAR } : {};
    return {
      type: st.type,
      mode: 'markers',
      name: st.name,
      meta: 'unlabelled',
      legendgroup: 'unlabelled',
      showlegend: k === 0,
      x: ix.map((i) => x[i]!),
      y: ix.map((i) => y[i]!),
      customdata: st.rows(ix),
      hovertemplate: st.tpl,
      marker: { ...st.marker, color: b.colours[k], ...bar },
    };
  });
}
