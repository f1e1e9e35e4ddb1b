// What each plot last drew, summarised for the test hook (window.__lab.traces()).
import type { Figure } from './plots/figure';

export interface TraceSummary {
  meta: string | null;
  name: string | null;
  type: string;
  /** the samples a trace draws: its points, or a pre-binned histogram's counts summed */
  points: number;
  visible: boolean;
  /** a fingerprint of the drawn data (positions and colours): two draws of different data differ */
  sig: string;
}

/** Sum of positions and a digest of the marker colours, rounded: enough to tell two figures' data apart. */
function signature(t: { x?: ArrayLike<unknown>; y?: ArrayLike<unknown>; marker?: unknown }): string {
  let sx = 0;
  let sy = 0;
  const add = (a: ArrayLike<unknown> | undefined, f: (v: number) => void) => {
    if (a) for (let i = 0; i < a.length; i++) if (typeof a[i] === 'number') f(a[i] as number);
  };
  add(t.x, (v) => (sx += v));
  add(t.y, (v) => (sy += v));
  const c = (t.marker as { color?: unknown } | undefined)?.color;
  const colour = Array.isArray(c) ? c.map(String).join('').length + ':' + c.slice(0, 8).join(',') : String(c ?? '');
  return `${sx.toPrecision(8)}|${sy.toPrecision(8)}|${colour}`;
}

const sumOf = (a: unknown) => (Array.isArray(a) ? a.reduce((s: number, v) => s + (typeof v === 'number' ? v : 0), 0) : 0);

const figures = new Map<string, TraceSummary[]>();
const renders = new Map<string, number>();

export function recordFigure(id: string, fig: Figure): void {
  figures.set(
    id,
    fig.data.map((t) => ({
      meta: typeof t.meta === 'string' ? t.meta : null,
      name: t.name ?? null,
      type: t.type,
      points: t.type === 'contour' ? ((t.z as unknown[]) ?? []).length : t.type === 'bar' ? sumOf(t.y) : t.x ? t.x.length : 0,
      visible: t.visible !== false,
      sig: signature(t),
    })),
  );
  renders.set(id, (renders.get(id) ?? 0) + 1);
}

const overlays = new Map<string, OverlaySummary>();

export interface OverlaySummary {
  /** queued marks in query order: pool index and fill */
  queued: Array<{ index: number; fill: string }>;
  /** pool indices ringed as disagreeing with the truth */
  rings: number[];
}

/** What a plot's overlay shows now (the queue's squares and the disagreement rings). */
export function recordOverlay(id: string, marks: ReadonlyArray<{ kind: string; index: number; fill: string }>): void {
  overlays.set(id, {
    queued: marks.filter((m) => m.kind === 'queued').map((m) => ({ index: m.index, fill: m.fill })),
    rings: marks.filter((m) => m.kind === 'ring').map((m) => m.index),
  });
}

export function overlaySummaries(): Record<string, OverlaySummary> {
  return Object.fromEntries(overlays);
}

export function traceSummaries(): Record<string, TraceSummary[]> {
  return Object.fromEntries(figures);
}

export function renderCounts(): Record<string, number> {
  return Object.fromEntries(renders);
}

const slowest = new Map<string, number[]>();

/** Keeps the render times (ms) of each plot, for the performance report. */
export function recordRenderTime(id: string, ms: number): void {
  const a = slowest.get(id) ?? [];
  a.push(Math.round(ms));
  slowest.set(id, a.slice(-30));
}

export function renderTimes(): Record<string, number[]> {
  return Object.fromEntries(slowest);
}
