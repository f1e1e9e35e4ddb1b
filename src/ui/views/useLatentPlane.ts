// The latent view's coordinates for the shown round: the worker's plane when the round came with one; a round
// without (restored, or from a session file) is placed here when small and in the plane worker when large.
import { useEffect, useMemo, useState, type MutableRefObject } from 'react';
import { planeHere, planeInWorker, type PlacedPlane } from '../../client/planeClient';
import type { SnapshotMessage } from '../../protocol';
import type { FittedCoords, LatentCoords } from '../plots/latent';

/** Up to this many points a plane is computed in the render (about 50 ms at 20k); beyond, in the plane worker. */
export const PLANE_HERE_MAX = 20_000;

export interface ShownCoords {
  fitted: FittedCoords;
  axes: LatentCoords['axes'];
  key: string;
}

/** Null while a large round's plane is being placed (the view shows its empty frame meanwhile). */
export function useLatentPlane(msg: SnapshotMessage | null, phase: string | null, prev: MutableRefObject<{ axes: LatentCoords['axes']; n: number } | null>): ShownCoords | null {
  const [placed, setPlaced] = useState<{ msg: SnapshotMessage; plane: PlacedPlane } | null>(null);
  const n = msg?.snapshot.scores.length ?? 0;
  const prevAxes = () => (prev.current && prev.current.n === n ? prev.current.axes : null);
  const inWorker = !!msg && !(msg.latent && msg.latent.fitted.x.length === n) && n > PLANE_HERE_MAX;

  const coords = useMemo(() => {
    if (!msg) return null;
    const key = `${msg.snapshot.stage}:${phase}`;
    const sent = msg.latent;
    if (sent && sent.fitted.x.length === n) return { fitted: sent.fitted, axes: sent.axes, key };
    if (placed?.msg === msg) return { ...placed.plane, key };
    if (inWorker) return null;
    return { ...planeHere(msg.snapshot, prevAxes()), key };
  }, [msg, phase, placed]);

  useEffect(() => {
    if (!msg || !inWorker || placed?.msg === msg) return;
    let live = true;
    const snap = msg.snapshot;
    const axes = prevAxes();
    planeInWorker(snap, axes).then(
      (plane) => live && setPlaced({ msg, plane }),
      // a failed worker still leaves a plot: placed here, once
      () => live && setPlaced({ msg, plane: planeHere(snap, axes) }),
    );
    return () => {
      live = false;
    };
  }, [msg, inWorker]);

  return coords;
}
