// The NCE pair term of the host kernel: by hand on one pair, and bit for bit the plain double loop it replaced.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { occLossGrad } from './occLoss';

/** The loop as first written (gD[i] and gD[j] updated in the array at every pair): the bits the kernel must keep. */
function plainNce(D: Float32Array, nN: number): { value: number; gD: Float64Array } {
  const rows = D.length;
  const scale = 1 / (nN * (rows - nN));
  const gD = new Float64Array(rows);
  let value = 0;
  for (let i = 0; i < nN; i++) {
    const di = D[i]!;
    for (let j = nN; j < rows; j++) {
      const aj = D[j]!;
      value += Math.log1p(di / aj) * scale;
      gD[i]! += scale / (aj + di);
      gD[j]! -= (scale * di) / (aj * (aj + di));
    }
  }
  return { value, gD };
}

/** NCE on a one-row batch sitting on c (so the base term and its gradient are 0): only the pair term is left. */
function nceOnly(zl: Float32Array, rows: number, nN: number, c: Float32Array) {
  const rep = c.length;
  const pass = { z: zl, rows, nN, D: new Float32Array(rows), dz: new Float32Array(rows * rep) };
  const value = occLossGrad('nce', Float32Array.from(c), new Int8Array(1), c, 0, new Float32Array(1), new Float32Array(rep), pass, null);
  return { value, pass };
}

describe('NCE pair term (host kernel)', () => {
  it('one pair by hand: d = 1, a = 4 -> log(1.25); dL/dd = 1/5, dL/da = -1/20, dz = g 2 (z - c)', () => {
    const c = Float32Array.from([0, 0]);
    const { value, pass } = nceOnly(Float32Array.from([1, 0, 0, 2]), 2, 1, c);
    expect(Array.from(pass.D)).toEqual([1, 4]);
    expect(value).toBe(Math.log1p(0.25));
    // the abnormal's first coordinate: -0.05 * 2 * 0 = -0
    expect(Array.from(pass.dz)).toEqual([Math.fround(0.4), 0, -0, Math.fround(-0.2)]);
  });

  it('two normals, one abnormal by hand: mean of log(1 + 1/4) and log(1 + 4/4)', () => {
    const { value, pass } = nceOnly(Float32Array.from([1, 0, 2, 0, 0, 2]), 3, 2, Float32Array.from([0, 0]));
    expect(value).toBeCloseTo((Math.log(1.25) + Math.log(2)) / 2, 15);
    // dL/da = -(1/2) (1 / (4 * 5) + 4 / (4 * 8)) = -0.0875; dz_a = 2 * 2 * dL/da on its second coordinate
    expect(pass.dz[5]).toBe(Math.fround(4 * -0.0875));
  });

  it('gives the plain loop\'s value and gradient bit for bit on 300 x 200 pairs', () => {
    const r = new Rng(3);
    const rep = 4;
    const rows = 500;
    const nN = 300;
    const c = Float32Array.from([0.1, -0.3, 0.2, 0.05]);
    const zl = Float32Array.from({ length: rows * rep }, (_, k) => (r.next() - 0.5) * (Math.floor(k / rep) < nN ? 1 : 4));
    const { value, pass } = nceOnly(zl, rows, nN, c);
    const want = plainNce(pass.D, nN);
    expect(value).toBe(want.value);
    const dz = new Float32Array(rows * rep);
    for (let i = 0; i < rows; i++) for (let k = 0; k < rep; k++) dz[i * rep + k] = want.gD[i]! * 2 * (zl[i * rep + k]! - c[k]!);
    expect(Array.from(pass.dz)).toEqual(Array.from(dz));
  });
});
