// Top-2 PCA of the raw inputs for the input-space view (runs in the worker: d can be in the hundreds).

/** Projection of n x d rows (columns standardised) on their first two principal directions, row-major n x 2. */
export function pca2(values: ArrayLike<number>, n: number, d: number, iterations = 60): { xy: Float32Array; explained: [number, number] } {
  if (d === 1) {
    const xy = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) xy[2 * i] = values[i]!;
    return { xy, explained: [1, 0] };
  }
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += values[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sd[j] += (values[i * d + j]! - mean[j]!) ** 2;
  let total = 0;
  for (let j = 0; j < d; j++) {
    sd[j] = Math.sqrt(sd[j]! / n);
    if (sd[j]! > 0) total += 1;
    else sd[j] = 1; // a constant column stays 0 after centring
  }
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) z[i * d + j] = (values[i * d + j]! - mean[j]!) / sd[j]!;
  // orthogonal (subspace) iteration with two vectors on Z^T Z, never forming the d x d matrix
  let u = [new Float64Array(d), new Float64Array(d)];
  for (let j = 0; j < d; j++) {
    u[0]![j] = 1 + (j % 3);
    u[1]![j] = (j % 2 ? 1 : -1) * (1 + (j % 5));
  }
  const eig = [0, 0];
  for (let it = 0; it < iterations; it++) {
    const w = u.map(() => new Float64Array(d));
    for (let i = 0; i < n; i++) {
      const row = z.subarray(i * d, (i + 1) * d);
      for (let k = 0; k < 2; k++) {
        let p = 0;
        for (let j = 0; j < d; j++) p += row[j]! * u[k]![j]!;
        if (p !== 0) for (let j = 0; j < d; j++) w[k]![j] += p * row[j]!;
      }
    }
    // Gram-Schmidt
    const n0 = Math.hypot(...w[0]!) || 1;
    for (let j = 0; j < d; j++) w[0]![j] /= n0;
    let proj = 0;
    for (let j = 0; j < d; j++) proj += w[1]![j]! * w[0]![j]!;
    for (let j = 0; j < d; j++) w[1]![j] -= proj * w[0]![j]!;
    const n1 = Math.hypot(...w[1]!) || 1;
    for (let j = 0; j < d; j++) w[1]![j] /= n1;
    eig[0] = n0 / n;
    eig[1] = n1 / n;
    u = w;
  }
  // sign convention: the largest-magnitude loading is positive
  for (const v of u) {
    let k = 0;
    for (let j = 1; j < d; j++) if (Math.abs(v[j]!) > Math.abs(v[k]!)) k = j;
    if (v[k]! < 0) for (let j = 0; j < d; j++) v[j] = -v[j]!;
  }
  const xy = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    let a = 0;
    let b = 0;
    for (let j = 0; j < d; j++) {
      a += z[i * d + j]! * u[0]![j]!;
      b += z[i * d + j]! * u[1]![j]!;
    }
    xy[2 * i] = a;
    xy[2 * i + 1] = b;
  }
  return { xy, explained: [total ? eig[0]! / total : 0, total ? eig[1]! / total : 0] };
}
