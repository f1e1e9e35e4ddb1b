// The CLI's JSON for one configuration's runs: per-seed lists (seed x stage), summaries and the collapse flag.
import type { SeedRun } from '../src/engine/seedRun';
import { perSeed } from './runner';

export function runsJson(runs: SeedRun[]) {
  return {
    seeds: runs.map((r) => r.seed),
    labels: runs[0]?.stages.map((s) => s.labels) ?? [],
    auroc: perSeed(runs, 'auroc'),
    ap: perSeed(runs, 'ap'),
    auroc_unlabelled: perSeed(runs, 'aurocUnlabelled'),
    pauc_fpr005_mcclish: perSeed(runs, 'pauc'),
    found: perSeed(runs, 'found'),
    precision: perSeed(runs, 'precision'),
    stage_seconds: perSeed(runs, 'seconds'),
    summary: runs.map((r) => r.summary),
    collapse: runs.map((r) => r.stages.map((s) => s.collapse)),
    collapsed: runs.some((r) => r.collapsed),
  };
}
