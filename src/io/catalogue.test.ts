import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_DATASETS, loadManifest, parseManifest, type ManifestEntry } from './catalogue';

const DIR = fileURLToPath(new URL('../../public/datasets/', import.meta.url));
const shipped = (): unknown => JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));

function goodEntry(): ManifestEntry {
  return {
    name: 'tiny', title: 'Tiny', file: 'tiny.csv', rows: 4, features: 2, anomalies: 1, anomalyRatio: 0.25,
    featureNames: ['a', 'b'], kind: { type: 'tabular' }, recipe: 'r', licence: 'l', citation: 'c',
    source: { registry: 'project', package: 'svdd-lab', version: '0.1.0', path: 'x' },
  };
}
const withEntry = (patch: Record<string, unknown>): unknown => ({ version: 1, datasets: [{ ...goodEntry(), ...patch }] });

describe('shipped manifest (public/datasets)', () => {
  const m = parseManifest(shipped());

  it('lists the bundled datasets', () => {
    expect(m.datasets.map((d) => d.name)).toEqual(['ionosphere', 'glass', 'optdigits-lite', 'mnist-lite', 'blobs', 'ring', 'moons', 'hard']);
  });

  it('has the ODDS shapes for ionosphere and glass', () => {
    const byName = new Map(m.datasets.map((d) => [d.name, d]));
    expect([byName.get('ionosphere')!.rows, byName.get('ionosphere')!.features, byName.get('ionosphere')!.anomalies]).toEqual([351, 33, 126]);
    expect([byName.get('glass')!.rows, byName.get('glass')!.features, byName.get('glass')!.anomalies]).toEqual([214, 9, 9]);
    expect(byName.get('optdigits-lite')!.kind).toEqual({ type: 'image', shape: [8, 8] });
    expect(byName.get('mnist-lite')!.kind).toEqual({ type: 'image', shape: [28, 28] });
    expect(byName.get('mnist-lite')!.rows).toBeLessThanOrEqual(2000);
  });

  it.each(parseManifest(shipped()).datasets.map((d) => [d.name, d] as const))('%s: rows, header and anomalies match the CSV on disk', (_, d) => {
    const lines = readFileSync(join(DIR, d.file), 'utf8').split('\n');
    expect(lines.at(-1)).toBe(''); // ends with a newline
    const body = lines.slice(0, -1);
    expect(body[0]).toBe([...d.featureNames, 'label'].join(','));
    expect(body.length - 1).toBe(d.rows);
    let anomalies = 0;
    for (const row of body.slice(1)) {
      const cells = row.split(',');
      expect(cells.length).toBe(d.features + 1);
      anomalies += Number(cells[d.features]);
    }
    expect(anomalies).toBe(d.anomalies);
  });
});

describe('parseManifest', () => {
  it('accepts a good manifest', () => {
    expect(parseManifest({ version: 1, datasets: [goodEntry()] }).datasets[0]!.name).toBe('tiny');
  });

  it.each([
    [null, 'the top level must be an object'],
    [{ version: 2, datasets: [] }, 'unsupported version 2'],
    [{ version: 1 }, '"datasets" must be an array'],
    [withEntry({ rows: 0 }), 'dataset "tiny": "rows" must be an integer >= 1, got 0'],
    [withEntry({ rows: 2.5 }), '"rows" must be an integer >= 1, got 2.5'],
    [withEntry({ anomalies: 5 }), '5 anomalies but only 4 rows'],
    [withEntry({ anomalyRatio: 0.3 }), '"anomalyRatio" must equal anomalies / rows = 0.25'],
    [withEntry({ featureNames: ['a'] }), '"featureNames" must be 2 non-empty strings'],
    [withEntry({ featureNames: ['a', 'a'] }), '"featureNames" has duplicates'],
    [withEntry({ file: '../etc/passwd.csv' }), '"file" must be a plain .csv file name'],
    [withEntry({ kind: { type: 'image', shape: [3, 3] } }), 'image shape 3x3 does not match 2 features'],
    [withEntry({ kind: { type: 'graph' } }), '"kind" must be'],
    [withEntry({ source: { registry: 'pypi', package: 'x', version: '1', path: 'p' } }), 'source.registry must be'],
    [withEntry({ licence: '' }), '"licence" must be a non-empty string'],
    [{ version: 1, datasets: [goodEntry(), goodEntry()] }, 'dataset name "tiny" appears twice'],
    [{ version: 1, datasets: [42] }, 'dataset #1 is not an object'],
  ])('rejects %j with a specific message', (json, message) => {
    expect(() => parseManifest(json)).toThrow(message);
  });
});

describe('loadManifest', () => {
  it('fetches base + manifest.json and validates it', async () => {
    const urls: string[] = [];
    const fake = (async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ version: 1, datasets: [goodEntry()] }));
    }) as typeof fetch;
    const m = await loadManifest('/app/datasets/', fake);
    expect(urls).toEqual(['/app/datasets/manifest.json']);
    expect(m.datasets).toHaveLength(1);
  });

  it('reports HTTP errors, bad JSON and network failures', async () => {
    await expect(loadManifest('d/', (async () => new Response('nope', { status: 404 })) as typeof fetch)).rejects.toThrow('Could not load the dataset manifest d/manifest.json: HTTP 404.');
    await expect(loadManifest('d/', (async () => new Response('{oops')) as typeof fetch)).rejects.toThrow('is not valid JSON');
    await expect(loadManifest('d/', (async () => { throw new Error('offline'); }) as typeof fetch)).rejects.toThrow('manifest d/manifest.json: offline');
  });
});

describe('EXTERNAL_DATASETS', () => {
  it('lists the five paper datasets we do not bundle, with the numbers of algorithm.md 2.1', () => {
    const rows = EXTERNAL_DATASETS.map((d) => [d.name, d.rows, d.features, d.anomalies]);
    expect(rows).toEqual([
      ['arrhythmia', 452, 274, 66],
      ['cardio', 1831, 21, 176],
      ['mnist', 7603, 100, 700],
      ['optdigits', 5216, 64, 150],
      ['nslkdd', 125973, 41, 58630],
    ]);
    for (const d of EXTERNAL_DATASETS) {
      expect(d.anomalyRatio).toBeCloseTo(d.anomalies / d.rows, 12);
      expect(d.infoUrl).toMatch(/^https?:\/\//);
    }
    expect(EXTERNAL_DATASETS.find((d) => d.name === 'mnist')!.paperKey).toBe('mnist_tab');
  });
});
