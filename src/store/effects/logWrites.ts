// Decision-log writes from a small dedicated worker: the page's drawing cannot delay their commit (IndexedDB's replies
// are handled on the worker's thread), and what arrives while one transaction is written goes out together in the next.
import type { WorkerLike } from '../../client/labClient';
import type { LogRecord } from '../log';
import type { SessionStorage } from '../persist';
import { StaleWrite, StorageFull } from '../persist-errors';

export interface LogWriteRequest {
  id: number;
  session: string;
  records: LogRecord[];
}

export interface LogWriteReply {
  id: number;
  /** the write failed: the error's name (StorageFull, StaleWrite, Error) and its sentence */
  error?: { name: string; message: string };
}

/**
 * The worker's side: requests are written in arrival order; those that arrive while a transaction is in flight are
 * written together, one transaction per session, and each request is answered when its transaction completed.
 */
export function logWriteServer(storage: Pick<SessionStorage, 'appendLog'>, reply: (replies: LogWriteReply[]) => void): (req: LogWriteRequest) => void {
  let queue: LogWriteRequest[] = [];
  let busy = false;
  const drain = async () => {
    busy = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      const bySession = new Map<string, LogWriteRequest[]>();
      for (const r of batch) bySession.set(r.session, [...(bySession.get(r.session) ?? []), r]);
      for (const [session, reqs] of bySession) {
        try {
          await storage.appendLog(session, reqs.flatMap((r) => r.records));
          reply(reqs.map((r) => ({ id: r.id })));
        } catch (e) {
          const error = { name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) };
          reply(reqs.map((r) => ({ id: r.id, error })));
        }
      }
    }
    busy = false;
  };
  return (req) => {
    queue.push(req);
    if (!busy) void drain();
  };
}

/** The error a reply carries, as the class the page tells apart (a full storage shows the sizes). */
export function errorOfReply(e: { name: string; message: string }): Error {
  if (e.name === 'StorageFull') return new StorageFull(e.message);
  if (e.name === 'StaleWrite') return new StaleWrite(e.message);
  const err = new Error(e.message);
  if (e.name !== 'Error') err.name = e.name;
  return err;
}

/** The real log-write worker (Vite bundles it from this static expression); null where workers are missing. */
export const logWorker = (): WorkerLike | null =>
  typeof Worker === 'undefined' ? null : new Worker(new URL('./logWrites.worker.ts', import.meta.url), { type: 'module', name: 'svdd-log' });

/**
 * The storage with appendLog done by the worker. Every other operation first waits for the log writes in flight, so
 * the order of the page's calls is the order of the writes (a restart's cleared log never misses an earlier decision).
 * A worker that cannot start or crashes leaves the writes to this thread: the ones in flight are written again here
 * (a record put twice is the same record).
 */
export function withLogWorker(storage: SessionStorage, make: () => WorkerLike | null = logWorker): SessionStorage {
  let worker: WorkerLike | null | undefined;
  let next = 1;
  const inFlight = new Map<number, { req: LogWriteRequest; resolve(): void; reject(e: Error): void }>();
  let idle: Array<() => void> = [];
  const settle = (id: number, error?: Error) => {
    const w = inFlight.get(id);
    if (!w) return;
    inFlight.delete(id);
    if (error) w.reject(error);
    else w.resolve();
    if (inFlight.size === 0) idle.splice(0).forEach((go) => go());
  };
  const direct = (req: LogWriteRequest) => storage.appendLog(req.session, req.records).then(() => settle(req.id), (e: unknown) => settle(req.id, e as Error));
  const crashed = () => {
    worker?.terminate();
    worker = null;
    for (const { req } of [...inFlight.values()]) void direct(req);
  };
  const start = (): WorkerLike | null => {
    try {
      const w = make();
      if (!w) return null;
      w.onmessage = (e: MessageEvent<LogWriteReply[]>) => {
        for (const r of e.data) settle(r.id, r.error ? errorOfReply(r.error) : undefined);
      };
      w.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        crashed();
      };
      w.onmessageerror = () => crashed();
      return w;
    } catch {
      return null;
    }
  };
  const settled = () => (inFlight.size === 0 ? Promise.resolve() : new Promise<void>((go) => idle.push(go)));
  const after = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    await settled();
    return fn(...a);
  };

  const out: SessionStorage = {
    ...storage,
    appendLog(session, records) {
      const req: LogWriteRequest = { id: next++, session, records: [...records] };
      const p = new Promise<void>((resolve, reject) => inFlight.set(req.id, { req, resolve, reject }));
      if (worker === undefined) worker = start();
      if (worker) worker.postMessage(req);
      else void direct(req);
      return p;
    },
  };
  for (const k of Object.keys(storage) as Array<keyof SessionStorage>) {
    if (k !== 'appendLog' && k !== 'probe') (out as unknown as Record<string, unknown>)[k] = after(storage[k] as (...a: unknown[]) => Promise<unknown>);
  }
  return out;
}
