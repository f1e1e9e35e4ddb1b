// npm run paper end to end on a generated CSV: a seed's runs share stage 0 and autoencoders and equal the runs made one by one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ResultFile } from './paper-worker';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const paper = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', '--import', './scripts/register-esm.mjs', 'scripts/paper.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

/** 200 rows of 4 features: a noisy cluster and 1 in 10 rows far off it, labelled 1. */
function blobsCsv(dir: string): string {
  let s = 1;
  const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const rows = Array.from({ length: 200 }, (_, i) => {
    const off = i % 10 === 0 ? 3 : 0;
    return [0, 1, 2, 3].map(() => (off + u()).toFixed(4)).join(',') + `,${off ? 1 : 0}`;
  });
  const path = join(dir, 'blobs.csv');
  writeFileSync(path, `a,b,c,d,label\n${rows.join('\n')}\n`);
  return path;
}

const numbers = (f: string) => {
  const r = JSON.parse(readFileSync(f, 'utf8')) as ResultFile;
  return { shared: r.stage0SharedBy, reused: r.pretrainsReused, stages: r.run.stages.map(({ seconds: _s, ...x }) => x) };
};

describe('npm run paper', () => {
  it('runs a family on one stage 0, another family on its autoencoders, a file per run, as the runs made alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-cli-'));
    const csv = blobsCsv(dir);
    const configs = 'nce/abs/ps1,one_class/random/ps0,soft_boundary/abs/ps1';
    const together = paper(['--datasets', csv, '--configs', configs, '--seed-list', '2', '--jobs', '1', '--out', join(dir, 'a')]);
    expect(together.status, together.stderr).toBe(0);
    expect(together.stdout).toMatch(/1 datasets x 3 configurations x seeds 2: 3 runs, 0 already in .*, 3 to do on 1 worker thread/);
    expect(together.stdout).toMatch(/\[2\/3\] blobs one_class\/random\/ps0 seed 2: last AUROC/);
    // alone: one configuration per process, so nothing is shared
    for (const k of configs.split(',')) expect(paper(['--datasets', csv, '--configs', k, '--seed-list', '2', '--jobs', '1', '--out', join(dir, 'b')]).status).toBe(0);
    for (const f of ['nce-abs-ps1-seed2.json', 'one_class-random-ps0-seed2.json', 'soft_boundary-abs-ps1-seed2.json']) {
      const a = numbers(join(dir, 'a', 'blobs', f));
      const b = numbers(join(dir, 'b', 'blobs', f));
      expect(a.shared).toBe(f.startsWith('soft') ? 1 : 2);
      expect(b.shared).toBe(1);
      expect(b.reused).toBe(0);
      expect(a.stages).toEqual(b.stages);
      expect(a.stages).toHaveLength(6);
    }
    // the soft-boundary family's stage 0 starts where the one-class family's did: its autoencoder is reused
    expect(numbers(join(dir, 'a', 'blobs', 'soft_boundary-abs-ps1-seed2.json')).reused).toBeGreaterThanOrEqual(1);
    expect(together.stdout).toMatch(/soft_boundary\/abs\/ps1 seed 2: .*[1-6] autoencoders reused/);
    // a rerun finds both and computes nothing
    const again = paper(['--datasets', csv, '--configs', configs, '--seed-list', '2', '--jobs', '1', '--out', join(dir, 'a')]);
    expect(again.stdout).toContain('3 runs, 3 already in');
  }, 240_000);
});
