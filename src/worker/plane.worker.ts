/// <reference lib="webworker" />
// The plane worker: a restored round's latent plane (an O(n x repDim) pass, 0.6 s at 200k points) off the page's thread.
import { placePlane } from '../engine/latentPlane';
import type { PlaneReply, PlaneRequest } from '../protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (e: MessageEvent<PlaneRequest>) => {
  const { id, snapshot, prevAxes } = e.data;
  try {
    const { fitted, axes } = placePlane(snapshot, prevAxes);
    const reply: PlaneReply = { id, ok: true, fitted, axes };
    ctx.postMessage(reply, [fitted.x.buffer, fitted.y.buffer]);
  } catch (err) {
    const reply: PlaneReply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
    ctx.postMessage(reply);
  }
};
