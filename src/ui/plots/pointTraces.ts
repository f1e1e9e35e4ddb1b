// Scatter traces of the pool styled by state (shared by the latent and input-space views).
import type { StageSnapshot } from '../../core/types';
import type { Trace } from './figure';
import { OKABE_ITO, STATE_STYLE, type PointState } from './palette';
import { groupIndices, hoverRows, hoverTemplate, type PointTable, type ViewState } from './points';

const ORDER: PointState[] = ['unlabelled', 'pseudo', 'normal', 'anomaly', 'queued'];

/** Above this many unlabelled points only an even sample of them is drawn (WebGL and hover data stay fast). */
export const MAX_DRAWN = 15000;

/** Every k-th index, so at most `max` remain (the same sample for the same data: points do not flicker). */
export function thin(idx: number[], max = MAX_DRAWN): number[] {
  if (idx.length <= max) return idx;
  const step = idx.length / max;
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(idx[Math.floor(k * step)]!);
  return out;
}

/**
 * One trace per state (empty states are kept so trace counts are stable), then the truth overlay
 * and the hover highlight. customdata[0] is always the pool index.
 */
export function pointTraces(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  s: StageSnapshot,
  t: PointTable,
  v: ViewState,
  opts: { gl: boolean; colourByScore?: boolean; onField?: boolean } = { gl: true },
): Trace[] {
  const g = groupIndices(t);
  const n = s.scores.length;
  const tpl = hoverTemplate(n);
  const traces: Trace[] = [];
  for (const st of ORDER) {
    const all = g[st];
    // labelled, pseudo and queued points are few and always drawn; large unlabelled sets are thinned
    const idx = st === 'unlabelled' ? thin(all) : all;
    const style = STATE_STYLE[st];
    const queued = st === 'queued';
    const byScore = st === 'unlabelled' && opts.colourByScore;
    // on a filled score field, unlabelled points are white with a dark rim so they read on every shade
    const onField = st === 'unlabelled' && opts.onField;
    traces.push({
      type: queued || !opts.gl ? 'scatter' : 'scattergl',
      mode: queued ? 'markers+text' : 'markers',
      name: idx.length < all.length ? `${style.name} (${all.length}, ${idx.length} drawn)` : `${style.name} (${idx.length})`,
      meta: st,
      x: idx.map((i) => x[i]!),
      y: idx.map((i) => y[i]!),
      text: queued ? idx.map((i) => String(t.queueNo[i])) : undefined,
      textfont: queued ? { color: '#000', size: 13, family: 'system-ui, sans-serif' } : undefined,
      customdata: hoverRows(idx, s, t, v.truth, v.answers),
      hovertemplate: tpl,
      marker: {
        color: queued
          ? idx.map((i) => {
              const a = v.answers?.get(i);
              return a === undefined ? style.color : a === 1 ? STATE_STYLE.anomaly.color : STATE_STYLE.normal.color;
            })
          : byScore
            ? idx.map((i) => Math.log10(s.scores[i]! + 1e-12))
            : onField
              ? '#ffffff'
              : style.color,
        colorscale: byScore ? 'Viridis' : undefined,
        showscale: byScore ? true : undefined,
        colorbar: byScore ? { title: { text: 'log10 score' }, thickness: 14 } : undefined,
        symbol: style.symbol,
        size: style.size,
        opacity: st === 'unlabelled' && !onField ? 0.75 : 1,
        line: onField ? { color: '#000', width: 1 } : queued ? { color: '#000', width: 1.5 } : st === 'pseudo' ? undefined : { color: '#fff', width: st === 'unlabelled' ? 0 : 1 },
      },
    });
  }
  const truthIdx: number[] = [];
  if (v.showTruth && v.truth) for (let i = 0; i < n; i++) if (v.truth[i]) truthIdx.push(i);
  traces.push({
    type: 'scatter',
    mode: 'markers',
    name: `true anomaly (${truthIdx.length})`,
    meta: 'truth',
    visible: v.showTruth && v.truth ? true : false,
    x: truthIdx.map((i) => x[i]!),
    y: truthIdx.map((i) => y[i]!),
    hoverinfo: 'skip',
    marker: { symbol: 'circle-open', size: 17, color: OKABE_ITO.vermillion, line: { width: 2.5 } },
  });
  const h = v.hover !== null && v.hover < n ? [v.hover] : [];
  traces.push({
    type: 'scatter',
    mode: 'markers',
    name: 'hovered',
    meta: 'hover',
    showlegend: false,
    x: h.map((i) => x[i]!),
    y: h.map((i) => y[i]!),
    hoverinfo: 'skip',
    marker: { symbol: 'circle-open', size: 28, color: OKABE_ITO.black, line: { width: 3 } },
  });
  return traces;
}
