// How a session lies in IndexedDB. It is split over keys so that a label write stays small:
//   session:<id>              meta: name, times, settings, config, run id
//   data:<id>                 the dataset (a bundled name, or the imported RawData with its typed arrays)
//   data:<id>:<k>             a large imported dataset's values, piece k (data:<id> then holds the rest; persist-write.ts)
//   log:<id>:<seq>:<record>   one decision-log record each (written once, never rewritten)
//   rounds:<id>:<stage>       one StageSnapshot per scored stage
//   model:<id>                the latest model weights, c and R
//   lastSessionId             the session to restore on reload
import type { LogRecord } from './log';
import { datasetName, type SessionRecord } from './persist-types';

export const LAST = 'lastSessionId';
export const metaKey = (id: string) => `session:${id}`;
export const dataKey = (id: string) => `data:${id}`;
export const modelKey = (id: string) => `model:${id}`;
export const pieceKey = (id: string, k: number) => `data:${id}:${String(k).padStart(6, '0')}`;
export const pieceRange = (id: string) => IDBKeyRange.bound(`data:${id}:`, `data:${id}:\uffff`);
// stages zero-padded so that key order is stage order
export const roundKey = (id: string, stage: number) => `rounds:${id}:${String(stage).padStart(6, '0')}`;
export const roundRange = (id: string) => IDBKeyRange.bound(`rounds:${id}:`, `rounds:${id}:\uffff`);
export const logKey = (id: string, r: LogRecord) => `log:${id}:${String(r.seq).padStart(9, '0')}:${r.id}`;
export const logRange = (id: string) => IDBKeyRange.bound(`log:${id}:`, `log:${id}:\uffff`);

/** The part of a record kept under session:<id>. */
export interface StoredMeta extends Omit<SessionRecord, 'dataset' | 'rounds' | 'model' | 'schemaVersion' | 'log' | 'runId'> {
  schemaVersion: number;
  /** v3 */
  runId?: string;
  /** v2: LabelsSnapshot; v1: index -> 0/1 (v3 keeps the labels as log records) */
  labels?: unknown;
  datasetName: string;
  [older: string]: unknown;
}

export const metaOf = (r: SessionRecord): StoredMeta => ({
  schemaVersion: r.schemaVersion, id: r.id, name: r.name, createdAt: r.createdAt, updatedAt: r.updatedAt,
  settings: r.settings, config: r.config, runId: r.runId, datasetName: datasetName(r.dataset),
});
