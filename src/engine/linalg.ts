// Small dense linear algebra for the latent view: Jacobi eigen-decomposition, covariance, a canonical sign, dot.

/** Eigen-decomposition of a symmetric r x r matrix (row-major); eigenvalues descending, vectors as rows. */
export function symEig(a: ArrayLike<number>, r: number): { values: number[]; vectors: Float64Array[] } {
  const m = Float64Array.from(a as ArrayLike<number>);
  const v = new Float64Array(r * r);
  for (let i = 0; i < r; i++) v[i * r + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < r; p++) for (let q = p + 1; q < r; q++) off += m[p * r + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < r; p++) {
      for (let q = p + 1; q < r; q++) {
        const apq = m[p * r + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * r + q]! - m[p * r + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < r; k++) {
          const mkp = m[k * r + p]!;
          const mkq = m[k * r + q]!;
          m[k * r + p] = c * mkp - s * mkq;
          m[k * r + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < r; k++) {
          const mpk = m[p * r + k]!;
          const mqk = m[q * r + k]!;
          m[p * r + k] = c * mpk - s * mqk;
          m[q * r + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < r; k++) {
          const vkp = v[k * r + p]!;
          const vkq = v[k * r + q]!;
          v[k * r + p] = c * vkp - s * vkq;
          v[k * r + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: r }, (_, i) => i).sort((i, j) => m[j * r + j]! - m[i * r + i]!);
  return {
    values: order.map((i) => m[i * r + i]!),
    vectors: order.map((i) => Float64Array.from({ length: r }, (_, k) => v[k * r + i]!)),
  };
}

/** Covariance (centred, divided by n) of n row vectors of length r, each minus `shift`. */
export function covariance(rows: ArrayLike<number>, n: number, r: number, shift?: ArrayLike<number>): Float64Array {
  const mean = new Float64Array(r);
  for (let i = 0; i < n; i++) for (let j = 0; j < r; j++) mean[j] += rows[i * r + j]! - (shift ? shift[j]! : 0);
  for (let j = 0; j < r; j++) mean[j] /= n;
  const cov = new Float64Array(r * r);
  const row = new Float64Array(r);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < r; j++) row[j] = rows[i * r + j]! - (shift ? shift[j]! : 0) - mean[j]!;
    for (let a = 0; a < r; a++) for (let b = a; b < r; b++) cov[a * r + b] += row[a]! * row[b]!;
  }
  for (let a = 0; a < r; a++) for (let b = a; b < r; b++) cov[b * r + a] = cov[a * r + b] = cov[a * r + b]! / n;
  return cov;
}

/** Sign convention without a reference: the largest-magnitude component is positive. */
export function canonicalSign(v: Float64Array): Float64Array {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]!) > Math.abs(v[k]!) + 1e-12) k = i;
  return v[k]! < 0 ? v.map((x) => -x) : v;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
