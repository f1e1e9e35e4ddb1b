// A large dataset goes to the worker as a copy made a slice a task: the same values, and the commands sent meanwhile
// follow it in their order.
import { describe, expect, it } from 'vitest';
import type { Command } from '../protocol';
import { copyInSlices, LabClient, type WorkerLike } from './labClient';

class Recorder implements WorkerLike {
  posted: Command[] = [];
  transfers: Transferable[][] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.posted.push(message as Command);
    this.transfers.push(transfer);
  }
  terminate(): void {}
}

const data = (n: number, name = 'big') => ({ name, n, d: 2, values: Float64Array.from({ length: 2 * n }, (_, i) => i * 0.5 - 1), labels: Uint8Array.from({ length: n }, (_, i) => i % 2), featureNames: ['a', 'b'] });
const settle = async () => {
  for (let k = 0; k < 20; k++) await new Promise((r) => setTimeout(r, 0));
};

describe('copyInSlices', () => {
  it('copies every value, one slice per pause', async () => {
    const values = Float64Array.from({ length: 10 }, (_, i) => i * i);
    let pauses = 0;
    const out = await copyInSlices(values, 4, async () => void pauses++);
    expect(Array.from(out)).toEqual(Array.from(values));
    expect(out.buffer).not.toBe(values.buffer);
    expect(pauses).toBe(2); // slices 0-3, 4-7, 8-9
  });
});

describe('LabClient with a large dataset', () => {
  it('sends the same values as a transferred copy; commands sent meanwhile follow it in order', async () => {
    const w = new Recorder();
    const c = new LabClient(() => undefined, () => undefined, () => w, 4);
    const big = data(5);
    c.send({ type: 'setData', data: big });
    c.send({ type: 'configure', config: { preset: 'interactive', overrides: {} } });
    c.send({ type: 'ping', id: 1 });
    expect(w.posted).toEqual([]);
    await settle();
    expect(w.posted.map((x) => x.type)).toEqual(['setData', 'configure', 'ping']);
    const sent = (w.posted[0] as Extract<Command, { type: 'setData' }>).data;
    expect(Array.from(sent.values)).toEqual(Array.from(big.values));
    expect(sent.values).not.toBe(big.values);
    expect(Array.from(sent.labels!)).toEqual([0, 1, 0, 1, 0]);
    expect(w.transfers[0]).toEqual([sent.values.buffer]);
    // the page's own copy is untouched (a transferred buffer would be empty)
    expect(big.values.length).toBe(10);
  });

  it('two large datasets in a row: each waits for the one before, and what follows waits for both', async () => {
    const w = new Recorder();
    const c = new LabClient(() => undefined, () => undefined, () => w, 4);
    c.send({ type: 'setData', data: data(5, 'first') });
    c.send({ type: 'reset' });
    c.send({ type: 'setData', data: data(6, 'second') });
    c.send({ type: 'ping', id: 2 });
    await settle();
    expect(w.posted.map((x) => (x.type === 'setData' ? `setData ${x.data.name}` : x.type))).toEqual(['setData first', 'reset', 'setData second', 'ping']);
  });

  it('a small dataset goes at once', () => {
    const w = new Recorder();
    const c = new LabClient(() => undefined, () => undefined, () => w, 4);
    c.send({ type: 'setData', data: data(2) });
    expect(w.posted.map((x) => x.type)).toEqual(['setData']);
  });
});
