// Protocol metrics over a run's stages: the discovery curve (Das et al. 2016) and learning-curve summaries
// (Trittenbach et al. 2021: start quality, end quality, area, ramp-up).
import type { Label } from '../core/types';

export interface Discovery {
  /** labels spent so far (distinct labelled samples) */
  labels: number;
  /** true anomalies among them */
  found: number;
  /** found / labels; null before the first label */
  precision: number | null;
}

/** One point of the discovery curve from the labels known at a stage. */
export function discovery(labelled: ReadonlyArray<readonly [number, Label]>): Discovery {
  let found = 0;
  for (const [, l] of labelled) found += l;
  return { labels: labelled.length, found, precision: labelled.length ? found / labelled.length : null };
}

export interface CurveSummary {
  /** quality at stage 0 (no labels) */
  start: number | null;
  /** quality at the last stage */
  end: number | null;
  /** trapezoid area under quality against the stage index, divided by the number of rounds: on the quality scale */
  area: number | null;
  /** quality gained by the first query round: stage 1 minus stage 0 */
  rampUp: number | null;
}

/** Summaries of one learning curve (one value per stage); null where a stage has no value. */
export function summarizeCurve(values: ReadonlyArray<number | null>): CurveSummary {
  const ok = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
  const n = values.length;
  const start = ok(values[0]) ? values[0] : null;
  const end = n > 0 && ok(values[n - 1]) ? values[n - 1]! : null;
  let area: number | null = null;
  if (n === 1) area = start;
  else if (n > 1 && values.every(ok)) {
    let a = 0;
    for (let t = 1; t < n; t++) a += ((values[t] as number) + (values[t - 1] as number)) / 2;
    area = a / (n - 1);
  }
  const rampUp = n > 1 && start !== null && ok(values[1]) ? (values[1] as number) - start : null;
  return { start, end, area, rampUp };
}
