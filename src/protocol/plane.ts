// The plane worker's request and reply: a round's latent plane placed off the page's thread.
import type { StageSnapshot } from '../core/types';
import type { FittedCoords, LatentInput } from '../engine/latentPlane';

export interface PlaneRequest {
  id: number;
  snapshot: LatentInput & Pick<StageSnapshot, 'radius' | 'absBoundary'>;
  /** the directions drawn before: the new plane keeps their signs */
  prevAxes: [Float64Array, Float64Array] | null;
}

export type PlaneReply = { id: number; ok: true; fitted: FittedCoords; axes: [Float64Array, Float64Array] | null } | { id: number; ok: false; error: string };
