// plotly's core with only the trace types the lab draws (scatter is in core), evaluated in slices: each import
// below runs the top-level code of the modules it reaches first in its own task (CommonJS modules run once,
// at their first require), leaves before the core, so no single task evaluates the whole library.
import './globalShim';

type PlotlyCore = typeof import('plotly.js-dist-min') & { register(modules: unknown[]): void };

const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;
const waiting: Array<() => void> = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

/** The next macrotask (a message, not a clamped timer): the browser paints and handles input between two slices. */
function nextTask(): Promise<void> {
  return new Promise((done) => {
    if (!channel) return void setTimeout(done, 0);
    waiting.push(done);
    channel.port2.postMessage(0);
  });
}

/** The slices in order; each is one chunk of the build, fetched with the page (see vite.config.ts). */
const SLICES: Array<() => Promise<unknown>> = [
  () => import('@plotly/d3'),
  () => Promise.all([import('d3-time-format'), import('d3-format')]),
  () => import('plotly.js/src/lib'),
  () => import('plotly.js/src/plots/plots'),
  () => import('plotly.js/lib/core'),
  () => import('@plotly/regl'),
  () => Promise.all([import('regl-scatter2d'), import('regl-line2d'), import('regl-error2d')]),
];

/** plotly's text-measure cache: every distinct label's box, kept until 10000 (about 3.5 MB) before plotly resets it. */
let drawing: { savedBBoxes: Record<string, unknown> } | null = null;

/** The boxes plotly may keep: a full redraw of every plot measures about 150 (titles, ticks, legends). */
export const TEXT_BOXES = 400;

/** Lets go of plotly's measured boxes once they pass TEXT_BOXES (a long session's labels would otherwise pile up). */
export function trimTextCache(max = TEXT_BOXES, cache: { savedBBoxes: Record<string, unknown> } | null = drawing): void {
  if (!cache) return;
  let k = 0;
  for (const _ in cache.savedBBoxes) if (++k > max) break;
  if (k > max) cache.savedBBoxes = {};
}

/** plotly, registered with scattergl and bar (the histogram is binned in plots/histogram.ts), after evaluating it slice by slice. */
export async function loadBundle(): Promise<PlotlyCore> {
  for (const slice of SLICES) {
    await slice();
    await nextTask();
  }
  const core = (await import('plotly.js/lib/core')).default;
  const [scattergl, bar] = await Promise.all([import('plotly.js/lib/scattergl'), import('plotly.js/lib/bar')]);
  core.register([scattergl.default, bar.default]);
  drawing = (await import('plotly.js/src/components/drawing')).default;
  return core;
}
