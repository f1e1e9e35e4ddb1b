// What the exported model needs to score a new file: the import's recipe and the pool's scaling, refitted exactly as training scaled it.
import { fitScaling, inPoolOrder } from '../engine/data';
import type { RawData } from '../core/types';
import { portableMeta, type PortableMeta } from '../io/model/modelFile';
import { prepOf } from '../io/preprocess/prepared';
import type { SnapshotMessage } from '../protocol';

/** The pool is the data in the snapshot's row order (pollution and reference mode reorder it); its scaling is fitted again here. */
export function modelInputOf(raw: RawData, snap: SnapshotMessage | null): PortableMeta {
  const order = snap?.order ?? Int32Array.from({ length: raw.n }, (_, i) => i);
  const values = inPoolOrder(raw.values, order, raw.d);
  const scaling = fitScaling({ ...raw, n: order.length, values, labels: null });
  return portableMeta(prepOf(raw), raw.featureNames, scaling, snap?.snapshot.scores ?? []);
}
