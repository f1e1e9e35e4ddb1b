import { describe, expect, it } from 'vitest';
import { tinySnapshot } from '../core/testing';
import { fitLatent, latentCoords } from '../engine/latentPlane';
import { planeHere, planeInWorker } from './planeClient';

describe('the plane of a round that came without one', () => {
  // 4 points in 3-D around c = 0: the spread is largest along the first axis, then the second
  const embedding = Float32Array.of(3, 0, 0, -3, 0, 0, 0, 1, 0, 0, -1, 0.5);
  const s = tinySnapshot({ embedding, repDim: 3, center: Float32Array.of(0, 0, 0), scores: Float32Array.of(9, 9, 1, 1.25), queued: [], pseudo: [], labelled: [], radius: 1, absBoundary: null });

  it('is the plane the worker sends with a live round, distances to c kept', () => {
    const raw = latentCoords(s, null);
    const want = fitLatent(raw, s);
    const got = planeHere(s, null);
    expect(got.fitted).toEqual(want);
    expect(got.axes).toEqual(raw.axes);
    // each point's radius is its exact distance to c (before the fit pins far ones to the edge)
    expect(Array.from(raw.x, (x, i) => Math.hypot(x, raw.y[i]!))).toEqual([3, 3, 1, Math.hypot(1, 0.5)].map((r) => expect.closeTo(r, 6)));
  });

  it('keeps the signs of the directions drawn before', () => {
    const first = planeHere(s, null);
    const flipped: [Float64Array, Float64Array] = [first.axes![0].map((v) => -v), first.axes![1].map((v) => -v)];
    const again = planeHere(s, flipped);
    expect(Array.from(again.fitted.x)).toEqual(Array.from(first.fitted.x, (v) => expect.closeTo(-v, 9)));
    expect(Array.from(again.fitted.y)).toEqual(Array.from(first.fitted.y, (v) => expect.closeTo(-v, 9)));
  });

  it('is placed here where there is no Worker (Node), with the same numbers', async () => {
    expect(typeof Worker).toBe('undefined');
    expect(await planeInWorker(s, null)).toEqual(planeHere(s, null));
  });
});
