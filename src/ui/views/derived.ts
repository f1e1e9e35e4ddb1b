// Per-snapshot facts the point views share, memoised on the snapshot message.
import { useDeferredValue, useMemo } from 'react';
import { inPoolOrder } from '../../engine/data';
import type { SnapshotMessage } from '../../protocol';
import type { Label } from '../../core/types';
import { pointTable, type PointTable } from '../plots/points';
import { useLab } from '../useLab';
import { useFrozenWhileBusy } from './freeze';

export interface Current {
  msg: SnapshotMessage;
  table: PointTable;
  /** ground truth per pool index */
  truth: Uint8Array | null;
  /** input coordinates per pool index (n x 2), null until known */
  xy: Float32Array | null;
}

/** One table per snapshot, shared by the views (each would build its own otherwise). */
const tables = new WeakMap<SnapshotMessage, PointTable>();
function tableOf(msg: SnapshotMessage): PointTable {
  let t = tables.get(msg);
  if (!t) tables.set(msg, (t = pointTable(msg.snapshot, undefined, msg.rank)));
  return t;
}

export function useCurrent(): Current | null {
  // deferred: a new snapshot re-renders the views in a later, time-sliced pass, one view per slice, instead of
  // inside the store update's synchronous render (which also updates the queue, counts and run controls)
  const snaps = useDeferredValue(useFrozenWhileBusy(useLab((s) => s.snapshots)));
  const data = useDeferredValue(useFrozenWhileBusy(useLab((s) => s.data)));
  const msg = snaps.length ? snaps[snaps.length - 1]! : null;
  // the open answers are not in the table: views restyle the few markers they change (a key press stays cheap)
  const table = useMemo(() => (msg ? tableOf(msg) : null), [msg]);
  const truth = useMemo(() => {
    const labels = data?.raw.labels;
    if (!msg || !labels) return null;
    return inPoolOrder(labels, msg.order);
  }, [msg, data]);
  const xy = useMemo(() => {
    if (!msg || !data?.xy) return null;
    return inPoolOrder(data.xy, msg.order, 2);
  }, [msg, data]);
  // one object per snapshot: views memoise on it, so a re-render (a key press) rebuilds no figure
  return useMemo(() => (msg && table ? { msg, table, truth, xy } : null), [msg, table, truth, xy]);
}

/**
 * The answers the queued squares show: a person's answers, or, once the simulated oracle's label step has run
 * (the worker is past the shown stage), the truth it answered from; its labels reach the page's history only
 * with the next stage's snapshot, so without this the answered squares would stay "queued".
 */
export function useShownAnswers(cur: Current | null): ReadonlyMap<number, Label> {
  const answers = useLab((s) => s.answers);
  const simulated = useLab((s) => s.settings.oracle === 'simulated');
  const answeredStage = useLab((s) => (s.run.nextPhase === 'label' ? -1 : s.run.stage - 1));
  return useMemo(() => {
    if (!cur || !simulated || !cur.truth || answeredStage !== cur.msg.snapshot.stage) return answers;
    const truth = cur.truth;
    const out = new Map(answers);
    for (const i of cur.msg.snapshot.queued) if (i < truth.length && !out.has(i)) out.set(i, truth[i] as Label);
    return out;
  }, [cur, simulated, answeredStage, answers]);
}
