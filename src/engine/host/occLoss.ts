// The seven Deep OCC objectives with their gradients written out (the host twin of losses.ts + autodiff).
import { NU, SAD_EPS, usesUai } from '../losses';
import type { Loss } from '../../core/types';

/** The labelled pool rows' pass for NCE: normals first (nN rows), then abnormals. */
export interface NcePass {
  z: Float32Array;
  rows: number;
  nN: number;
  D: Float32Array;
  dz: Float32Array;
  /** false: gradient only, no loss value (0 returned): the log1p per pair is most of the term's cost */
  value?: boolean;
}

/** The UAI head's parameters and gradient slots (w has rep + 1 entries: [phi(x); D(x)]). */
export interface UaiHead {
  theta: Float32Array;
  grad: Float32Array;
  wOffset: number;
  bOffset: number;
}

/** D = ||z - c||^2 per row. */
export function sqDistRows(z: Float32Array, rows: number, c: Float32Array, D: Float32Array): void {
  const rep = c.length;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let k = 0; k < rep; k++) s += (z[i * rep + k] - c[k]) ** 2;
    D[i] = s;
  }
}

/** dz = gD * dD/dz = gD * 2 (z - c), plus what is already in dz when `add`. */
function chainDist(z: Float32Array, rows: number, c: Float32Array, gD: Float64Array, dz: Float32Array, add: boolean): void {
  const rep = c.length;
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < rep; k++) {
      const g = gD[i] * 2 * (z[i * rep + k] - c[k]);
      dz[i * rep + k] = add ? dz[i * rep + k] + g : g;
    }
  }
}

const softplus = (u: number) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));

/**
 * Loss value of one mini-batch (B = rows of z; `semi` its semi targets) and its gradient: dL/dz into dz,
 * dL/dz_lab into nce.dz, the UAI head's gradient into its slots. D gets the batch's distances (for R).
 */
export function occLossGrad(
  loss: Loss, z: Float32Array, semi: Int8Array, c: Float32Array, r2: number, D: Float32Array, dz: Float32Array,
  nce: NcePass | null, uai: UaiHead | null,
): number {
  const B = semi.length;
  sqDistRows(z, B, c, D);
  const gD = new Float64Array(B);
  const soft = loss.startsWith('soft_boundary');
  const masked = !usesUai(loss); // the UAI losses' base term counts every row
  let value = soft ? r2 : 0;
  for (let i = 0; i < B; i++) {
    const keep = masked && semi[i] < 0 ? 0 : 1;
    if (soft) {
      const over = D[i] - r2;
      if (over > 0) (value += (keep * over) / (NU * B)), (gD[i] = keep / (NU * B));
    } else if (loss === 'dsad') {
      const abnormal = semi[i] === -1 ? 1 : 0;
      value += (keep * D[i] + abnormal / (D[i] + SAD_EPS)) / B;
      gD[i] = keep / B - abnormal / ((D[i] + SAD_EPS) ** 2 * B);
    } else {
      value += (keep * D[i]) / B;
      gD[i] = keep / B;
    }
  }
  const gU = uai ? new Float64Array(B) : null;
  if (uai) value += uaiTerm(z, semi, D, c.length, uai, gD, gU!);
  chainDist(z, B, c, gD, dz, false);
  if (uai) {
    // the head also reads z directly: dL/dz += dL/du * w[:rep]
    const rep = c.length;
    for (let i = 0; i < B; i++) for (let k = 0; k < rep; k++) dz[i * rep + k] += gU![i] * uai.theta[uai.wOffset + k];
  }
  if (nce) value += nceTerm(nce, c);
  return value;
}

/**
 * BCE of sigmoid(w.[z; D] + b) over the batch's labelled rows (target 1 = abnormal): writes the head's
 * gradient, dL/du per row into gU, and adds the path through D into gD.
 */
function uaiTerm(z: Float32Array, semi: Int8Array, D: Float32Array, rep: number, h: UaiHead, gD: Float64Array, gU: Float64Array): number {
  const B = semi.length;
  const w = h.theta.subarray(h.wOffset, h.wOffset + rep + 1);
  const gw = h.grad.subarray(h.wOffset, h.wOffset + rep + 1).fill(0);
  h.grad[h.bOffset] = 0;
  let nL = 0;
  for (let i = 0; i < B; i++) if (semi[i] === 1 || semi[i] === -1) nL++;
  let value = 0;
  if (nL > 0) {
    let gb = 0;
    for (let i = 0; i < B; i++) {
      if (semi[i] !== 1 && semi[i] !== -1) continue;
      const t = semi[i] === -1 ? 1 : 0;
      let u = h.theta[h.bOffset] + w[rep] * D[i];
      for (let k = 0; k < rep; k++) u += w[k] * z[i * rep + k];
      value += (softplus(u) - t * u) / nL;
      gU[i] = (1 / (1 + Math.exp(-u)) - t) / nL;
      gD[i] += gU[i] * w[rep];
      gb += gU[i];
      for (let k = 0; k < rep; k++) gw[k] += gU[i] * z[i * rep + k];
      gw[rep] += gU[i] * D[i];
    }
    h.grad[h.bOffset] = gb;
  }
  return value;
}

/**
 * Mean over (normal i, abnormal j) pairs of log(1 + d_i / a_j), with its gradient into nce.dz. The pairs are
 * |N| x |A| at every step (nslkdd: ~3,000 x 3,000), so the loop keeps row i's sum in a register and hoists
 * scale * d_i: the same operations in the same order as the plain double loop, so the same bits.
 */
function nceTerm(p: NcePass, c: Float32Array): number {
  sqDistRows(p.z, p.rows, c, p.D);
  const nN = p.nN;
  const nA = p.rows - nN;
  const scale = 1 / (nN * nA);
  const gD = new Float64Array(p.rows);
  const a = p.D.subarray(nN, p.rows);
  const gA = gD.subarray(nN);
  const withValue = p.value !== false;
  let value = 0;
  for (let i = 0; i < nN; i++) {
    const di = p.D[i];
    const sdi = scale * di;
    let gi = 0;
    if (withValue) {
      for (let j = 0; j < nA; j++) {
        const aj = a[j];
        const t = aj + di;
        value += Math.log1p(di / aj) * scale;
        gi += scale / t;
        gA[j] -= sdi / (aj * t);
      }
    } else {
      for (let j = 0; j < nA; j++) {
        const aj = a[j];
        const t = aj + di;
        gi += scale / t;
        gA[j] -= sdi / (aj * t);
      }
    }
    gD[i] = gi;
  }
  chainDist(p.z, p.rows, c, gD, p.dz, false);
  return value;
}
