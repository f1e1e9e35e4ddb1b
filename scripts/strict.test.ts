// The CLIs' --strict: a run whose scores collapsed exits with 3 and says so; its JSON has "collapsed": true.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** 300 rows that are copies of two points (so at most two distinct scores), 1 in 10 labelled an anomaly whatever its point. */
function constantCsv(dir: string): string {
  const rows = Array.from({ length: 300 }, (_, i) => (i % 2 ? '0,0,0' : '1,1,1') + `,${i % 10 === 0 ? 1 : 0}`);
  const path = join(dir, 'constant.csv');
  writeFileSync(path, `f0,f1,f2,label\n${rows.join('\n')}\n`);
  return path;
}

const node = (script: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', '--import', './scripts/register-esm.mjs', script, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('--strict', () => {
  it('npm run experiment exits 3 on a collapsed run and flags it in the JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strict-'));
    const json = join(dir, 'out.json');
    const r = node('scripts/experiment.ts', ['--dataset', constantCsv(dir), '--loss', 'one_class', '--query', 'margin', '--pseudo', '0', '--seeds', '1',
      '--preset', 'interactive', '--threads', '1', '--json', json, '--strict', '1']);
    expect(r.stderr).toContain('error: the scores collapsed (--strict 1)');
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('WARNING: the scores collapsed');
    const out = JSON.parse(readFileSync(json, 'utf8'));
    expect(out.collapsed).toBe(true);
    expect(out.collapse[0][0].distinct).toBeLessThanOrEqual(2);
  }, 240_000);
});
