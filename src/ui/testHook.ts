// window.__lab: a small read-only view of the page for end-to-end tests and the console.
import { renderCounts, traceSummaries } from './plotRegistry';
import { labStore } from './useLab';

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
  hover(index: number | null): void;
}

export function installTestHook(): void {
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
    hover: (i) => labStore.getState().setHover(i),
  };
  (window as unknown as { __lab: LabTestHook }).__lab = hook;
}
