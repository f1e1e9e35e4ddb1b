// window.__lab: a small read-only view of the page for end-to-end tests and the console; raw commands only with ?test.
import { renderCounts, renderTimes, traceSummaries } from './plotRegistry';
import { labStore } from './useLab';
import type { Command } from '../protocol';
import { testPage } from '../client/labClient';
import { loadPlotly } from './Plot';
import { compareHook, type CompareHook } from './compare/hook';

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
  /** only on a page opened with ?test: make the next training epoch fail like a lost GPU device (tests the fallback) */
  failNext?(): void;
  /** only on a page opened with ?test: send a raw command to the worker (crashes, tiny epoch counts on slow backends) */
  send?(cmd: Command): void;
  /** the plotly module (loaded on demand), for render-time experiments */
  plotly(): Promise<unknown>;
  /** the scores of a stage's snapshot (default: the last), in pool order, for reproducibility checks */
  scores(stage?: number): number[] | null;
  /** longest main-thread long task (ms) seen since the last reset, from a PerformanceObserver */
  longTasks(reset?: boolean): { max: number; count: number; trainingMax: number; trainingCount: number; detail: string };
  /** the strategy comparison panel (src/ui/compare) */
  compare: CompareHook;
}

let longMax = 0;
let longCount = 0;
let trainMax = 0;
let trainCount = 0;
const entries: Array<{ start: number; end: number }> = [];
const busySpans: Array<{ start: number; end: number }> = [];
let busySince: number | null = null;

/** A long task counts as "during training" when it overlaps a span in which the worker was busy. */
function overlapsTraining(e: { start: number; end: number }): boolean {
  return busySpans.some((b) => e.start < b.end && e.end > b.start) || (busySince !== null && e.end > busySince);
}

export function installTestHook(send: (cmd: Command) => void): void {
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longMax = Math.max(longMax, e.duration);
        longCount += 1;
        entries.push({ start: e.startTime, end: e.startTime + e.duration });
      }
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    // browsers without the Long Tasks API report zero
  }
  labStore.subscribe((s, prev) => {
    if (s.run.busy === prev.run.busy) return;
    const now = performance.now();
    if (s.run.busy) busySince = now;
    else if (busySince !== null) {
      busySpans.push({ start: busySince, end: now });
      busySince = null;
    }
  });
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
    plotly: loadPlotly,
    compare: compareHook,
    // sabotage and raw commands only where a test asked for them in the address
    ...(testPage() ? { send, failNext: () => send({ type: 'debugFailNext' }) } : {}),
    scores(stage) {
      const snaps = labStore.getState().snapshots;
      const m = stage === undefined ? snaps[snaps.length - 1] : snaps.find((x) => x.snapshot.stage === stage);
      return m ? Array.from(m.snapshot.scores) : null;
    },
    longTasks(reset = false) {
      const during = entries.filter(overlapsTraining);
      trainMax = during.reduce((m, e) => Math.max(m, e.end - e.start), 0);
      trainCount = during.length;
      const detail = `tasks ${entries.map((e) => `${e.start.toFixed(0)}+${(e.end - e.start).toFixed(0)}`).join(' ')}; busy ${busySpans.map((b) => `${b.start.toFixed(0)}-${b.end.toFixed(0)}`).join(' ')}`;
      const r = { max: longMax, count: longCount, trainingMax: trainMax, trainingCount: trainCount, detail };
      if (reset) {
        longMax = longCount = 0;
        entries.length = 0;
        busySpans.length = 0;
      }
      return r;
    },
  };
  (window as unknown as { __lab: LabTestHook }).__lab = hook;
}
