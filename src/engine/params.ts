// Flat parameter layout: every weight lives in one Float32 buffer so Adam is a handful of ops per step.
import type { Rng } from '../core/rng';

export interface Slot {
  name: string;
  offset: number;
  shape: number[];
  /** PyTorch default init bound 1/sqrt(fan_in) */
  bound: number;
}

export interface Layout {
  slots: Slot[];
  size: number;
}

export function makeLayout(specs: Array<{ name: string; shape: number[]; fanIn: number }>): Layout {
  let offset = 0;
  const slots = specs.map((s) => {
    const slot = { name: s.name, offset, shape: s.shape, bound: 1 / Math.sqrt(s.fanIn) };
    offset += s.shape.reduce((a, b) => a * b, 1);
    return slot;
  });
  return { slots, size: offset };
}

/** U(-1/sqrt(fan_in), +1/sqrt(fan_in)) for every slot, drawn from the run's Rng (backend independent). */
export function initParams(layout: Layout, rng: Rng): Float32Array {
  const out = new Float32Array(layout.size);
  for (const s of layout.slots) {
    const len = s.shape.reduce((a, b) => a * b, 1);
    for (let i = 0; i < len; i++) out[s.offset + i] = (rng.next() * 2 - 1) * s.bound;
  }
  return out;
}

export function slotOf(layout: Layout, name: string): Slot {
  const s = layout.slots.find((x) => x.name === name);
  if (!s) throw new Error(`no parameter ${name}`);
  return s;
}

/** Encoder weights: x -> h1 -> ... -> rep, stored as [in, out] matrices (x @ W). */
export function encoderSpecs(d: number, hDims: number[], repDim: number) {
  const dims = [d, ...hDims, repDim];
  return dims.slice(0, -1).map((inDim, i) => ({ name: `enc${i}`, shape: [inDim, dims[i + 1]], fanIn: inDim }));
}

/** Decoder weights: rep -> reversed(hDims) -> d. */
export function decoderSpecs(d: number, hDims: number[], repDim: number) {
  const dims = [repDim, ...[...hDims].reverse(), d];
  return dims.slice(0, -1).map((inDim, i) => ({ name: `dec${i}`, shape: [inDim, dims[i + 1]], fanIn: inDim }));
}

/** UAI head: Linear(rep+1 -> 1, bias) on [phi(x), D(x)]. */
export function uaiSpecs(repDim: number) {
  return [
    { name: 'uaiW', shape: [repDim + 1, 1], fanIn: repDim + 1 },
    { name: 'uaiB', shape: [1], fanIn: repDim + 1 },
  ];
}
