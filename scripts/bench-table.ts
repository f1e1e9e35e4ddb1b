// The benchmarks' generated data: a seeded CSV of any size, so no bench needs a downloaded file.
/** A seeded table: normals around 0, every 20th row shifted (the anomalies), label last. */
export function table(n: number, d: number): string {
  let s = 12345;
  const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const lines = [[...Array.from({ length: d }, (_, j) => `f${j}`), 'label'].join(',')];
  for (let i = 0; i < n; i++) {
    const a = i % 20 === 0;
    lines.push([...Array.from({ length: d }, () => (r() * 2 + (a ? 2.5 : 0)).toFixed(3)), a ? 1 : 0].join(','));
  }
  return lines.join('\n');
}
