// A tiny React wrapper around Plotly.react: lazy-loads plotly, renders through the queue, reports hovers.
import { useEffect, useRef } from 'react';
import type { Figure } from './plots/figure';
import { enqueueRender } from './renderQueue';
import { recordFigure, recordRenderTime } from './plotRegistry';
import { labStore } from './useLab';

type PlotlyModule = typeof import('plotly.js-dist-min');
let plotlyPromise: Promise<PlotlyModule> | null = null;
export function loadPlotly(): Promise<PlotlyModule> {
  plotlyPromise ??= labReady()
    .then(() => import('plotly.js-dist-min'))
    .then((m) => ((m as unknown as { default?: PlotlyModule }).default ?? m) as PlotlyModule);
  return plotlyPromise;
}

/**
 * Plotly's 4.6 MB script blocks the page for about a second while it is evaluated: start it once the
 * backend is chosen and the data loaded (nothing is plotted before a round anyway), in an idle moment.
 */
function labReady(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 300 }) : setTimeout(resolve, 0));
    const ready = (s: ReturnType<typeof labStore.getState>) => s.backend !== null && s.data !== null;
    if (ready(labStore.getState())) return void idle();
    const fallback = setTimeout(() => (unsubscribe(), idle()), 4000); // a failed load still gets its plots
    const unsubscribe = labStore.subscribe((s) => {
      if (!ready(s)) return;
      clearTimeout(fallback);
      unsubscribe();
      idle();
    });
  });
}

interface PlotlyDiv extends HTMLDivElement {
  on?(event: string, cb: (e: { points?: Array<{ customdata?: unknown; pointIndex?: number; pointNumber?: number; data?: { meta?: unknown; customdata?: unknown[] } }> }) => void): void;
  data?: Array<{ meta?: unknown }>;
}

const CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ['lasso2d', 'select2d'] };

export interface PlotProps {
  id: string;
  figure: Figure | null;
  /** a hovered point: the pool index in customdata[0], or null when the pointer leaves */
  onHover?(index: number | null): void;
  /** cheap update of the 'hover' trace without redrawing the rest */
  highlight?: { x: number[]; y: number[] } | null;
  height?: number;
  empty?: string;
  /** drawn before the first real figure, so plotly's one-off setup (WebGL contexts) happens at page load */
  placeholder?: Figure;
  /** costly to draw: wait while the worker trains (see setRenderHold) */
  heavy?: boolean;
  /** points picked by a click or a box/lasso selection (pool indices from customdata[0]); enables the select tools */
  onSelect?(indices: number[]): void;
}

export function Plot({ id, figure, onHover, highlight, height = 460, empty, placeholder, heavy = false, onSelect }: PlotProps) {
  const ref = useRef<PlotlyDiv>(null);
  const ready = useRef(false);
  const hlKey = useRef({});
  const hoverCb = useRef(onHover);
  hoverCb.current = onHover;
  const selectCb = useRef(onSelect);
  selectCb.current = onSelect;
  const config = onSelect ? { ...CONFIG, modeBarButtonsToRemove: [] } : CONFIG;

  useEffect(() => {
    const el = ref.current;
    const fig = figure ?? placeholder;
    if (!el || !fig) return;
    if (figure) recordFigure(id, figure);
    enqueueRender(el, async () => {
      const Plotly = await loadPlotly();
      const t0 = performance.now();
      await Plotly.react(el, fig.data as never, { ...fig.layout, height } as never, config as never);
      if (figure) recordRenderTime(id, performance.now() - t0);
      if (!ready.current && el.on) {
        ready.current = true;
        el.on('plotly_hover', (e) => {
          const cd = e.points?.[0]?.customdata;
          if (Array.isArray(cd) && typeof cd[0] === 'number') hoverCb.current?.(cd[0]);
        });
        el.on('plotly_unhover', () => hoverCb.current?.(null));
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
        el.on('plotly_selected', (e) => selectCb.current?.(picked(e)));
      }
    }, heavy && !!figure);
  }, [figure, id, height]);

  useEffect(() => {
    const el = ref.current;
    if (!el || highlight === undefined) return;
    enqueueRender(hlKey.current, async () => {
      if (!el.data) return;
      const Plotly = await loadPlotly();
      const k = el.data.findIndex((t) => t.meta === 'hover');
      if (k < 0) return;
      await Plotly.restyle(el, { x: [highlight?.x ?? []], y: [highlight?.y ?? []] } as never, [k]);
    }, heavy);
  }, [highlight]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) void loadPlotly().then((P) => P.purge(el));
    };
  }, []);

  return (
    <div className="plot-wrap" style={{ minHeight: height }}>
      <div ref={ref} data-testid={`plot-${id}`} className="plot" />
      {!figure && <div className="plot-empty">{empty ?? 'Train a round to see this plot.'}</div>}
    </div>
  );
}
