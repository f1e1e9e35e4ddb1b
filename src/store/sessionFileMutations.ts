// Damaged session files for the tests, made from one good exported file: each mutation with the message it must get.
import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { MAX_UNPACKED } from './sessionFile';

/** session.json as written (typed arrays still as {$typed, file} tags) and the zip's other entries. */
export interface FileParts {
  doc: { format: string; version: number; record: Record<string, any> };
  files: Record<string, Uint8Array>;
}

export interface Mutation {
  name: string;
  /** the damaged bytes and a piece of the message that names what is wrong and where */
  make(good: Uint8Array): { bytes: Uint8Array; message: string };
}

export function partsOf(bytes: Uint8Array): FileParts {
  const files = unzipSync(bytes);
  const doc = JSON.parse(new TextDecoder().decode(files['session.json'])) as FileParts['doc'];
  return { doc, files };
}

export function packParts(p: FileParts): Uint8Array {
  return zipSync({ ...p.files, 'session.json': strToU8(JSON.stringify(p.doc)) });
}

/** Adds a typed array as its own entry and returns the tag session.json refers to it by. */
function addArray(p: FileParts, a: Float32Array | Int32Array): { $typed: string; file: string; length: number } {
  const file = `arrays/m${Object.keys(p.files).length}.bin`;
  p.files[file] = new Uint8Array(a.buffer.slice(0));
  return { $typed: a.constructor.name, file, length: a.length };
}

/** A mutation of the parsed parts; `fn` changes them and returns the expected message. */
const edit = (name: string, fn: (p: FileParts, r: Record<string, any>) => string): Mutation => ({
  name,
  make(good) {
    const p = partsOf(good);
    const message = fn(p, p.doc.record);
    return { bytes: packParts(p), message };
  },
});
const raw = (name: string, fn: (good: Uint8Array) => Uint8Array, message: string): Mutation => ({ name, make: (good) => ({ bytes: fn(good), message }) });

const decideAt = (r: Record<string, any>): number => {
  const k = (r.log as Array<{ event: { kind: string } }>).findIndex((x) => x.event.kind === 'decide');
  if (k < 0) throw new Error('the good file needs a decision in its log');
  return k;
};
const queueAt = (r: Record<string, any>): number => {
  const k = (r.log as Array<{ event: { kind: string } }>).findIndex((x) => x.event.kind === 'queue');
  if (k < 0) throw new Error('the good file needs a queue in its log');
  return k;
};
const lastRound = (r: Record<string, any>) => (r.rounds as unknown[]).length - 1;
const fileOf = (p: FileParts, tag: { file: string }) => p.files[tag.file]!;

/** A raw deflate stream (fixed Huffman codes) of `size` zero bytes: a literal 0, then copies of 258 at distance 1. */
function deflateZeros(size: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(size / 258) * 2 + 64);
  let pos = 0;
  let bits = 0;
  let n = 0;
  const put = (v: number, len: number) => {
    bits |= v << n;
    n += len;
    while (n >= 8) {
      out[pos++] = bits & 255;
      bits >>>= 8;
      n -= 8;
    }
  };
  // Huffman codes go most significant bit first
  const code = (c: number, len: number) => {
    let r = 0;
    for (let i = 0; i < len; i++) r |= ((c >> i) & 1) << (len - 1 - i);
    put(r, len);
  };
  put(1, 1); // last block
  put(1, 2); // fixed codes
  code(0x30, 8); // literal 0
  for (let left = size - 1; left >= 258; left -= 258) {
    code(0xc5, 8); // length 258 (code 285)
    code(0, 5); // distance 1
  }
  code(0, 7); // end of block
  if (n > 0) put(0, 8 - n);
  return out.slice(0, pos);
}

/** A zip of deflated entries written by hand, so that an entry can claim any unpacked size. */
function handZip(entries: Array<{ name: string; data: Uint8Array; size: number }>): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (sig: number, len: number) => {
    const b = new Uint8Array(len);
    const v = new DataView(b.buffer);
    v.setUint32(0, sig, true);
    return { b, v };
  };
  for (const e of entries) {
    const name = strToU8(e.name);
    const { b, v } = header(0x04034b50, 30 + name.length);
    v.setUint16(4, 20, true);
    v.setUint16(8, 8, true); // deflate
    v.setUint32(18, e.data.length, true);
    v.setUint32(22, e.size, true);
    v.setUint16(26, name.length, true);
    b.set(name, 30);
    const c = header(0x02014b50, 46 + name.length);
    c.v.setUint16(4, 20, true);
    c.v.setUint16(6, 20, true);
    c.v.setUint16(10, 8, true);
    c.v.setUint32(20, e.data.length, true);
    c.v.setUint32(24, e.size, true);
    c.v.setUint16(28, name.length, true);
    c.v.setUint32(42, offset, true);
    c.b.set(name, 46);
    central.push(c.b);
    parts.push(b, e.data);
    offset += b.length + e.data.length;
  }
  const size = central.reduce((a, c) => a + c.length, 0);
  const end = header(0x06054b50, 22);
  end.v.setUint16(8, entries.length, true);
  end.v.setUint16(10, entries.length, true);
  end.v.setUint32(12, size, true);
  end.v.setUint32(16, offset, true);
  const all = [...parts, ...central, end.b];
  const out = new Uint8Array(all.reduce((a, c) => a + c.length, 0));
  let o = 0;
  for (const c of all) (out.set(c, o), (o += c.length));
  return out;
}

/** A session file with one more entry that unpacks to more than the cap; `lie`: its header claims 1 kB. */
function bomb(good: Uint8Array, lie: boolean): Uint8Array {
  const size = MAX_UNPACKED + 20 * 2 ** 20;
  const json = unzipSync(good)['session.json']!;
  return handZip([
    { name: 'session.json', data: deflateSync(json), size: json.length },
    { name: 'arrays/big.bin', data: deflateZeros(size), size: lie ? 1024 : size },
  ]);
}

export const MUTATIONS: Mutation[] = [
  // the container
  raw('an empty file', () => new Uint8Array(), 'The file is empty'),
  raw('a CSV, not a zip', () => strToU8('index,label\n1,normal\n'), 'it is not a zip archive'),
  raw('cut 30 bytes short', (g) => g.slice(0, g.length - 30), 'The session file is damaged or truncated: the end of the zip archive is missing'),
  raw('cut in half', (g) => g.slice(0, g.length >> 1), 'The session file is damaged or truncated'),
  raw('a zip bomb (its header says how big)', (g) => bomb(g, false), `arrays/big.bin unpacks to ${MAX_UNPACKED + 20 * 2 ** 20} bytes, more than ${MAX_UNPACKED}`),
  raw('a zip bomb (its header lies)', (g) => bomb(g, true), `it unpacks to more than ${MAX_UNPACKED} bytes`),
  raw('10001 entries', (g) => {
    const files: Record<string, Uint8Array> = { ...unzipSync(g) };
    for (let i = 0; i < 10_001; i++) files[`x/${i}`] = new Uint8Array(0);
    return zipSync(files, { level: 0 });
  }, 'it holds more than 10000 files'),
  raw('no session.json', (g) => {
    const { 'session.json': _, ...rest } = unzipSync(g);
    return zipSync(rest);
  }, 'The zip has no session.json'),
  raw('session.json cut mid-way', (g) => zipSync({ ...unzipSync(g), 'session.json': strToU8('{"format":"svdd-lab-session","record":{') }), 'session.json in the file is damaged'),
  edit('another format', (p) => ((p.doc.format = 'other-app'), 'session.json is not an svdd-lab session')),
  edit('file format version 9', (p) => ((p.doc.version = 9), 'The session file has format version 9; this version of svdd-lab reads 1')),
  edit('schema version 4', (_, r) => ((r.schemaVersion = 4), 'saved by a newer version of svdd-lab (schema 4)')),
  edit('schema version as text', (_, r) => ((r.schemaVersion = '3'), 'has no valid schemaVersion (found "3")')),
  edit('the record is null', (p) => ((p.doc.record = null as never), 'The session file is not an object')),
  edit('an array entry missing', (p, r) => {
    delete p.files[r.rounds[0].scores.file];
    return `session.json in the file is damaged: missing ${r.rounds[0].scores.file}`;
  }),
  edit('an array entry 7 bytes long', (p, r) => ((p.files[r.rounds[0].scores.file] = new Uint8Array(7)), `${r.rounds[0].scores.file} has 7 bytes`)),
  edit('an unknown array type', (_, r) => ((r.rounds[0].scores.$typed = 'BigInt64Array'), "unknown array type 'BigInt64Array'")),
  edit('an unknown special number', (_, r) => ((r.rounds[0].radius = { $num: 'lots' }), "unknown number 'lots'")),
  // the decision log
  edit("label 'normbl'", (_, r) => {
    const k = decideAt(r);
    r.log[k].event.label = 'normbl';
    return `log[${k}].event.label: 'normbl' is not a decision (normal, anomaly, skip)`;
  }),
  edit('index -5', (_, r) => ((r.log[decideAt(r)].event.index = -5), `log[${decideAt(r)}].event.index: -5 is below 0`)),
  edit('index 999999', (_, r) => ((r.log[decideAt(r)].event.index = 999_999), `log[${decideAt(r)}].event.index: 999999 is not a row`)),
  edit('index 2.5', (_, r) => ((r.log[decideAt(r)].event.index = 2.5), `log[${decideAt(r)}].event.index: 2.5 is not a row`)),
  edit("index '3'", (_, r) => ((r.log[decideAt(r)].event.index = '3'), `log[${decideAt(r)}].event.index: '3' is not a number`)),
  edit("queue [-1, 1e9, 'x']", (_, r) => ((r.log[queueAt(r)].event.queue = [-1, 1e9, 'x']),
    `log[${queueAt(r)}].event.queue[0]: -1 is below 0; log[${queueAt(r)}].event.queue[1]: 1000000000 is above 2000000; log[${queueAt(r)}].event.queue[2]: 'x' is not a number`)),
  edit('queue index 999999', (_, r) => ((r.log[queueAt(r)].event.queue = [999_999]), `log[${queueAt(r)}].event.queue[0]: 999999 is not a row`)),
  edit('decision of round 999', (_, r) => ((r.log[decideAt(r)].event.round = 999), `log[${decideAt(r)}].event.round: 999 is past the last round`)),
  edit('queue of round 999', (_, r) => ((r.log[queueAt(r)].event.round = 999), `log[${queueAt(r)}].event.round: 999 is past the last round`)),
  edit('record made in round 999', (_, r) => ((r.log[decideAt(r)].at = 999), `log[${decideAt(r)}].at: 999 is past the last round`)),
  edit("event kind 'explode'", (_, r) => {
    const k = decideAt(r);
    r.log[k].event.kind = 'explode';
    return `log[${k}].event.kind: 'explode' is not a decide, edit, remove or queue event`;
  }),
  edit('a record without id', (_, r) => {
    const k = decideAt(r);
    delete r.log[k].id;
    return `log[${k}].id: is missing`;
  }),
  edit('seq -1', (_, r) => ((r.log[decideAt(r)].seq = -1), `log[${decideAt(r)}].seq: -1 is below 0`)),
  edit("time 'yesterday'", (_, r) => ((r.log[decideAt(r)].time = 'yesterday'), `log[${decideAt(r)}].time: 'yesterday' is not a number`)),
  edit('the log an object', (_, r) => ((r.log = { 0: r.log[0] }), 'The session file is damaged: the decision log is not a list')),
  // the rounds
  edit("scores 'high'", (_, r) => ((r.rounds[0].scores = 'high'), "rounds[0].scores: 'high' is not a Float32Array")),
  edit('scores NaN', (p, r) => {
    fileOf(p, r.rounds[0].scores).set(new Uint8Array(new Float32Array([NaN]).buffer), 0);
    return 'rounds[0].scores: holds NaN or infinite values';
  }),
  edit('embedding one value short', (p, r) => {
    const n = r.rounds[0].embedding.length as number;
    r.rounds[0].embedding = addArray(p, new Float32Array(n - 1));
    return `rounds[0].embedding: ${n - 1} values, not`;
  }),
  edit('center one value long', (p, r) => {
    const n = r.rounds[0].center.length as number;
    r.rounds[0].center = addArray(p, new Float32Array(n + 1));
    return `rounds[0].center: ${n + 1} values, not ${n}`;
  }),
  edit('row order two rows short', (p, r) => {
    const n = r.rounds[0].scores.length as number;
    r.rounds[0].order = addArray(p, new Int32Array(n - 2));
    return `rounds[0].order: ${n - 2} rows, not ${n}`;
  }),
  edit('repDim 0', (_, r) => ((r.rounds[0].repDim = 0), 'rounds[0].repDim: 0 is below 1')),
  edit("radius 'x'", (_, r) => ((r.rounds[0].radius = 'x'), "rounds[0].radius: 'x' is not a number")),
  edit('radius NaN', (_, r) => ((r.rounds[0].radius = { $num: 'NaN' }), 'rounds[0].radius: NaN is not a number')),
  edit('queued [-1]', (_, r) => ((r.rounds[lastRound(r)].queued = [-1]), `rounds[${lastRound(r)}].queued[0]: -1 is below 0`)),
  edit('queued row 999999', (_, r) => ((r.rounds[lastRound(r)].queued = [999_999]), `rounds[${lastRound(r)}].queued[0]: 999999 is not a row`)),
  edit('labelled with label 2', (_, r) => ((r.rounds[0].labelled = [[0, 2]]), 'rounds[0].labelled[0][1]: 2 is not a label (0 or 1)')),
  edit('stage 999999', (_, r) => ((r.rounds[0].stage = 999_999), 'rounds[0].stage: 999999 is above 1000')),
  edit('a round twice', (_, r) => ((r.rounds = [r.rounds[0], r.rounds[0]]), `rounds[1].stage: ${r.rounds[0].stage} does not follow ${r.rounds[0].stage}`)),
  edit('the rounds a string', (_, r) => ((r.rounds = 'many'), 'The session file is damaged: the per-round results are not a list')),
  // the model
  edit('model shape 1e9', (_, r) => ((r.model.tensors[0].shape = [1e9]), 'model.tensors[0].shape[0]: 1000000000 is above 20000000')),
  edit('model shape that does not fit its values', (_, r) => ((r.model.tensors[0].shape = [...r.model.tensors[0].shape, 3]), 'model.tensors[0]: its shape does not match its number of values')),
  edit('model of stage 5000', (_, r) => ((r.model.stage = 5000), 'model.stage: 5000 is above 1000')),
  edit('model of a stage past the rounds', (_, r) => ((r.model.stage = r.rounds[lastRound(r)].stage + 5), `model.stage: ${r.rounds[lastRound(r)].stage + 5} is past the last round`)),
  edit('model center NaN', (p, r) => {
    fileOf(p, r.model.c).set(new Uint8Array(new Float32Array([NaN]).buffer), 0);
    return 'model.c: holds NaN or infinite values';
  }),
  // settings, names, dataset
  edit("loss 'magic'", (_, r) => ((r.settings.loss = 'magic'), "settings.loss: 'magic' is not a valid")),
  edit('k = -3', (_, r) => ((r.settings.k = -3), 'settings.k: -3 is not a valid')),
  edit("config query 'magic'", (_, r) => {
    r.config = { ...(r.config ?? { loss: 'nce', seed: 1, rounds: 1, sizes: { hDims: [4], repDim: 2, batchSize: 8, k: 2 } }), query: 'magic' };
    return "config.query: 'magic' is not a query strategy";
  }),
  edit('an empty name', (_, r) => ((r.name = '  '), 'name: is empty')),
  edit('a name of 500 characters', (_, r) => ((r.name = 'n'.repeat(500)), 'name: text of 500 characters is longer than 200')),
  edit("createdAt 'today'", (_, r) => ((r.createdAt = 'today'), 'The session file is damaged: createdAt/updatedAt are not numbers')),
  edit('a dataset this lab does not have', (_, r) => ((r.dataset = { source: 'bundled', name: 'nosuchset' }), "dataset.name: 'nosuchset' is not one of this lab's datasets")),
  edit('a dataset from elsewhere', (_, r) => ((r.dataset = { source: 'remote', url: 'http://example.com/x.csv' }), 'The session file is damaged: the dataset is neither a bundled name nor imported data')),
];
