// Helpers for the import and link tests: drop a file on the page, build binary fixtures, wait for an import outcome.
import { expect, type Page } from '@playwright/test';
import { writeMatV5 } from '../src/io/testing/matWriter';

/** Drops a file on the page the way a person drags it from the file manager. */
export async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const dt = await page.evaluateHandle(({ name, b64 }) => {
    const bin = atob(b64);
    const arr = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
    const t = new DataTransfer();
    t.items.add(new File([arr], name));
    return t;
  }, { name, b64: Buffer.from(bytes).toString('base64') });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
}

/** Chooses a file with the page's file input (the "Open file" button's input). */
export async function chooseFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

/** A small seeded generator (LCG + Box-Muller) so fixtures are the same on every run. */
export function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const u = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** An ODDS-style .mat (X, y): n rows, d features, the last `anomalies` rows shifted away. */
export function oddsMat(n: number, d: number, anomalies: number, seed = 5): Uint8Array {
  const g = gaussian(seed);
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = i >= n - anomalies;
    y[i] = a ? 1 : 0;
    for (let j = 0; j < d; j++) X[i * d + j] = g() + (a ? 2.5 : 0) + j * 0.1;
  }
  return writeMatV5([{ name: 'X', rows: n, cols: d, data: X }, { name: 'y', rows: n, cols: 1, data: y }], { compress: true });
}

const text = (s: string) => new TextEncoder().encode(s);
export { text };

/** Waits for the import error and checks its code; the loaded dataset must not have changed. */
export async function expectImportError(page: Page, code: string, message: RegExp): Promise<void> {
  const box = page.getByTestId('import-error');
  await expect(box).toBeVisible();
  await expect(box).toHaveAttribute('data-code', code);
  await expect(page.getByTestId('import-error-message')).toHaveText(message);
}
