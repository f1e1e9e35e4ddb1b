// window.__lab: a small read-only view of the page for end-to-end tests and the console.
import { renderCounts, renderTimes, traceSummaries } from './plotRegistry';
import { labStore } from './useLab';
import type { Command } from '../worker/protocol';
import { loadPlotly } from './Plot';

export interface LabTestHook {
  state(): {
    backend: string | null;
    backendReason: string | null;
    probes: Array<{ name: string; stepMs: number | null; available: boolean; software: boolean; note: string | null }>;
    dataset: string;
    n: number;
    busy: boolean;
    stage: number;
    nextPhase: string;
    lastPhase: string | null;
    queue: number[];
    labelled: number;
    aurocs: Array<number | null>;
    stages: number[];
    lossEpochs: number;
    error: string | null;
    curves: number;
  };
  traces(): ReturnType<typeof traceSummaries>;
  renders(): ReturnType<typeof renderCounts>;
  renderTimes(): ReturnType<typeof renderTimes>;
  hover(index: number | null): void;
  /** make the next training epoch fail like a lost GPU device (tests the fallback) */
  failNext(): void;
  /** the plotly module (loaded on demand), for render-time experiments */
  plotly(): Promise<unknown>;
  /** longest main-thread long task (ms) seen since the last reset, from a PerformanceObserver */
  longTasks(reset?: boolean): { max: number; count: number };
}

let longMax = 0;
let longCount = 0;

export function installTestHook(send: (cmd: Command) => void): void {
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longMax = Math.max(longMax, e.duration);
        longCount += 1;
      }
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    // browsers without the Long Tasks API report zero
  }
  const hook: LabTestHook = {
    state() {
      const s = labStore.getState();
      return {
        backend: s.backend?.active ?? null,
        backendReason: s.backend?.reason ?? null,
        probes: (s.backend?.probes ?? []).map((p) => ({ name: p.name, stepMs: p.stepMs, available: p.available, software: p.software, note: p.note })),
        dataset: s.settings.dataset,
        n: s.run.n,
        busy: s.run.busy,
        stage: s.run.stage,
        nextPhase: s.run.nextPhase,
        lastPhase: s.lastPhase?.phase ?? null,
        queue: [...s.run.queue],
        labelled: s.run.labelled,
        aurocs: s.snapshots.map((m) => m.snapshot.auroc),
        stages: s.snapshots.map((m) => m.snapshot.stage),
        lossEpochs: s.lossLog.length,
        error: s.error,
        curves: s.curves.length,
      };
    },
    traces: traceSummaries,
    renders: renderCounts,
    renderTimes,
    hover: (i) => labStore.getState().setHover(i),
    failNext: () => send({ type: 'debugFailNext' }),
    plotly: loadPlotly,
    longTasks(reset = false) {
      const r = { max: longMax, count: longCount };
      if (reset) longMax = longCount = 0;
      return r;
    },
  };
  (window as unknown as { __lab: LabTestHook }).__lab = hook;
}
