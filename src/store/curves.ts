// A run's learning curve as data (one point per stage); the figure is drawn in ui/plots/learningCurve.
import type { StageSnapshot } from '../core/types';

export interface CurvePoint {
  stage: number;
  labels: number;
  auroc: number | null;
  ap: number | null;
}

export interface RunCurve {
  id: string;
  label: string;
  points: CurvePoint[];
}

export function curveFromSnapshots(snaps: StageSnapshot[]): CurvePoint[] {
  return snaps.map((s) => ({ stage: s.stage, labels: s.labelled.length, auroc: s.auroc, ap: s.ap }));
}
