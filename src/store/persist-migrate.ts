// Upgrades saved sessions of older schema versions to the current one, and checks the shape of what it returns.
import type { Label, StageSnapshot } from '../core/types';
import type { HistoryEntry, LabelsSnapshot } from './labels';
import { logFromHistory } from './log';
import { SCHEMA_VERSION } from './persist-types';
import type { SessionRecord } from './persist-types';
import { DEFAULT_SETTINGS } from './urlState';

/** v1 (first release): labels were a plain object index -> 0/1, with no history; the queue sat beside them. */
export interface SessionRecordV1 extends Omit<SessionRecord, 'schemaVersion' | 'log' | 'runId'> {
  schemaVersion: 1;
  labels: Record<string, Label>;
  queue?: number[];
  round?: number;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Returns a current-version record; throws a sentence saying what is wrong when it cannot. */
export function migrate(record: unknown): SessionRecord {
  if (!isObj(record)) throw new Error('The saved session is not an object');
  const v = record.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new Error(`The saved session has no valid schemaVersion (found ${JSON.stringify(v)})`);
  }
  if (v > SCHEMA_VERSION) {
    throw new Error(`The session was saved by a newer version of svdd-lab (schema ${v}); this version reads schema ${SCHEMA_VERSION} and older`);
  }
  let r: Record<string, unknown> = record;
  if (v === 1) r = v1to2(record as unknown as SessionRecordV1) as unknown as Record<string, unknown>;
  if (v <= 2) r = v2to3(r);
  return check(r);
}

/** v2: the labels were one {round, queue, cursor, history} object, rewritten on every decision. */
export interface SessionRecordV2 extends Omit<SessionRecord, 'schemaVersion' | 'log' | 'runId'> {
  schemaVersion: 2;
  labels: LabelsSnapshot;
}

function v1to2(old: SessionRecordV1): SessionRecordV2 {
  if (!isObj(old.labels)) throw new Error('The saved session (schema 1) has no labels object');
  const rounds: StageSnapshot[] = Array.isArray(old.rounds) ? old.rounds : [];
  const lastRound = old.round ?? Math.max(rounds.length - 1, 0);
  // the round a label was given in: the stage before the first snapshot that trained with it
  const firstSeen = new Map<number, number>();
  for (const snap of rounds) {
    for (const [i] of snap.labelled ?? []) if (!firstSeen.has(i)) firstSeen.set(i, Math.max(snap.stage - 1, 0));
  }
  const items = Object.entries(old.labels).map(([k, l]) => {
    const index = Number(k);
    if (!Number.isInteger(index) || index < 0) throw new Error(`The saved session (schema 1) has a label for '${k}', which is not a sample index`);
    if (l !== 0 && l !== 1) throw new Error(`The saved session (schema 1) has label ${JSON.stringify(l)} for sample ${k}; expected 0 or 1`);
    return { index, label: l, round: firstSeen.get(index) ?? lastRound };
  });
  items.sort((a, b) => a.round - b.round || a.index - b.index);
  const history: HistoryEntry[] = items.map((it, seq) => ({
    seq, index: it.index, label: it.label === 1 ? 'anomaly' : 'normal', round: it.round, time: old.updatedAt, source: 'key',
  }));
  history.reverse(); // newest first
  const { queue, round: _round, labels: _labels, ...rest } = old;
  return {
    ...rest,
    schemaVersion: 2,
    labels: { round: lastRound, queue: queue ?? [], cursor: 0, history },
  };
}

/** The history becomes log records (oldest first), the queue a queue record; the run gets an id. */
function v2to3(r: Record<string, unknown>): Record<string, unknown> {
  const l = r.labels;
  if (!isObj(l) || !Array.isArray(l.history) || !Array.isArray(l.queue) || typeof l.round !== 'number') {
    throw new Error('The saved session is damaged: the labels are not {round, queue, cursor, history}');
  }
  const { labels: _l, ...rest } = r;
  const id = typeof r.id === 'string' ? r.id : 'session';
  return { ...rest, schemaVersion: SCHEMA_VERSION, log: logFromHistory(l as unknown as LabelsSnapshot, id), runId: `${id}-run0` };
}

function check(r: Record<string, unknown>): SessionRecord {
  const need = (cond: boolean, what: string) => {
    if (!cond) throw new Error(`The saved session is damaged: ${what}`);
  };
  need(typeof r.id === 'string' && r.id !== '', 'it has no id');
  need(typeof r.name === 'string', 'it has no name');
  need(typeof r.createdAt === 'number' && typeof r.updatedAt === 'number', 'createdAt/updatedAt are not numbers');
  const d = r.dataset;
  need(isObj(d) && ((d.source === 'bundled' && typeof d.name === 'string') || (d.source === 'imported' && isObj(d.data))),
    'the dataset is neither a bundled name nor imported data');
  if (isObj(d) && d.source === 'imported') {
    const data = d.data as Record<string, unknown>;
    need(data.values instanceof Float64Array, 'the imported data has no Float64Array of values');
    need(typeof data.n === 'number' && typeof data.d === 'number' && (data.values as Float64Array).length === (data.n as number) * (data.d as number),
      `the imported data has ${(data.values as Float64Array | undefined)?.length} values, not n x d = ${data.n} x ${data.d}`);
    need(data.labels === null || (data.labels instanceof Uint8Array && data.labels.length === data.n), 'the imported labels do not match the rows');
  }
  need(isObj(r.settings), 'it has no settings');
  need(Array.isArray(r.log), 'the decision log is not a list');
  need(typeof r.runId === 'string', 'it has no run id');
  need(Array.isArray(r.rounds), 'the per-round results are not a list');
  need(r.model === null || r.model === undefined || (isObj(r.model) && Array.isArray(r.model.tensors)), 'the model weights are not {tensors, c, R}');
  return {
    ...(r as unknown as SessionRecord),
    schemaVersion: SCHEMA_VERSION,
    // settings added after a session was saved take their defaults
    settings: { ...DEFAULT_SETTINGS, ...(r.settings as object) },
    config: (r.config ?? null) as SessionRecord['config'],
    model: (r.model ?? null) as SessionRecord['model'],
  };
}
