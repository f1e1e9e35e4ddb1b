// Time left for a comparison batch, estimated from the runs that finished (runs of one batch cost about the same).
export function timeLeft(finished: number[], total: number, currentElapsed: number): number | null {
  if (finished.length === 0) return null;
  const per = finished.reduce((a, b) => a + b, 0) / finished.length;
  const left = total - finished.length;
  if (left <= 0) return 0;
  return Math.max(0, per * left - currentElapsed);
}

/** '1 min 05 s' / '42 s' / 'estimating…' */
export function formatSeconds(s: number | null): string {
  if (s === null) return 'estimating after the first run';
  const r = Math.round(s);
  if (r < 60) return `${r} s`;
  return `${Math.floor(r / 60)} min ${String(r % 60).padStart(2, '0')} s`;
}
