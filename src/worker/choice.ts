// Pure backend choice: given what was detected and measured, pick one and say why in a sentence.
import { BACKENDS, type BackendChoice, type BackendName } from '../core/choices';
import type { BackendProbe, BackendReport } from '../protocol';

const TITLE: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

export function backendTitle(b: BackendName): string {
  return TITLE[b];
}

/**
 * Fallback order after a failure, never a failed one: the measured ones fastest first, then unmeasured
 * hardware ones in the fixed order, then software GPU backends (10-30x slower than WASM) last.
 */
export function fallbackOrder(probes: BackendProbe[], failed: BackendName[]): BackendName[] {
  const usable = probes.filter((p) => p.available && !failed.includes(p.name));
  const measured = usable.filter((p) => p.stepMs !== null).sort((a, b) => a.stepMs! - b.stepMs!).map((p) => p.name);
  const unmeasured = BACKENDS.map((b) => usable.find((p) => p.name === b && p.stepMs === null)).filter((p): p is BackendProbe => !!p);
  const rest = [...unmeasured.filter((p) => !p.software), ...unmeasured.filter((p) => p.software)].map((p) => p.name);
  const order = [...measured, ...rest];
  // cpu always works, keep it as the last resort even if detection did not list it
  if (!order.includes('cpu') && !failed.includes('cpu')) order.push('cpu');
  return order;
}

function fmtMs(ms: number): string {
  return ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

function ratio(slow: number, fast: number): string {
  const r = slow / fast;
  return r >= 10 ? `${r.toFixed(0)}x` : `${r.toFixed(1)}x`;
}

/** Step times within this factor count as a tie (wasm and cpu both train with the host kernel). */
const TIE = 1.1;

/** Picks the backend: the requested one when it is available, else the fastest probed one (on a tie, the first in order). */
export function chooseBackend(probes: BackendProbe[], requested: BackendChoice): BackendReport {
  const measured = probes.filter((p) => p.available && p.stepMs !== null).sort((a, b) => a.stepMs! - b.stepMs!);
  const tied = measured.filter((p) => p.stepMs! <= measured[0].stepMs! * TIE);
  const fastest = tied.sort((a, b) => BACKENDS.indexOf(a.name) - BACKENDS.indexOf(b.name))[0];
  const req = requested === 'auto' ? null : probes.find((p) => p.name === requested);
  if (req && req.available) {
    const parts = [`${TITLE[req.name]} as requested`];
    if (req.stepMs !== null) parts.push(`${fmtMs(req.stepMs)} per training step`);
    if (fastest && req.stepMs !== null && fastest.name !== req.name) {
      parts.push(`${TITLE[fastest.name]} measured ${ratio(req.stepMs, fastest.stepMs!)} faster`);
    }
    if (req.software) parts.push(`${req.detail}`);
    return { active: req.name, how: 'requested', probes, reason: parts.join('; ') + '.' };
  }
  const pick = fastest?.name ?? fallbackOrder(probes, [])[0]!;
  const parts: string[] = [];
  if (req && !req.available) parts.push(`${TITLE[req.name]} was requested but is not available here (${req.note ?? req.detail})`);
  if (fastest) parts.push(`${TITLE[pick]} is the fastest: ${fmtMs(fastest.stepMs!)} per training step`);
  else parts.push(`${TITLE[pick]}: no backend could be measured`);
  for (const p of probes) {
    if (p.name === pick) continue;
    if (!p.available) parts.push(`${TITLE[p.name]}: ${p.note ?? 'not available'}`);
    else if (p.stepMs !== null && fastest && p.stepMs <= fastest.stepMs! * TIE) parts.push(`${TITLE[p.name]} as fast`);
    else if (p.stepMs !== null && fastest) parts.push(`${TITLE[p.name]}${p.software ? ` (${p.detail})` : ''} ${ratio(p.stepMs, fastest.stepMs!)} slower`);
    else if (p.note) parts.push(`${TITLE[p.name]}: ${p.note}`);
  }
  return { active: pick, how: 'auto', probes, reason: parts.join('; ') + '.' };
}
