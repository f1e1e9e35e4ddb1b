// What the page exports from the open session: labels, scores and metrics CSV, the model zip (pure builders).
import type { Label } from '../core/types';
import { inPoolOrder } from '../engine/data';
import { metricsTable } from '../engine/metricsTable';
import { labelsCsv, scoresCsv, toCsv } from '../io/export';
import { modelZip } from '../io/model/modelFile';
import { modelInputOf } from './modelInput';
import type { LabData } from './lab';
import type { HistoryEntry } from './labels';
import type { ModelWeights } from './persist-types';
import { sessionFileName } from './sessionFile';

export function labelsCsvOf(lab: Pick<LabData, 'snapshots'>, history: readonly HistoryEntry[]): string {
  const msgs = lab.snapshots;
  const order = msgs.length ? msgs[msgs.length - 1]!.order : null;
  const identity = !order || order.every((o, i) => o === i);
  return labelsCsv(history as HistoryEntry[], identity ? {} : { rowOf: order! });
}

export function scoresCsvOf(st: Pick<LabData, 'snapshots' | 'data' | 'answers'>): string {
  const msgs = st.snapshots;
  if (msgs.length === 0) throw new Error('There are no scores to export yet: train at least one round.');
  const last = msgs[msgs.length - 1]!;
  const truthRaw = st.data?.raw.labels ?? null;
  const truth = truthRaw ? inPoolOrder(truthRaw, last.order) : null;
  const given = new Map<number, Label>(last.snapshot.labelled);
  for (const [i, l] of st.answers) given.set(i, l);
  const identity = last.order.every((o, i) => o === i);
  return scoresCsv(msgs.map((m) => m.snapshot), { truth, labels: given, ...(identity ? {} : { rowOf: last.order }) });
}

/** metrics.csv: per stage AUROC, AP, unlabelled AUROC, pAUC, anomalies found and precision at the budget, then curve summaries. */
export function metricsCsvOf(st: Pick<LabData, 'snapshots' | 'data'>): string {
  const truthRaw = st.data?.raw.labels ?? null;
  const { header, rows } = metricsTable(st.snapshots.map((m) => ({ snapshot: m.snapshot, truth: truthRaw ? inPoolOrder(truthRaw, m.order) : null })));
  return toCsv(header, rows);
}

/** What the session file carries for people beside session.json: the metrics table once a round has trained. */
export const sessionExtrasOf = (st: Pick<LabData, 'snapshots' | 'data'>): Record<string, string> => (st.snapshots.length ? { 'metrics.csv': metricsCsvOf(st) } : {});

export function modelZipOf(m: ModelWeights, st: Pick<LabData, 'run' | 'data' | 'settings' | 'snapshots'>, sessionName: string): { fileName: string; bytes: Uint8Array } {
  const cfg = st.run.config;
  const meta = {
    c: m.c, R: m.R,
    topology: { inputDim: st.data?.raw.d ?? null, hDims: cfg?.sizes.hDims ?? null, repDim: cfg?.sizes.repDim ?? null, note: 'svdd-lab MLP encoder; inputs as userDefinedMetadata.input describes' },
    extra: { dataset: st.settings.dataset, loss: st.settings.loss, query: st.settings.query, seed: st.settings.seed, stage: m.stage },
  };
  const base = sessionFileName(sessionName || 'model').replace(/\.svdd-lab\.zip$/, '');
  // the model carries how its inputs were made (the import's recipe, the pool's scaling), for scoring other files
  const input = st.data ? modelInputOf(st.data.raw, st.snapshots.find((x) => x.snapshot.stage === m.stage) ?? st.snapshots.at(-1) ?? null) : null;
  return { fileName: `${base}.model.zip`, bytes: modelZip(m.tensors, meta, input) };
}
