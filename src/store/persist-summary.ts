// Summaries of what is stored, read from the raw keys and values: the session list and the sizes for "storage is full".
import { foldLog, type LogRecord } from './log';
import type { StoredMeta } from './persist-keys';
import { SCHEMA_VERSION, type SessionSize, type SessionSummary } from './persist-types';

/** One summary per stored meta, most recently updated first. */
export function summaries(metas: StoredMeta[], roundKeys: IDBValidKey[], logKeys: string[], logs: LogRecord[]): SessionSummary[] {
  const logOf = new Map<string, LogRecord[]>();
  logKeys.forEach((k, j) => {
    const id = k.slice('log:'.length, k.indexOf(':', 'log:'.length));
    logOf.set(id, [...(logOf.get(id) ?? []), logs[j]!]);
  });
  const roundsOf = new Map<string, number>();
  for (const k of roundKeys) {
    const id = String(k).slice('rounds:'.length, String(k).lastIndexOf(':'));
    roundsOf.set(id, (roundsOf.get(id) ?? 0) + 1);
  }
  return metas.map((m): SessionSummary => ({
    id: m.id, name: m.name, createdAt: m.createdAt, updatedAt: m.updatedAt, dataset: m.datasetName,
    rounds: roundsOf.get(m.id) ?? 0,
    decisions: m.schemaVersion >= 3 ? foldLog(logOf.get(m.id) ?? []).history.length : legacyDecisions(m.labels),
    ...(metaProblem(m) ? { problem: metaProblem(m)! } : {}),
  })).sort((a, b) => b.updatedAt - a.updatedAt || (a.name < b.name ? -1 : 1));
}

/** Every session's estimated size from all stored keys and values, largest first. */
export function sizesOf(keys: IDBValidKey[], values: unknown[]): SessionSize[] {
  const bytes = new Map<string, number>();
  const names = new Map<string, string>();
  keys.map(String).forEach((k, j) => {
    const m = /^(session|data|model|rounds|log):([^:]+)/.exec(k);
    if (!m) return;
    bytes.set(m[2]!, (bytes.get(m[2]!) ?? 0) + sizeOf(values[j]));
    if (m[1] === 'session') names.set(m[2]!, String((values[j] as StoredMeta).name));
  });
  return [...bytes].map(([id, b]) => ({ id, name: names.get(id) ?? id, bytes: b })).sort((a, b) => b.bytes - a.bytes);
}

/** Decisions in a meta of schema 1 or 2 (not yet upgraded). */
function legacyDecisions(labels: unknown): number {
  const l = labels as { history?: unknown[] } | undefined;
  return Array.isArray(l?.history) ? l.history.length : Object.keys((labels as object | undefined) ?? {}).length;
}

/** A quick look at a stored meta: what makes it unopenable, if anything (a full check runs when it is opened). */
function metaProblem(m: StoredMeta): string | null {
  if (typeof m.name !== 'string') return 'it has no name';
  if (typeof m.settings !== 'object' || m.settings === null) return 'it has no settings';
  if (typeof m.schemaVersion !== 'number' || m.schemaVersion > SCHEMA_VERSION) return `schema ${String(m.schemaVersion)} is not one this version reads`;
  return null;
}

/** Bytes a stored value takes, roughly: typed arrays by their length, the rest as JSON text. */
function sizeOf(v: unknown): number {
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (v instanceof ArrayBuffer) return v.byteLength;
  if (Array.isArray(v)) return v.reduce((a: number, x) => a + sizeOf(x), 2);
  if (typeof v === 'object' && v !== null) return Object.entries(v).reduce((a, [k, x]) => a + k.length + 3 + sizeOf(x), 2);
  return typeof v === 'string' ? v.length + 2 : 8;
}
