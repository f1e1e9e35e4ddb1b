// The loss curve while a stage trains: plain polylines for a canvas (plotly redraws cost 20-150 ms a frame).
import type { EpochLoss } from '../../protocol';

export interface LiveLine {
  phase: 'pretrain' | 'train';
  /** pixel coordinates, x right and y down */
  points: Array<[number, number]>;
  min: number;
  max: number;
}

/** Epochs left to right over the whole log; each phase on its own vertical scale (they differ by orders). */
export function liveLossLines(log: EpochLoss[], width: number, height: number, pad = 8): LiveLine[] {
  const out: LiveLine[] = [];
  const n = log.length;
  for (const phase of ['pretrain', 'train'] as const) {
    const idx = log.flatMap((e, k) => (e.phase === phase && Number.isFinite(e.loss) ? [k] : []));
    if (!idx.length) continue;
    const ys = idx.map((k) => log[k].loss);
    const min = Math.min(...ys);
    const max = Math.max(...ys);
    const span = max - min;
    const x = (k: number) => pad + (n > 1 ? (k / (n - 1)) * (width - 2 * pad) : (width - 2 * pad) / 2);
    const y = (v: number) => (span > 0 ? pad + (1 - (v - min) / span) * (height - 2 * pad) : height / 2);
    out.push({ phase, min, max, points: idx.map((k) => [x(k), y(log[k].loss)]) });
  }
  return out;
}
