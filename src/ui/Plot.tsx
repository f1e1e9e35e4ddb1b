// A tiny React wrapper around Plotly.react: renders through the queue, restyles overlays, reports hovers.
import { useEffect, useRef, useState } from 'react';
import type { OverlayMark } from './plots/pointTraces';
import { PlotOverlay } from './PlotOverlay';
import { QuickFrame } from './QuickFrame';
import type { Figure } from './plots/figure';
import { tweenStep } from './plots/tween';
import { enqueueRender } from './renderQueue';
import { recordFigure, recordOverlay, recordRenderTime } from './plotRegistry';
import { loadPlotly, plotConfig, trimTextCache } from './plotly/load';
import { pointsInArea } from './plots/paint/raster';
import { paintedHover } from './paintedHover';

export { loadPlotly } from './plotly/load';

interface PlotlyEvent {
  points?: Array<{ customdata?: unknown; pointIndex?: number; pointNumber?: number; data?: { meta?: unknown; customdata?: unknown[] } }>;
  /** a box selection's corners, and a lasso's outline, in data coordinates */
  range?: { x?: number[]; y?: number[] };
  lassoPoints?: { x: number[]; y: number[] };
}

interface PlotlyDiv extends HTMLDivElement {
  on?(event: string, cb: (e: PlotlyEvent) => void): void;
  data?: Array<{ meta?: unknown }>;
}

export interface PlotProps {
  id: string;
  figure: Figure | null;
  /** a hovered point: the pool index in customdata[0], or null when the pointer leaves */
  onHover?(index: number | null): void;
  /** cheap update of the 'hover' trace without redrawing the rest */
  highlight?: { x: number[]; y: number[] } | null;
  /** marks drawn over the plot (numbered queued squares, disagreement rings): answers change them, not the figure */
  overlay?: OverlayMark[];
  /** overlay size factor (presenter mode) */
  scale?: number;
  empty?: string;
  /** a fixed height in px; without it the container's CSS height is used (the bench's grid) */
  height?: number;
  /** drawn before the first real figure, so plotly's one-off setup (WebGL contexts) happens at page load */
  placeholder?: Figure;
  /** costly to draw: wait while the worker trains (see setRenderHold) */
  heavy?: boolean;
  /** points picked by a click or a box/lasso selection (pool indices from customdata[0]); enables the select tools */
  onSelect?(indices: number[]): void;
  /** after drawing `figure`, its points glide to this figure's positions in one transition (same traces) */
  tween?: { to: Figure; ms: number } | null;
}

export function Plot({ id, figure, onHover, highlight, overlay, scale = 1, empty, height, placeholder, heavy = false, onSelect, tween = null }: PlotProps) {
  const ref = useRef<PlotlyDiv>(null);
  const ready = useRef(false);
  const hlKey = useRef({});
  const resizeKey = useRef({}).current;
  const [version, setVersion] = useState(0);
  const hoverCb = useRef(onHover);
  hoverCb.current = onHover;
  const selectCb = useRef(onSelect);
  selectCb.current = onSelect;
  // a painted plot's points are in its image: a box or lasso picks them by position
  const painted = useRef(figure?.painted);
  painted.current = figure?.painted;
  const detach = useRef<(() => void) | null>(null);
  const config = plotConfig(!!onSelect);

  useEffect(() => {
    const el = ref.current;
    const fig = figure ?? placeholder;
    if (!el || !fig) return;
    if (figure) recordFigure(id, tween?.to ?? figure);
    enqueueRender(el, async () => {
      const Plotly = await loadPlotly();
      const t0 = performance.now();
      // the height comes from the container (CSS sizes the bench), so the layout sets none
      await Plotly.react(el, fig.data as never, { ...fig.layout, autosize: true } as never, config as never);
      if (figure) recordRenderTime(id, performance.now() - t0);
      trimTextCache();
      // a User Timing entry for the benchmarks' observers (they name the plot behind a long task), not kept in the
      // page's timeline: one a draw would grow the heap for as long as the lab is open
      const mark = `plot ${id}${figure ? '' : ' (placeholder)'}`;
      performance.measure(mark, { start: t0 });
      performance.clearMeasures(mark);
      // not awaited: the queue draws the other plots while the points move
      const step = figure && tween ? tweenStep(figure, tween.to) : null;
      if (step?.traces.length) {
        const animate = (Plotly as unknown as { animate(el: HTMLElement, frame: unknown, opts: unknown): Promise<void> }).animate;
        void animate(el, step, { transition: { duration: tween!.ms, easing: 'cubic-in-out' }, frame: { duration: tween!.ms, redraw: false }, mode: 'immediate' });
      }
      setVersion((v) => v + 1);
      if (!ready.current && el.on) {
        ready.current = true;
        // zoom, pan and resizes move the overlay's marks
        el.on('plotly_afterplot', () => setVersion((v) => v + 1));
        el.on('plotly_relayout', () => setVersion((v) => v + 1));
        el.on('plotly_hover', (e) => {
          const cd = e.points?.[0]?.customdata;
          if (Array.isArray(cd) && typeof cd[0] === 'number') hoverCb.current?.(cd[0]);
        });
        el.on('plotly_unhover', () => hoverCb.current?.(null));
        detach.current = paintedHover(el, () => painted.current, (i) => hoverCb.current?.(i));
        // scattergl's selection events may leave customdata out: read it from the trace by point number
        type Pt = { customdata?: unknown; pointIndex?: number; pointNumber?: number; data?: { customdata?: unknown[] } };
        const cdOf = (p: Pt) => p.customdata ?? p.data?.customdata?.[p.pointIndex ?? p.pointNumber ?? -1];
        const picked = (e: { points?: Pt[] } | undefined) => [
          ...new Set((e?.points ?? []).map(cdOf).filter((cd): cd is [number] => Array.isArray(cd) && typeof cd[0] === 'number').map((cd) => cd[0])),
        ];
        el.on('plotly_click', (e) => {
          const idx = picked(e);
          if (idx.length) selectCb.current?.(idx.slice(0, 1));
        });
        el.on('plotly_selected', (e) => {
          const p = painted.current;
          const area = { x: e?.range?.x, y: e?.range?.y, lasso: e?.lassoPoints };
          const inImage = p && e ? pointsInArea(p.x, p.y, p.idx, area) : [];
          selectCb.current?.([...new Set([...picked(e), ...inImage])]);
        });
      }
    }, heavy && !!figure);
  }, [figure, tween, id, figure ? null : placeholder]);

  useEffect(() => {
    const el = ref.current;
    if (!el || highlight === undefined) return;
    enqueueRender(hlKey.current, async () => {
      if (!el.data) return;
      const Plotly = await loadPlotly();
      const k = el.data.findIndex((t) => t.meta === 'hover');
      if (k < 0) return;
      await Plotly.restyle(el, { x: [highlight?.x ?? []], y: [highlight?.y ?? []] } as never, [k]);
    });
  }, [highlight]);

  useEffect(() => {
    if (overlay) recordOverlay(id, overlay);
  }, [overlay]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // the bench's grid changes plot sizes without a window resize (side panel, presenter mode)
    let frame = 0;
    const ro = typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          cancelAnimationFrame(frame);
          // a resize is a full relayout (100 ms and more): queued, and held while the worker trains like a heavy draw
          frame = requestAnimationFrame(() => enqueueRender(resizeKey, async () => {
            const P = (await loadPlotly()) as unknown as { Plots: { resize(e: HTMLElement): Promise<unknown> } };
            // plotly refuses a hidden plot (a closed tab): it has nothing to fit
            if (el.data) P.Plots.resize(el).catch(() => undefined);
          }, true));
        })
      : null;
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      detach.current?.();
      cancelAnimationFrame(frame);
      void loadPlotly().then((P) => P.purge(el));
    };
  }, []);

  return (
    <div className="plot-wrap" style={height ? { height } : undefined}>
      <div ref={ref} data-testid={`plot-${id}`} className="plot" />
      {version === 0 && placeholder && <QuickFrame id={id} figure={placeholder} />}
      {figure && overlay && (
        <PlotOverlay plot={ref.current} marks={overlay} version={version} scale={scale} onHover={(i) => hoverCb.current?.(i)} onPick={(i) => selectCb.current?.([i])} />
      )}
      {!figure && <div className="plot-empty">{empty ?? 'Train a round to see this plot.'}</div>}
    </div>
  );
}
