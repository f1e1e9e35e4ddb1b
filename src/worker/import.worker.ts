/// <reference lib="webworker" />
// The import worker: parses the user's files off the main thread and keeps the last file for re-parsing with new choices.
import { importFile, type ImportOptions, type ImportResult } from '../io/importFile';
import { isImportError } from '../io/errors';
import { throttled } from '../io/progress';
import '@tensorflow/tfjs-backend-cpu';
import { useBackend } from '../engine/backend';
import { scoreFile, type ScoredFile } from './scoreFile';

export interface ImportRequest {
  id: number;
  name: string;
  /** the file's bytes (transferred); omitted to re-parse the last file with other options */
  bytes?: ArrayBuffer;
  options: ImportOptions;
}

/** "Score a file with this model": the exported model zip and the new file (both transferred). */
export interface ScoreRequest {
  id: number;
  kind: 'score';
  model: ArrayBuffer;
  name: string;
  bytes: ArrayBuffer;
}

export type ScoreReply = { id: number; kind: 'score'; ok: true; scored: ScoredFile } | { id: number; kind: 'score'; ok: false; error: ImportFailure };

export interface ImportFailure {
  code: string;
  message: string;
  row?: number;
  column?: string;
  values?: string[];
}

/** Sent while a file is read: how far (0..1) and what it is doing (decoding, parsing, profiling, encoding). */
export interface ImportProgress {
  id: number;
  kind: 'progress';
  fraction: number;
  phase: string;
}

export type ImportReply =
  | { id: number; ok: true; result: ImportResult; labelValues: string[]; ms: number }
  /** columns: what the file offers as a label column, when it could be read without labels */
  | { id: number; ok: false; error: ImportFailure; columns: string[]; ms: number };

const ctx = self as unknown as DedicatedWorkerGlobalScope;
let last: { name: string; bytes: Uint8Array } | null = null;
const PROBE = '\u0001no such value\u0001';
const SHOWN_VALUES = 200;

function failure(e: unknown): ImportFailure {
  if (isImportError(e)) {
    const f: ImportFailure = { code: e.code, message: e.message };
    if (e.row !== undefined) f.row = e.row;
    if (e.column !== undefined) f.column = e.column;
    if (e.values !== undefined) f.values = e.values;
    return f;
  }
  return { code: 'UNEXPECTED', message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` };
}

/** The values of the label column, read by asking for a value that is not there (the error lists them). */
async function labelValues(name: string, bytes: Uint8Array, options: ImportOptions, r: ImportResult): Promise<string[]> {
  if (r.labelColumn === null) return [];
  const profiled = r.profile?.find((p) => p.name === r.labelColumn);
  if (profiled && !profiled.distinctCapped) return profiled.values.map((v) => v[0]);
  try {
    await importFile(name, bytes, { ...options, labelColumn: r.labelColumn, anomalyValue: PROBE, normalValue: undefined });
  } catch (e) {
    if (isImportError(e) && e.values) return e.values;
  }
  return r.anomalyValue !== null ? [r.anomalyValue] : [];
}

let backend: Promise<void> | null = null;

/** The engine scores on tfjs's cpu backend here, which trains on the host kernel as the lab's wasm backend does. */
async function score(req: ScoreRequest): Promise<void> {
  try {
    backend ??= useBackend('cpu');
    await backend;
    const scored = await scoreFile(new Uint8Array(req.model), req.name, new Uint8Array(req.bytes));
    ctx.postMessage({ id: req.id, kind: 'score', ok: true, scored } satisfies ScoreReply, [scored.scores.buffer as ArrayBuffer]);
  } catch (err) {
    const error = isImportError(err) ? failure(err) : { code: 'MODEL', message: err instanceof Error ? err.message : String(err) };
    ctx.postMessage({ id: req.id, kind: 'score', ok: false, error } satisfies ScoreReply);
  }
}

ctx.onmessage = async (e: MessageEvent<ImportRequest | ScoreRequest>) => {
  if ('kind' in e.data && e.data.kind === 'score') return score(e.data);
  const { id, name, bytes, options } = e.data as ImportRequest;
  const t0 = performance.now();
  if (bytes) last = { name, bytes: new Uint8Array(bytes) };
  if (!last) {
    ctx.postMessage({ id, ok: false, error: { code: 'UNEXPECTED', message: 'No file to read.' }, columns: [], ms: 0 } satisfies ImportReply);
    return;
  }
  const file = last;
  try {
    const progress = throttled((fraction, phase) => ctx.postMessage({ id, kind: 'progress', fraction, phase } satisfies ImportProgress));
    const result = await importFile(file.name, file.bytes, { ...options, progress });
    progress(1, 'done');
    const values = await labelValues(file.name, file.bytes, options, result);
    // the preview needs counts, not every distinct value of a wide numeric column
    for (const p of result.profile ?? []) p.values = p.values.slice(0, SHOWN_VALUES);
    const reply: ImportReply = { id, ok: true, result, labelValues: values, ms: performance.now() - t0 };
    const transfer: Transferable[] = [result.data.values.buffer as ArrayBuffer];
    if (result.data.labels) transfer.push(result.data.labels.buffer as ArrayBuffer);
    ctx.postMessage(reply, transfer);
  } catch (err) {
    const error = failure(err);
    let columns: string[] = [];
    // a label problem: read the file without labels to offer the columns
    if (error.code.startsWith('LABEL') || error.code === 'ANOMALY_VALUE_NOT_FOUND') {
      try {
        columns = (await importFile(file.name, file.bytes, { ...options, labelColumn: null })).columns;
      } catch {
        columns = [];
      }
    }
    ctx.postMessage({ id, ok: false, error, columns, ms: performance.now() - t0 } satisfies ImportReply);
  }
};
