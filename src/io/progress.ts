// How far an import has got: the worker reports it to the page, which shows a percentage.
export type Progress = (fraction: number, phase: string) => void;

/** Calls `report` only when the fraction moved by at least a percent (or the phase changed): a few hundred messages at most. */
export function throttled(report: Progress): Progress {
  let last = -1;
  let lastPhase = '';
  return (f, phase) => {
    if (phase === lastPhase && f - last < 0.01 && f < 1) return;
    last = f;
    lastPhase = phase;
    report(Math.max(0, Math.min(1, f)), phase);
  };
}
