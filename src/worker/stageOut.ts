// What a stage sends to the page: the snapshot (fresh copies, transferred) with its cached 2-D score field, the weights.
import type { Session } from '../engine/session';
import type { RawData } from '../core/types';
import { cloneSnapshot, snapshotTransfer, type ScoreGrid, type SnapshotMessage, type WeightsMessage, type WorkerMessage } from '../protocol';
import { scoreGrid } from './scoreGrid';
import { scoreRanks } from '../engine/ranks';
import { collapseStats, type CollapseStats } from '../engine/collapse';
import { fitLatent, latentCoords, type FittedCoords } from '../engine/latentPlane';
import type { StageSnapshot } from '../core/types';

export class SnapshotOut {
  private cache: { stage: number; session: Session; grid: ScoreGrid | null; rank: Int32Array; collapse: CollapseStats | null; latent: Latent } | null = null;
  /** the latent plane's last directions sent for a session: the next stage keeps their signs (points do not flip) */
  private axes: { session: Session; axes: Latent['axes'] } | null = null;

  constructor(private readonly post: (ev: WorkerMessage, transfer?: Transferable[]) => void) {}

  /** The score field belongs to one session's stage: forget it when the session goes. */
  clear(): void {
    this.cache = null;
    this.axes = null;
  }

  private latent(s: Session, snap: StageSnapshot): Latent {
    const prev = this.axes?.session === s ? this.axes.axes : null;
    const raw = latentCoords(snap, prev && prev[0].length === snap.repDim ? prev : null);
    this.axes = { session: s, axes: raw.axes };
    return { fitted: fitLatent(raw, snap), axes: raw.axes };
  }

  /** Sends the session's latest snapshot, if it has one. */
  async send(s: Session, data: RawData): Promise<void> {
    if (s.snapshots.length === 0) return;
    const snap = s.snapshots[s.snapshots.length - 1]!;
    // the score field and the ranks belong to the stage: the same stage sent again (after its labels) reuses them
    if (!this.cache || this.cache.session !== s || this.cache.stage !== snap.stage) {
      this.cache = { stage: snap.stage, session: s, grid: await scoreGrid(data, (p) => s.scoreRaw(p)), rank: scoreRanks(snap.scores),
        collapse: snap.scores.length ? collapseStats(snap.scores, snap.center) : null, latent: this.latent(s, snap) };
    }
    const { grid, rank, collapse, latent } = this.cache;
    const msg: SnapshotMessage = {
      snapshot: cloneSnapshot(snap),
      grid: grid ? { x: grid.x.slice(), y: grid.y.slice(), z: grid.z.slice() } : null,
      order: Int32Array.from(s.order),
      rank: rank.slice(),
      ...(collapse ? { collapse: { ...collapse } } : {}),
      latent: copyLatent(latent),
    };
    this.post({ type: 'snapshot', ...msg }, snapshotTransfer(msg));
  }

  async preview(s: Session, phase: 'center' | 'train'): Promise<void> {
    const msg = await previewOf(s);
    msg.latent = this.latent(s, msg.snapshot);
    this.post({ type: 'preview', phase, ...msg }, snapshotTransfer(msg));
  }
}

type Latent = { fitted: FittedCoords; axes: [Float64Array, Float64Array] | null };
const copyLatent = (l: Latent): Latent => ({ fitted: { ...l.fitted, x: l.fitted.x.slice(), y: l.fitted.y.slice(), far: [...l.fitted.far] }, axes: l.axes && [l.axes[0].slice(), l.axes[1].slice()] });

/** The stepper's latent cloud after centre or train (not a stage result, no score field). */
export async function previewOf(s: Session): Promise<SnapshotMessage> {
  return { snapshot: cloneSnapshot(await s.preview()), grid: null, order: Int32Array.from(s.order) };
}

/** The trained weights as a message (copies, so they can be transferred), null before any training. */
export async function weightsMessage(s: Session | null): Promise<WeightsMessage | null> {
  const w = (await s?.weights()) ?? null;
  if (!w || !s) return null;
  return { theta: w.theta.slice(), slots: w.layout.slots.map((x) => ({ name: x.name, offset: x.offset, shape: [...x.shape] })), center: w.center.slice(), radius: w.radius, stage: s.stage };
}
