import { afterEach, describe, expect, it, vi } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { StageSnapshot } from '../core/types';
import type { SessionRecord } from './persist-types';
import { DEFAULT_SETTINGS } from './urlState';
import { decodeSessionFile, encodeSessionFile, sessionFileName, zipTime } from './sessionFile';

function snapshot(stage: number): StageSnapshot {
  return {
    stage, scores: new Float32Array([0.5, 1.25, 3e38]), embedding: new Float32Array([1, 2, 3, 4, 5, 6]), repDim: 2,
    center: new Float32Array([0.25, -0.5]), radius: -0, qp: null, absBoundary: null, queued: [2], pseudo: [1],
    labelled: [[0, 0]], auroc: null, ap: 0.5, aurocUnlabelled: NaN, aeLoss: [0.3, -Infinity], occLoss: [NaN], seconds: 1.5,
  };
}

function record(): SessionRecord {
  // a view into a larger buffer, to check only its own bytes are stored
  const big = new Float64Array([99, 1, 2.5, -3, 1e-300, 5, 6, 99]);
  return {
    schemaVersion: 3, id: 'abc', name: 'Näive, "quoted" / session', createdAt: 1, updatedAt: 2,
    dataset: {
      source: 'imported', fileName: 'x.csv',
      data: { name: 'x', n: 3, d: 2, values: big.subarray(1, 7), labels: new Uint8Array([0, 1, 0]), featureNames: ['=a', 'b\n'], kind: { type: 'image', shape: [1, 2] } },
    },
    settings: { ...DEFAULT_SETTINGS, pollution: 0.05 },
    config: {
      loss: 'nce', query: 'abs', pseudo: true, mode: 'improved', seed: 4, pollution: 0.05, aeEpochs: 3, occEpochs: 2, rounds: 5,
      warmStart: true, sizes: { hDims: [4], repDim: 2, batchSize: 8, k: 2 }, lr: 0.001, weightDecay: 1e-6,
    },
    log: [
      { id: 'q1', seq: 0, time: 4, at: 1, event: { kind: 'queue', round: 1, queue: [1, 2] } },
      { id: 'd1', seq: 1, time: 5, at: 1, event: { kind: 'decide', index: 1, label: 'anomaly', round: 1, source: 'key' } },
    ],
    runId: 'abc-run0',
    rounds: [snapshot(0), snapshot(1)],
    model: { stage: 1, tensors: [{ name: 'w', shape: [2], values: new Float32Array([0.1, 0.2]) }], c: new Float32Array([0, 1]), R: 0 },
  };
}

describe('session file', () => {
  it('imports back identically, typed arrays and special numbers included', () => {
    const r = record();
    const bytes = encodeSessionFile(r);
    const back = decodeSessionFile(bytes);
    expect(back).toStrictEqual({ ...r, dataset: { ...r.dataset, data: { ...(r.dataset as { data: object }).data, values: new Float64Array([1, 2.5, -3, 1e-300, 5, 6]) } } });
    const data = (back.dataset as Extract<SessionRecord['dataset'], { source: 'imported' }>).data;
    expect(data.values).toBeInstanceOf(Float64Array);
    expect(data.values.length).toBe(6);
    expect(back.rounds[1].scores).toBeInstanceOf(Float32Array);
    expect(Object.is(back.rounds[0].radius, -0)).toBe(true);
    expect(back.rounds[0].aurocUnlabelled).toBeNaN();
    expect(back.rounds[0].aeLoss).toEqual([0.3, -Infinity]);
    // the same record gives the same bytes
    expect(encodeSessionFile(back)).toEqual(bytes);
  });

  afterEach(() => vi.useRealTimers());

  it('stamps the entries with when the session last changed, so the clock never changes the bytes', () => {
    const updatedAt = new Date(2026, 11, 2, 7, 13, 46).getTime(); // local time, as a zip's DOS fields are
    const r = { ...record(), updatedAt };
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2030, 0, 1, 0, 0, 1));
    const a = encodeSessionFile(r);
    vi.setSystemTime(new Date(2031, 5, 7, 12, 30, 59));
    expect(encodeSessionFile(r)).toEqual(a);
    // first local header: time at byte 10, date at byte 12 (DOS format, seconds halved)
    const dv = new DataView(a.buffer, a.byteOffset);
    expect(dv.getUint16(10, true)).toBe((7 << 11) | (13 << 5) | (46 >> 1));
    expect(dv.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (12 << 5) | 2);
    // times a zip cannot hold fall back to its first day
    expect(zipTime(2)).toBe(Date.UTC(1980, 0, 2));
    expect(zipTime(Number.NaN)).toBe(Date.UTC(1980, 0, 2));
    expect(zipTime(updatedAt)).toBe(updatedAt);
  });

  it('stores the arrays as raw little-endian bytes beside session.json', () => {
    const files = unzipSync(encodeSessionFile(record()));
    const json = JSON.parse(new TextDecoder().decode(files['session.json']));
    expect(json.format).toBe('svdd-lab-session');
    expect(json.record.dataset.data.values).toEqual({ $typed: 'Float64Array', file: 'arrays/0.bin', length: 6 });
    expect(files['arrays/0.bin'].length).toBe(48);
    expect(json.record.rounds[0].aurocUnlabelled).toEqual({ $num: 'NaN' });
  });

  it('carries text files for people beside session.json, and reads back the same record', () => {
    const r = record();
    const bytes = encodeSessionFile(r, { extra: { 'metrics.csv': 'row,stage\nstage,0\n' } });
    expect(new TextDecoder().decode(unzipSync(bytes)['metrics.csv'])).toBe('row,stage\nstage,0\n');
    expect(decodeSessionFile(bytes)).toStrictEqual(decodeSessionFile(encodeSessionFile(r)));
    expect(() => encodeSessionFile(r, { extra: { 'session.json': '{}' } })).toThrow("A session file cannot hold an extra file named 'session.json'");
    expect(() => encodeSessionFile(r, { extra: { 'arrays/9.bin': '' } })).toThrow("A session file cannot hold an extra file named 'arrays/9.bin'");
  });

  it('refuses other files with a reason', () => {
    expect(() => decodeSessionFile(new Uint8Array())).toThrow('The file is empty');
    expect(() => decodeSessionFile(strToU8('index,label\n1,normal\n'))).toThrow(
      'This is not an svdd-lab session file: it is not a zip archive (session files end in .svdd-lab.zip)');
    const good = encodeSessionFile(record());
    expect(() => decodeSessionFile(good.slice(0, good.length - 30))).toThrow('The session file is damaged or truncated');
    expect(() => decodeSessionFile(zipSync({ 'a.txt': strToU8('hi') }))).toThrow('The zip has no session.json: it is not an svdd-lab session file');
    expect(() => decodeSessionFile(zipSync({ 'session.json': strToU8('{"format":"other"}') }))).toThrow('session.json is not an svdd-lab session');
    expect(() => decodeSessionFile(zipSync({ 'session.json': strToU8('{"format":"svdd-lab-session","version":9}') }))).toThrow(
      'The session file has format version 9; this version of svdd-lab reads 1');
    const files = unzipSync(good);
    delete files['arrays/0.bin'];
    expect(() => decodeSessionFile(zipSync(files))).toThrow('session.json in the file is damaged: missing arrays/0.bin');
    const bad = unzipSync(good);
    bad['arrays/0.bin'] = new Uint8Array(7);
    expect(() => decodeSessionFile(zipSync(bad))).toThrow('arrays/0.bin has 7 bytes, which is not 6 Float64Array values');
    const newer = JSON.parse(new TextDecoder().decode(files['session.json']));
    newer.record.schemaVersion = 4;
    expect(() => decodeSessionFile(zipSync({ ...unzipSync(good), 'session.json': strToU8(JSON.stringify(newer)) }))).toThrow(
      'saved by a newer version of svdd-lab (schema 4)');
  });

  it('refuses values a file cannot hold', () => {
    const r = record();
    (r.config as unknown as Record<string, unknown>).extra = new Map();
    expect(() => encodeSessionFile(r)).toThrow("A session file cannot hold a Map (at 'extra')");
  });

  it('makes safe file names', () => {
    expect(sessionFileName('Näive, "quoted" / session')).toBe('Näive-quoted-session.svdd-lab.zip');
    expect(sessionFileName('../..')).toBe('session.svdd-lab.zip');
    expect(sessionFileName('glass run 2')).toBe('glass-run-2.svdd-lab.zip');
  });
});
