// What each plot last drew, summarised for the test hook (window.__lab.traces()).
import type { Figure } from './plots/figure';

export interface TraceSummary {
  meta: string | null;
  name: string | null;
  type: string;
  points: number;
  visible: boolean;
}

const figures = new Map<string, TraceSummary[]>();
const renders = new Map<string, number>();

export function recordFigure(id: string, fig: Figure): void {
  figures.set(
    id,
    fig.data.map((t) => ({
      meta: typeof t.meta === 'string' ? t.meta : null,
      name: t.name ?? null,
      type: t.type,
      points: t.type === 'contour' ? ((t.z as unknown[]) ?? []).length : t.x ? t.x.length : 0,
      visible: t.visible !== false,
    })),
  );
  renders.set(id, (renders.get(id) ?? 0) + 1);
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
