import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawData } from '../src/core/types';
import { parseArff } from '../src/io/arff';
import {
  anomalyCount, compareWithReference, formatCell, mnistLite, oddsGlass, oddsIonosphere, optdigitsLite, sampleSorted, toCsv,
} from './build-datasets';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('formatCell and toCsv', () => {
  it('prints the shortest round-trip decimal, -0 as 0, integers without a point', () => {
    expect(formatCell(0.1)).toBe('0.1');
    expect(formatCell(-0)).toBe('0');
    expect(formatCell(16)).toBe('16');
    expect(formatCell(1.52101)).toBe('1.52101');
    expect(Number(formatCell(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(() => formatCell(Number.NaN)).toThrow('non-finite value (NaN)');
  });

  it('writes header, rows and labels', () => {
    const d: RawData = { name: 't', n: 2, d: 2, values: new Float64Array([1, -0.5, 0, 2.25]), labels: new Uint8Array([0, 1]), featureNames: ['a', 'b'] };
    expect(toCsv(d)).toBe('a,b,label\n1,-0.5,0\n0,2.25,1\n');
    expect(() => toCsv({ ...d, labels: null })).toThrow('Dataset t has no labels');
  });
});

describe('the lab\'s ARFF parser, as the builder uses it', () => {
  const text = [
    '% comment', '@relation \'toy\'', '', '@attribute a01 numeric', "@attribute 'my attr' REAL",
    "@attribute class {b, g, 'x y'}", '@data', '% another comment', '1,0,b', "0.5,-1,'x y'", '',
  ].join('\n');

  it('reads attributes, nominal values and quoted cells', () => {
    const a = parseArff(text);
    expect(a.relation).toBe('toy');
    expect(a.table.names).toEqual(['a01', 'my attr', 'class']);
    expect(a.nominalValues).toEqual([null, null, ['b', 'g', 'x y']]);
    expect(a.table.rows).toEqual([['1', '0', 'b'], ['0.5', '-1', 'x y']]);
  });

  it('a missing @data section is an error', () => {
    expect(() => parseArff('@relation x\n@attribute a numeric\n')).toThrow('no @data section');
  });
});

describe('ODDS recipes on tiny fixtures', () => {
  const ionoArff = (rows: string[]): string => [
    '@relation ionosphere', ...Array.from({ length: 34 }, (_, j) => `@attribute a${String(j + 1).padStart(2, '0')} numeric`),
    '@attribute class {b,g}', '@data', ...rows,
  ].join('\n');
  const row = (first: number, second: number, cls: string): string => [first, second, ...Array.from({ length: 32 }, (_, j) => (j + 1) / 100), cls].join(',');

  it('ionosphere: drops a02, b = anomaly', () => {
    const d = oddsIonosphere(parseArff(ionoArff([row(1, 0, 'g'), row(0, 0, 'b')])));
    expect([d.n, d.d]).toEqual([2, 33]);
    expect(d.featureNames.slice(0, 3)).toEqual(['a01', 'a03', 'a04']);
    expect(d.featureNames).not.toContain('a02');
    expect(Array.from(d.values.slice(0, 3))).toEqual([1, 0.01, 0.02]);
    expect(d.values[32]).toBe(0.32);
    expect(Array.from(d.labels!)).toEqual([0, 1]);
    expect(() => oddsIonosphere(parseArff(ionoArff([row(1, 0.5, 'g')])))).toThrow('second attribute is not constant 0');
    expect(() => oddsIonosphere(parseArff(ionoArff([row(1, 0, 'q')])))).toThrow('class "q" is neither b nor g');
  });

  it('glass: type 6 = anomaly, order kept', () => {
    const d = oddsGlass(['1.52101,13.64,4.49,1.1,71.78,0.06,8.75,0,0,1', '1.51299,14.4,1.74,1.54,74.55,0,7.59,0,0,6']);
    expect(d.featureNames).toEqual(['RI', 'Na', 'Mg', 'Al', 'Si', 'K', 'Ca', 'Ba', 'Fe']);
    expect(Array.from(d.labels!)).toEqual([0, 1]);
    expect(d.values[9]).toBe(1.51299);
    expect(() => oddsGlass(['1,2,3'])).toThrow('Glass row 1: expected 10 fields, got 3.');
    expect(() => oddsGlass(['1,2,3,4,x,6,7,8,9,1'])).toThrow('Glass row 1: "x" is not a number.');
  });

  it('anomalyCount gives the count closest to the ratio (hand-computed)', () => {
    expect(anomalyCount(1619, 0.029)).toBe(48); // 1619 x 0.029 / 0.971 = 48.35
    expect(anomalyCount(1001, 0.09)).toBe(99); // 1001 x 0.09 / 0.91 = 99.0
    expect(anomalyCount(97, 0.029)).toBe(3); // 2.897
  });

  it('sampleSorted is seeded, distinct and sorted', () => {
    const a = sampleSorted([10, 20, 30, 40, 50, 60], 3, 5);
    expect(a).toEqual(sampleSorted([10, 20, 30, 40, 50, 60], 3, 5));
    expect(new Set(a).size).toBe(3);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
  });

  it('optdigitsLite: digits 1-9 kept, 3 of 5 zeros (95 x 0.029 / 0.971 = 2.84), file order', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100; i++) {
      const digit = i % 20 === 0 ? 0 : 1 + (i % 9); // zeros at rows 0, 20, 40, 60, 80
      lines.push([...Array.from({ length: 64 }, (_, j) => (j === 0 ? i : 0)), digit].join(','));
    }
    const d = optdigitsLite(lines.join('\n'), 7);
    expect(d.n).toBe(98);
    expect(d.d).toBe(64);
    expect(d.labels!.reduce((s, l) => s + l, 0)).toBe(3);
    expect(d.kind).toEqual({ type: 'image', shape: [8, 8] });
    expect(d.featureNames[9]).toBe('p1_1');
    const firstPixels = Array.from({ length: d.n }, (_, k) => d.values[k * 64]!);
    expect([...firstPixels].sort((a, b) => a - b)).toEqual(firstPixels); // original order
    for (let k = 0; k < d.n; k++) expect(d.labels![k]).toBe(firstPixels[k]! % 20 === 0 ? 1 : 0);
    expect(() => optdigitsLite('1,2,3', 1)).toThrow('digits.csv row 1: expected 65 fields');
  });

  it('mnistLite: zeros first, then the sampled sixes', () => {
    const img = (v: number): number[] => Array.from({ length: 784 }, () => v);
    const zeros = [...Array.from({ length: 20 }, () => img(0.5)).flat()];
    const sixes = Array.from({ length: 5 }, (_, i) => img(i / 10)).flat();
    const d = mnistLite(zeros, sixes, 3);
    expect(d.n).toBe(22); // 20 zeros + round(20 x 0.09 / 0.91) = 2 sixes
    expect(Array.from(d.labels!.slice(18))).toEqual([0, 0, 1, 1]);
    expect(d.values[19 * 784]).toBe(0.5);
    const picked = [d.values[20 * 784]!, d.values[21 * 784]!];
    expect(picked[0]).toBeLessThan(picked[1]!);
    expect(d.kind).toEqual({ type: 'image', shape: [28, 28] });
    expect(() => mnistLite([1, 2], sixes, 1)).toThrow('not a whole number of 28x28 images');
  });

  it('compareWithReference reports value, label and shape differences', () => {
    const d: RawData = { name: 't', n: 2, d: 2, values: new Float64Array([1, 2, 3, 4]), labels: new Uint8Array([0, 1]), featureNames: ['a', 'b'] };
    expect(compareWithReference(d, 'f0,f1,label\n1,2,0\n3,4,1\n')).toEqual([]);
    expect(compareWithReference(d, 'f0,f1,label\n1,2.5,0\n3,4,0\n')).toEqual(['row 1 column 2: 2 vs reference 2.5', 'row 2: label 1 vs reference 0']);
    expect(compareWithReference(d, 'f0,f1,label\n1,2,0\n')).toEqual(['row count 2 vs reference 1']);
  });
});

describe('build-datasets script', () => {
  it('states its inputs and fails naming the missing package and the install command', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-weka-'));
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/build-datasets.ts'], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATASETS_WEKA_DIR: empty },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('build-datasets: inputs');
    expect(r.stdout).toContain(`ionosphere  Debian weka: ${empty}/ionosphere.arff: MISSING`);
    expect(r.stderr).toContain(`ionosphere: missing Debian weka: ${empty}/ionosphere.arff. Install it with: apt-get install -y weka`);
    expect(r.stdout).not.toContain('wrote');
  });
});
