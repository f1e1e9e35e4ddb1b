// The plotting library: fetched at page start in parallel with the lab, and one trimmed, local-only modebar.
import { loadBundle } from './bundle';

export { trimTextCache } from './bundle';

type PlotlyModule = typeof import('plotly.js-dist-min');

let plotlyPromise: Promise<PlotlyModule> | null = null;

/** Fetch every plotting chunk at once (the build lists them in a meta tag: vite.config.ts), not slice by slice. */
function preloadChunks(): void {
  if (typeof document === 'undefined') return;
  const meta = document.querySelector<HTMLMetaElement>('meta[name=plotting-chunks]');
  for (const href of meta?.content.split(' ').filter(Boolean) ?? []) {
    const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href, crossOrigin: '' });
    document.head.appendChild(link);
  }
}

/** The partial bundle (./bundle), evaluated once in slices; the first plot's effect starts it, after the first frame. */
export function loadPlotly(): Promise<PlotlyModule> {
  if (!plotlyPromise) preloadChunks();
  // the first plot waits one macrotask after the last slice: evaluating plotly and drawing are separate tasks
  plotlyPromise ??= loadBundle().then((m) => new Promise<PlotlyModule>((done) => setTimeout(() => done(m as unknown as PlotlyModule), 0)));
  return plotlyPromise;
}

const glPixelRatio = () => (typeof window !== 'undefined' && window.devicePixelRatio >= 1 ? Math.min(2, window.devicePixelRatio) : 1);

/** Only buttons that act in the page: no "share chart" (it uploads to plotly's cloud), no JSON download, no logo link. */
const VIEW_BUTTONS = ['zoom2d', 'pan2d', 'zoomIn2d', 'zoomOut2d', 'autoScale2d', 'resetScale2d'];

export function plotConfig(selectable: boolean) {
  return {
    displaylogo: false,
    responsive: true,
    showSendToCloud: false,
    plotlyServerURL: '',
    showTips: false,
    modeBarButtons: [['toImage'], selectable ? [...VIEW_BUTTONS, 'select2d', 'lasso2d'] : VIEW_BUTTONS],
    // WebGL at the screen's own resolution (plotly draws at 2x by default): a quarter of the pixels on a projector,
    // which a software renderer rasterises while the page waits (0.3-0.5 s a draw at 15k points at 2x)
    plotGlPixelRatio: glPixelRatio(),
  };
}
