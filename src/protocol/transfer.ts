// Snapshots cross the worker boundary by transfer: fresh copies, so the engine keeps its own arrays.
import type { Label, StageSnapshot } from '../core/types';
import type { SnapshotMessage } from './events';

/** Transfer list for a snapshot message: the buffers belong to fresh copies made for sending. */
export function snapshotTransfer(m: SnapshotMessage): Transferable[] {
  const t: Transferable[] = [m.snapshot.scores.buffer, m.snapshot.embedding.buffer, m.snapshot.center.buffer, m.order.buffer];
  if (m.grid) t.push(m.grid.x.buffer, m.grid.y.buffer, m.grid.z.buffer);
  if (m.rank) t.push(m.rank.buffer);
  if (m.latent) t.push(m.latent.fitted.x.buffer, m.latent.fitted.y.buffer);
  return t as Transferable[];
}

/** Copy a snapshot's typed arrays so the engine keeps its own (transfer detaches the sent buffers). */
export function cloneSnapshot(s: StageSnapshot): StageSnapshot {
  return {
    ...s,
    scores: s.scores.slice(),
    embedding: s.embedding.slice(),
    center: s.center.slice(),
    queued: [...s.queued],
    pseudo: [...s.pseudo],
    labelled: s.labelled.map(([i, l]) => [i, l] as [number, Label]),
    aeLoss: [...s.aeLoss],
    occLoss: [...s.occLoss],
  };
}
