// Main-thread side of the plane worker: one worker made on first use, requests answered by id.
import { placePlane, type FittedCoords } from '../engine/latentPlane';
import type { PlaneReply, PlaneRequest } from '../protocol';

export interface PlacedPlane {
  fitted: FittedCoords;
  axes: [Float64Array, Float64Array] | null;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (p: PlacedPlane) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../worker/plane.worker.ts', import.meta.url), { type: 'module', name: 'svdd-plane' });
  worker.onmessage = (e: MessageEvent<PlaneReply>) => {
    const w = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (!w) return;
    if (e.data.ok) w.resolve({ fitted: e.data.fitted, axes: e.data.axes });
    else w.reject(new Error(e.data.error));
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    for (const w of waiting.values()) w.reject(new Error(`The plane worker crashed: ${e.message || 'unknown error'}`));
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** The plane computed here, as the worker would (where there is no Worker, and as the fallback when it fails). */
export function planeHere(s: PlaneRequest['snapshot'], prevAxes: PlaneRequest['prevAxes']): PlacedPlane {
  return placePlane(s, prevAxes);
}

/** A round's latent plane from the plane worker (the snapshot's arrays are copied, not moved: the page keeps them). */
export function planeInWorker(s: PlaneRequest['snapshot'], prevAxes: PlaneRequest['prevAxes']): Promise<PlacedPlane> {
  if (typeof Worker === 'undefined') return Promise.resolve(planeHere(s, prevAxes));
  const w = getWorker();
  const id = nextId++;
  const req: PlaneRequest = { id, snapshot: { scores: s.scores, repDim: s.repDim, embedding: s.embedding, center: s.center, radius: s.radius, absBoundary: s.absBoundary }, prevAxes };
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage(req);
  });
}
