// One (configuration, seed) run of the protocol with the simulated oracle, and its per-stage metrics:
// the one runner behind `npm run experiment`, `npm run paper` and the lab's comparison panel.
import { collapseStats, type CollapseStats } from './collapse';
import { discovery, summarizeCurve, type CurveSummary } from './curves';
import { partialAuroc } from './metrics';
import type { RunConfig, StageSnapshot } from '../core/types';

/** pAUC is the McClish-standardised partial AUROC up to this false-positive rate. */
export const PAUC_MAX_FPR = 0.05;

export interface StageResult {
  stage: number;
  /** labels spent when this stage trained, and the true anomalies among them (discovery curve) */
  labels: number;
  found: number;
  /** found / labels, null at stage 0 */
  precision: number | null;
  /** over the whole pool, as the paper (null when the pool has one class only) */
  auroc: number | null;
  ap: number | null;
  /** over the samples still unlabelled when this stage trained */
  aurocUnlabelled: number | null;
  /** partial AUROC, FPR <= PAUC_MAX_FPR, McClish-standardised */
  pauc: number | null;
  seconds: number;
  collapse: CollapseStats;
}

export const CURVE_METRICS = ['auroc', 'ap', 'aurocUnlabelled', 'pauc'] as const;
export type CurveMetric = (typeof CURVE_METRICS)[number];

export interface SeedRun {
  /** the configuration's key, 'nce/abs/ps1' */
  key: string;
  seed: number;
  stages: StageResult[];
  /** learning-curve summaries per metric */
  summary: Record<CurveMetric, CurveSummary>;
  /** some stage's scores collapsed (see collapse.ts) */
  collapsed: boolean;
  /** wall time of the whole run */
  seconds: number;
}

/** 'nce/abs/ps1', the key the CLI, the report and the panel use. */
export const configKey = (c: Pick<RunConfig, 'loss' | 'query' | 'pseudo'>) => `${c.loss}/${c.query}/ps${c.pseudo ? 1 : 0}`;

/** The metrics of one stage; `truth` are the pool's labels. */
export function stageResult(snap: StageSnapshot, truth: Uint8Array | null): StageResult {
  const d = discovery(snap.labelled);
  return {
    stage: snap.stage, labels: d.labels, found: d.found, precision: d.precision,
    auroc: snap.auroc, ap: snap.ap, aurocUnlabelled: snap.aurocUnlabelled,
    pauc: truth ? partialAuroc(snap.scores, truth, PAUC_MAX_FPR) : null,
    seconds: snap.seconds, collapse: collapseStats(snap.scores, snap.center),
  };
}

/** A run's record from its stages (also used to rebuild one from stored stages). */
export function seedRunOf(key: string, seed: number, stages: StageResult[], seconds: number): SeedRun {
  const summary = Object.fromEntries(CURVE_METRICS.map((m) => [m, summarizeCurve(stages.map((s) => s[m]))])) as Record<CurveMetric, CurveSummary>;
  return { key, seed, stages, summary, collapsed: stages.some((s) => s.collapse.collapsed), seconds };
}

/** The seeds of a batch: whole numbers from 0 to 2^32 - 1, each once. */
export function checkSeeds(seeds: number[]): void {
  if (seeds.length === 0) throw new Error('Give at least one seed.');
  const bad = seeds.find((s) => !Number.isInteger(s) || s < 0 || s > 4294967295);
  if (bad !== undefined) throw new Error(`Seed ${bad} is not a whole number from 0 to 4294967295.`);
  if (new Set(seeds).size !== seeds.length) throw new Error(`The seeds ${seeds.join(', ')} repeat a seed.`);
}
