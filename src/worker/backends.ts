// Backend detection and the timing probe; runs in the worker (imports tfjs and every backend package).
import { tf } from '../engine/tf';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import thrUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { BACKENDS, type BackendChoice, type BackendName } from '../core/choices';
import type { BackendProbe, BackendReport } from '../protocol';
import type { ProbeShape } from '../core/types';
import { chooseBackend } from './choice';
import { chooseTrainer } from '../engine/trainers';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': simdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': thrUrl,
});

interface Detected {
  available: boolean;
  software: boolean;
  detail: string;
  note: string | null;
}

async function detectWebGPU(): Promise<Detected> {
  const gpu = (self.navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { available: false, software: false, detail: 'no navigator.gpu', note: 'not supported by this browser' };
  let adapter: GPUAdapter | null = null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (e) {
    return { available: false, software: false, detail: String(e), note: `no adapter (${String(e)})` };
  }
  if (!adapter) return { available: false, software: false, detail: 'requestAdapter() returned null', note: 'no GPU adapter' };
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  const fallback =
    (info as (GPUAdapterInfo & { isFallbackAdapter?: boolean }) | undefined)?.isFallbackAdapter ??
    (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter ??
    false;
  const arch = info?.architecture ?? '';
  const software = fallback || /swiftshader/i.test(arch) || /swiftshader/i.test(info?.description ?? '');
  const detail = [info?.vendor, arch, info?.description].filter((s) => s).join(' ') || 'adapter';
  return { available: true, software, detail: software ? `software adapter (${detail})` : detail, note: null };
}

function detectWebGL(): Detected {
  if (typeof OffscreenCanvas === 'undefined') {
    return { available: false, software: false, detail: 'no OffscreenCanvas in workers', note: 'no OffscreenCanvas in workers' };
  }
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
  if (!gl) return { available: false, software: false, detail: 'no WebGL2 context', note: 'no WebGL2 context' };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  const software = /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
  const short = software ? 'SwiftShader (software) renderer' : renderer;
  return { available: true, software, detail: short, note: null };
}

function detectWasm(): Detected {
  if (typeof WebAssembly === 'undefined') return { available: false, software: false, detail: 'no WebAssembly', note: 'no WebAssembly' };
  // smallest module using a v128 op: validates only where SIMD is supported
  const simd = WebAssembly.validate(
    new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]),
  );
  return { available: true, software: false, detail: simd ? 'SIMD' : 'no SIMD', note: null };
}

async function detect(b: BackendName): Promise<Detected> {
  try {
    if (b === 'webgpu') return await detectWebGPU();
    if (b === 'webgl') return detectWebGL();
    if (b === 'wasm') return detectWasm();
    return { available: true, software: false, detail: 'plain JavaScript', note: null };
  } catch (e) {
    return { available: false, software: false, detail: String(e), note: `detection failed: ${String(e)}` };
  }
}

/** Switch tfjs to a backend; false (never throws) when it cannot start. */
export async function startBackend(b: BackendName): Promise<boolean> {
  try {
    const ok = await tf.setBackend(b);
    if (!ok) return false;
    await tf.ready();
    return tf.getBackend() === b;
  } catch {
    return false;
  }
}

/**
 * Detects all four backends and times the probe on the hardware ones (software ones too when probeAll).
 * Software GPU backends are skipped by default: their first step compiles shaders for seconds.
 */
export async function probeBackends(shape: ProbeShape, opts: { probeAll?: boolean; only?: BackendName } = {}): Promise<BackendProbe[]> {
  const out: BackendProbe[] = [];
  for (const name of BACKENDS) {
    const det = await detect(name);
    const probe: BackendProbe = { name, available: det.available, software: det.software, detail: det.detail, stepMs: null, note: det.note };
    out.push(probe);
    if (!det.available) continue;
    const wanted = opts.only ? opts.only === name : opts.probeAll || !det.software;
    if (!wanted) {
      probe.note = opts.only
        ? 'not probed (another backend was requested)'
        : `${det.detail}, not probed (software GPU backends are typically 10-30x slower than WASM)`;
      continue;
    }
    if (!(await startBackend(name))) {
      probe.available = false;
      probe.note = 'failed to initialise';
      continue;
    }
    try {
      // the wasm and cpu backends train with the host kernel, so that is what their probe times
      probe.stepMs = await chooseTrainer().probe(shape);
    } catch (e) {
      probe.available = false;
      probe.note = `probe failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return out;
}

/** Probe, choose and switch to the chosen backend; falls through the order when the choice fails to start. */
export async function selectBackend(requested: BackendChoice, shape: ProbeShape, probeAll = false): Promise<BackendReport> {
  const probes = await probeBackends(shape, { probeAll, only: requested === 'auto' || probeAll ? undefined : requested });
  let report = chooseBackend(probes, requested);
  const withTrainer = (r: BackendReport): BackendReport => ({ ...r, trainer: chooseTrainer().describe() });
  if (await startBackend(report.active)) return withTrainer(report);
  for (const p of probes) {
    if (p.name === report.active || !p.available) continue;
    if (await startBackend(p.name)) {
      report = { ...report, active: p.name, how: 'fallback', reason: `${report.active} failed to start; running on ${p.name}. ${report.reason}` };
      return withTrainer(report);
    }
  }
  if (await startBackend('cpu')) return withTrainer({ ...report, active: 'cpu', how: 'fallback', reason: `Every other backend failed; running on the CPU. ${report.reason}` });
  throw new Error('No TensorFlow.js backend could start in this browser.');
}
