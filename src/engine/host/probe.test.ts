import { afterEach, describe, expect, it } from 'vitest';
import { hostStepMs } from './probe';
import { useVariant } from './arena';
import { chooseTrainer } from '../trainers';
import { hostTrainer } from './hostTrainer';
import { cpuBackend } from '../testing';

afterEach(() => useVariant(null));

describe('host kernel probe', () => {
  it('times a step: positive and finite, and the JS loops are slower than SIMD on a wide layer', () => {
    const shape = { d: 274, hDims: [128, 64], repDim: 32, batch: 128 };
    const simd = hostStepMs(shape);
    useVariant('js');
    const js = hostStepMs(shape, 1, 3);
    expect(simd).toBeGreaterThan(0);
    expect(Number.isFinite(js)).toBe(true);
    expect(js).toBeGreaterThan(simd);
  });

  it('names what trains', async () => {
    await cpuBackend();
    expect(chooseTrainer().describe()).toBe('host kernel, WebAssembly SIMD with fused multiply-add');
    useVariant('simd');
    expect(chooseTrainer().describe()).toBe('host kernel, WebAssembly SIMD');
    useVariant('js');
    // without SIMD, auto leaves training to tfjs; pinned, the host trainer runs its JS loops
    expect(chooseTrainer().describe()).toBe('tfjs tensor ops (hand-written backward)');
    expect(hostTrainer.describe()).toBe('host kernel, plain JavaScript');
    expect(chooseTrainer('tensor').describe()).toBe('tfjs tensor ops (hand-written backward)');
  });
});
