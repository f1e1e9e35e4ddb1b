// Main-thread side of the import worker: one worker, one request at a time answered by id.
import type { ImportOptions } from '../../io/importFile';
import type { ImportProgress, ImportReply, ImportRequest, ScoreReply, ScoreRequest } from '../../worker/import.worker';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (r: ImportReply & ScoreReply) => void>();
const progressOf = new Map<number, (fraction: number, phase: string) => void>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../../worker/import.worker.ts', import.meta.url), { type: 'module', name: 'svdd-import' });
  worker.onmessage = (e: MessageEvent<(ImportReply & ScoreReply) | ImportProgress>) => {
    if ('kind' in e.data && e.data.kind === 'progress') {
      progressOf.get(e.data.id)?.(e.data.fraction, e.data.phase);
      return;
    }
    progressOf.delete(e.data.id);
    const done = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    done?.(e.data);
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    const message = `The file reader crashed: ${e.message || 'unknown error'}. Try the file again.`;
    for (const [id, done] of waiting) done({ id, kind: 'score', ok: false, error: { code: 'UNEXPECTED', message }, columns: [], ms: 0 } as unknown as ImportReply & ScoreReply);
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** Parse a file in the worker; bytes omitted = the last file again with other options. */
export function parseInWorker(name: string, bytes: ArrayBuffer | null, options: ImportOptions, onProgress?: (fraction: number, phase: string) => void): Promise<ImportReply> {
  const w = getWorker();
  const id = nextId++;
  if (onProgress) progressOf.set(id, onProgress);
  const req: ImportRequest = { id, name, options };
  if (bytes) req.bytes = bytes;
  return new Promise((resolve) => {
    waiting.set(id, resolve as (r: ImportReply & ScoreReply) => void);
    w.postMessage(req, bytes ? [bytes] : []);
  });
}

/** Scores a file with an exported model in the worker (the page's thread only passes bytes). */
export function scoreInWorker(model: Uint8Array, name: string, bytes: ArrayBuffer): Promise<ScoreReply> {
  const w = getWorker();
  const id = nextId++;
  const m = model.slice().buffer;
  const req: ScoreRequest = { id, kind: 'score', model: m, name, bytes };
  return new Promise((resolve) => {
    waiting.set(id, resolve as (r: ImportReply & ScoreReply) => void);
    w.postMessage(req, [m, bytes]);
  });
}

export type { ImportReply };
