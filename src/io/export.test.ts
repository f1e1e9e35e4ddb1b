import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { HistoryEntry } from '../core/types';
import { csvCell, formatFloat32, labelsCsv, modelFiles, parseModelFiles, scoresCsv, toCsv } from './export';

describe('csv cells', () => {
  it('quotes, doubles quotes, and guards formulas in text only', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('<img onerror=alert(1)>')).toBe('<img onerror=alert(1)>');
  });

  it('writes a table and refuses ragged rows', () => {
    expect(toCsv(['name', 'v'], [['=cmd', 1], ['a,b', -2]])).toBe("name,v\n'=cmd,1\n\"a,b\",-2\n");
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow('A CSV row has 1 cells but the header has 2');
  });

  it('prints float32 values with the fewest digits that read back', () => {
    expect(formatFloat32(0.1)).toBe('0.1');
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(1 / 3)).toBe('0.33333334');
    expect(formatFloat32(16777217)).toBe('16777216');
    expect(formatFloat32(1e-7)).toBe('1e-7');
    expect(formatFloat32(NaN)).toBe('NaN');
    expect(formatFloat32(-Infinity)).toBe('-Infinity');
  });
});

const history: HistoryEntry[] = [
  // newest first, as the labels store keeps it
  { seq: 3, index: 4, label: 'anomaly', round: 1, time: Date.UTC(2026, 0, 2, 3, 4, 5), source: 'plot' },
  { seq: 2, index: 9, label: 'skip', round: 1, time: Date.UTC(2026, 0, 2, 3, 4, 0), source: 'key' },
  { seq: 1, index: 4, label: 'normal', round: 0, time: Date.UTC(2026, 0, 1), source: 'key' },
  { seq: 0, index: 2, label: 'normal', round: 0, time: Date.UTC(2025, 11, 31, 23, 59, 59, 500), source: 'simulated' },
];

describe('labelsCsv', () => {
  it('writes the current label of each sample, by index, without skips', () => {
    expect(labelsCsv(history)).toBe(
      'index,label,round,time\n' +
      '2,normal,0,2025-12-31T23:59:59.500Z\n' +
      '4,anomaly,1,2026-01-02T03:04:05.000Z\n');
  });

  it('writes every decision in order, and maps pool index to file row', () => {
    expect(labelsCsv(history, { history: true, rowOf: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19] })).toBe(
      'index,row,label,round,time\n' +
      '2,12,normal,0,2025-12-31T23:59:59.500Z\n' +
      '4,14,normal,0,2026-01-01T00:00:00.000Z\n' +
      '9,19,skip,1,2026-01-02T03:04:00.000Z\n' +
      '4,14,anomaly,1,2026-01-02T03:04:05.000Z\n');
    expect(() => labelsCsv(history, { rowOf: [0, 1] })).toThrow('Sample 2 has no row in the index map (it has 2 entries)');
  });
});

describe('scoresCsv', () => {
  const stages = [
    { stage: 0, scores: new Float32Array([0.1, 2.5, NaN]) },
    { stage: 1, scores: new Float32Array([0.05, 3, 1 / 3]) },
  ];

  it('writes one column per stage', () => {
    expect(scoresCsv(stages)).toBe('index,stage_0,stage_1\n0,0.1,0.05\n1,2.5,3\n2,NaN,0.33333334\n');
  });

  it('adds truth and the oracle labels when known', () => {
    expect(scoresCsv(stages, { truth: new Uint8Array([0, 1, 0]), labels: [[1, 1], [2, 0]], rowOf: [7, 5, 6] })).toBe(
      'index,row,stage_0,stage_1,truth,label\n0,7,0.1,0.05,0,\n1,5,2.5,3,1,1\n2,6,NaN,0.33333334,0,0\n');
  });

  it('refuses mismatched inputs', () => {
    expect(() => scoresCsv([])).toThrow('There are no scores to export yet: train at least one stage');
    expect(() => scoresCsv([stages[0], { stage: 1, scores: new Float32Array(2) }])).toThrow('Stage 1 has 2 scores but stage 0 has 3');
    expect(() => scoresCsv(stages, { truth: [0, 1] })).toThrow('The truth has 2 labels for 3 samples');
  });
});

describe('model files', () => {
  const tensors = [
    { name: 'encoder/dense0/kernel', shape: [3, 2], values: new Float32Array([1, 2, 3, 4, 5, 6]) },
    { name: 'encoder/dense1/kernel', shape: [2, 1], values: new Float32Array([-0.5, 0.25]) },
  ];

  it('writes tfjs model.json + weights.bin that tfjs itself decodes', () => {
    const { modelJson, weightsBin } = modelFiles(tensors, {
      c: new Float32Array([0.1, -2]), R: 0.5, topology: { hDims: [2], repDim: 1 }, extra: { loss: 'nce' },
    });
    expect(JSON.parse(modelJson)).toEqual({
      format: 'svdd-lab-weights', generatedBy: 'svdd-lab', convertedBy: null,
      modelTopology: { hDims: [2], repDim: 1 },
      weightsManifest: [{ paths: ['weights.bin'], weights: [
        { name: 'encoder/dense0/kernel', shape: [3, 2], dtype: 'float32' },
        { name: 'encoder/dense1/kernel', shape: [2, 1], dtype: 'float32' },
      ] }],
      userDefinedMetadata: { loss: 'nce', c: [0.1, -2], R: 0.5 },
    });
    expect(weightsBin.length).toBe(32);
    // float32 1.0 little-endian is 00 00 80 3f
    expect([...weightsBin.slice(0, 4)]).toEqual([0, 0, 0x80, 0x3f]);
    const specs = JSON.parse(modelJson).weightsManifest[0].weights;
    const decoded = tf.io.decodeWeights(weightsBin.slice().buffer, specs);
    expect(decoded['encoder/dense0/kernel'].shape).toEqual([3, 2]);
    expect(Array.from(decoded['encoder/dense0/kernel'].dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(decoded['encoder/dense1/kernel'].dataSync())).toEqual([-0.5, 0.25]);

    const back = parseModelFiles(modelJson, weightsBin);
    expect(back.tensors).toEqual(tensors);
    expect(back.c).toEqual(new Float32Array([0.1, -2]));
    expect(back.R).toBe(0.5);
    expect(back.metadata).toEqual({ loss: 'nce' });
  });

  it('refuses inconsistent weights and files', () => {
    expect(() => modelFiles([{ name: 'w', shape: [2, 2], values: new Float32Array(3) }], { c: [], R: 0 })).toThrow(
      "Weight 'w' has shape [2, 2] (4 values) but 3 values");
    expect(() => modelFiles([tensors[0], tensors[0]], { c: [], R: 0 })).toThrow("Two weights are named 'encoder/dense0/kernel'");
    expect(() => modelFiles(tensors, { c: [], R: NaN })).toThrow('The radius R is NaN, not a finite number');
    const { modelJson, weightsBin } = modelFiles(tensors, { c: [1], R: 0 });
    expect(() => parseModelFiles(modelJson, weightsBin.slice(0, 30))).toThrow('The weights file has 30 bytes but model.json describes 32');
    expect(() => parseModelFiles('{', weightsBin)).toThrow('model.json is not valid JSON');
    expect(() => parseModelFiles(modelJson, { 'other.bin': weightsBin })).toThrow("The weights file 'weights.bin' named in model.json was not given");
  });
});
