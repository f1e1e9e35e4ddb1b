// How a record is written and its dataset read back. A large imported dataset lies in pieces of about 1 MB under
// data:<id>:<k>: each piece is serialised (written) and deserialised (read) in its own small task, so neither blocks
// the page for the whole matrix.
import { promisifyRequest } from 'idb-keyval';
import type { RawData } from '../core/types';
import { dataKey, logKey, logRange, metaKey, metaOf, modelKey, pieceKey, pieceRange, roundKey, roundRange } from './persist-keys';
import type { DatasetRef, SessionRecord } from './persist-types';

/** float64 values per piece (1 MB) */
export const PIECE_VALUES = 1 << 17;

/** What data:<id> holds for a dataset stored in pieces: the data without its values, and how many pieces follow. */
export interface PiecedDataset {
  source: 'imported';
  fileName?: string;
  data: Omit<RawData, 'values'>;
  pieces: number;
  length: number;
}

export type StoredDataset = DatasetRef | PiecedDataset;

const isPieced = (d: StoredDataset): d is PiecedDataset => typeof (d as PiecedDataset).pieces === 'number';

/** A put whose value is made when it is issued (a piece is copied in the task that stores it, not all at once). */
export type LazyPut = [string, () => unknown];

/** The head for data:<id> and the pieces to write after it (none for a bundled or small dataset). */
export function splitDataset(id: string, ref: DatasetRef, per = PIECE_VALUES): { head: StoredDataset; pieces: LazyPut[] } {
  if (ref.source !== 'imported' || ref.data.values.length <= per) return { head: ref, pieces: [] };
  const { values, ...rest } = ref.data;
  const pieces: LazyPut[] = [];
  // slice, not subarray: a view would be stored with its whole buffer
  for (let k = 0; k * per < values.length; k++) pieces.push([pieceKey(id, k), () => values.slice(k * per, (k + 1) * per)]);
  const head: PiecedDataset = { source: 'imported', ...(ref.fileName !== undefined ? { fileName: ref.fileName } : {}), data: rest, pieces: pieces.length, length: values.length };
  return { head, pieces };
}

/** Writes the dataset's head (dropping any pieces of an earlier one) now; returns the pieces for putInTurn. */
export function putDataset(s: IDBObjectStore, id: string, ref: DatasetRef, per = PIECE_VALUES): LazyPut[] {
  const { head, pieces } = splitDataset(id, ref, per);
  s.delete(pieceRange(id));
  s.put(head, dataKey(id));
  return pieces;
}

/** Puts one after the other, each issued when the previous one is stored: one piece serialised per task. */
export async function putInTurn(s: IDBObjectStore, puts: readonly LazyPut[]): Promise<void> {
  for (const [key, value] of puts) await promisifyRequest(s.put(value(), key));
}

/** The dataset as it was written: a pieced one is read piece by piece (one request each) and joined. */
export async function readDataset(s: IDBObjectStore, id: string): Promise<DatasetRef | undefined> {
  const head = (await promisifyRequest(s.get(dataKey(id)))) as StoredDataset | undefined;
  if (!head || !isPieced(head)) return head;
  const values = new Float64Array(head.length);
  let at = 0;
  for (let k = 0; k < head.pieces; k++) {
    const piece = (await promisifyRequest(s.get(pieceKey(id, k)))) as Float64Array | undefined;
    if (!(piece instanceof Float64Array) || at + piece.length > head.length) throw new Error(`The saved session is damaged: piece ${k} of its dataset is missing or too long`);
    values.set(piece, at);
    at += piece.length;
  }
  if (at !== head.length) throw new Error(`The saved session is damaged: its dataset has ${at} of ${head.length} values`);
  const { pieces: _p, length: _l, ...ref } = head;
  return { ...ref, data: { ...head.data, values } as RawData };
}

/** Writes every key of a record (rounds and log records not in it are dropped); returns the dataset's pieces for putInTurn. */
export function putAll(r: SessionRecord, s: IDBObjectStore, per = PIECE_VALUES): LazyPut[] {
  s.put(metaOf(r), metaKey(r.id));
  const pieces = putDataset(s, r.id, r.dataset, per);
  s.delete(roundRange(r.id));
  for (const snap of r.rounds) s.put(snap, roundKey(r.id, snap.stage));
  if (r.model) s.put(r.model, modelKey(r.id));
  else s.delete(modelKey(r.id));
  s.delete(logRange(r.id));
  for (const rec of r.log) s.put(rec, logKey(r.id, rec));
  return pieces;
}
