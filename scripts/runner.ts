// Runs one configuration over seeds 1..N with the simulated oracle and collects stage-wise metrics.
import { Session, makeConfig, simulatedOracle } from '../src/engine/session';
import type { Preset } from '../src/core/choices';
import type { Loss, Mode, Query, RawData, RunConfig } from '../src/core/types';

export interface RunSpec {
  loss: Loss;
  query: Query;
  pseudo: boolean;
  mode: Mode;
  pollution: number | null;
  preset?: Preset;
  overrides?: Partial<RunConfig>;
}

export interface RunResult {
  seeds: number[];
  auroc: number[][];
  ap: number[][];
  stage_seconds: number[][];
  labels: number[];
}

export function specConfig(raw: RawData, spec: RunSpec, seed: number): RunConfig {
  // without a preset both modes use the paper's protocol, so they differ only by the quirks
  return makeConfig(raw, spec.preset ?? 'paper', {
    loss: spec.loss, query: spec.query, pseudo: spec.pseudo, mode: spec.mode, pollution: spec.pollution, seed, ...spec.overrides,
  });
}

export async function runSeeds(raw: RawData, spec: RunSpec, seeds: number, onSeed?: (s: number) => void): Promise<RunResult> {
  if (!raw.labels) throw new Error('The experiment runner needs labelled data (the simulated oracle answers from the labels).');
  const out: RunResult = { seeds: [], auroc: [], ap: [], stage_seconds: [], labels: [] };
  for (let seed = 1; seed <= seeds; seed++) {
    const session = new Session(raw, specConfig(raw, spec, seed));
    try {
      const snaps = await session.run(simulatedOracle(session.pool.labels!));
      out.seeds.push(seed);
      out.auroc.push(snaps.map((s) => s.auroc ?? NaN));
      out.ap.push(snaps.map((s) => s.ap ?? NaN));
      out.stage_seconds.push(snaps.map((s) => s.seconds));
      out.labels = snaps.map((s) => s.labelled.length);
    } finally {
      session.dispose();
    }
    onSeed?.(seed);
  }
  return out;
}
