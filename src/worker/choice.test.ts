import { describe, expect, it } from 'vitest';
import { chooseBackend, fallbackOrder } from './choice';
import type { BackendProbe } from '../protocol';

const probe = (name: BackendProbe['name'], stepMs: number | null, software = false, available = true): BackendProbe => ({
  name, available, software, detail: software ? 'software adapter' : 'hw', stepMs, note: stepMs === null ? 'not probed' : null,
});

describe('chooseBackend', () => {
  it('picks the fastest measured backend and says how much faster it is', () => {
    const r = chooseBackend([probe('webgpu', 48, true), probe('webgl', null, true), probe('wasm', 4), probe('cpu', 10)], 'auto');
    expect(r.active).toBe('wasm');
    expect(r.how).toBe('auto');
    expect(r.reason).toBe('WASM is the fastest: 4.0 ms per training step; WebGPU (software adapter) 12x slower; WebGL: not probed; CPU 2.5x slower.');
  });
  it('on a tie (within 10%) takes the first in order: wasm and cpu both train with the host kernel', () => {
    const r = chooseBackend([probe('webgpu', null, true), probe('webgl', null, true), probe('wasm', 0.2), probe('cpu', 0.19)], 'auto');
    expect(r.active).toBe('wasm');
    expect(r.reason).toBe('WASM is the fastest: 0.2 ms per training step; WebGPU: not probed; WebGL: not probed; CPU as fast.');
    expect(chooseBackend([probe('wasm', 0.3), probe('cpu', 0.2)], 'auto').active).toBe('cpu');
  });
  it('honours a request for an available backend', () => {
    const r = chooseBackend([probe('webgpu', null, false, false), probe('webgl', 30, true), probe('wasm', null), probe('cpu', null)], 'webgl');
    expect(r.active).toBe('webgl');
    expect(r.how).toBe('requested');
    expect(r.reason).toBe('WebGL as requested; 30 ms per training step; software adapter.');
  });
  it('falls back to the automatic choice when the requested backend is missing', () => {
    const r = chooseBackend([{ ...probe('webgpu', null, false, false), note: 'no GPU adapter' }, probe('webgl', null, true), probe('wasm', 3), probe('cpu', 9)], 'webgpu');
    expect(r.active).toBe('wasm');
    expect(r.reason.startsWith('WebGPU was requested but is not available here (no GPU adapter); WASM is the fastest')).toBe(true);
  });
});

describe('fallbackOrder', () => {
  it('tries measured backends fastest first, then hardware, then software ones, never a failed one', () => {
    const probes = [probe('webgpu', null, true), probe('webgl', null, true), probe('wasm', 3), probe('cpu', null)];
    expect(fallbackOrder(probes, ['wasm'])).toEqual(['cpu', 'webgpu', 'webgl']);
    expect(fallbackOrder([probe('webgpu', 2), probe('wasm', 5), probe('cpu', 9)], ['webgpu'])).toEqual(['wasm', 'cpu']);
  });
});
