// A session as one file: a zip holding session.json, with each typed array stored beside it as raw bytes.
import { strFromU8, strToU8, Unzip, UnzipInflate, zipSync } from 'fflate';
import { migrate } from './persist-migrate';
import { schemaProblems } from './sessionSchema';
import type { SessionRecord } from './persist-types';

export const SESSION_FILE_FORMAT = 'svdd-lab-session';
export const SESSION_FILE_VERSION = 1;
export const SESSION_FILE_EXT = '.svdd-lab.zip';

const TYPED = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function typedName(v: unknown): TypedName | null {
  if (!ArrayBuffer.isView(v) || v instanceof DataView) return null;
  const name = v.constructor.name;
  return name in TYPED ? (name as TypedName) : null;
}

/** Session record -> zip bytes. Numbers JSON cannot hold (NaN, ±Infinity, -0) and typed arrays are tagged objects. */
export function encodeSessionFile(record: SessionRecord, opts: { level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9; extra?: Record<string, string> } = {}): Uint8Array {
  return encodeDoc({ format: SESSION_FILE_FORMAT, version: SESSION_FILE_VERSION, record }, opts.level ?? 6, opts.extra ?? {}, zipTime(record.updatedAt));
}

const ZIP_EPOCH = Date.UTC(1980, 0, 2); // a zip's DOS dates start in 1980 and end in 2099
const ZIP_END = Date.UTC(2099, 11, 30);
/** The entries' time is when the session last changed, not the clock: the same record always gives the same bytes. */
export function zipTime(at: unknown): number {
  return typeof at === 'number' && Number.isFinite(at) && at >= ZIP_EPOCH && at <= ZIP_END ? at : ZIP_EPOCH;
}

/** What is stored under a session, as it is (a session that cannot be opened), in the same container. */
export function encodeRawFile(raw: Record<string, unknown>): Uint8Array {
  return encodeDoc({ format: `${SESSION_FILE_FORMAT}-raw`, version: SESSION_FILE_VERSION, raw }, 6, {}, zipTime(raw.updatedAt));
}

/** `extra`: text files for people beside session.json (e.g. metrics.csv); reading the file ignores them. */
function encodeDoc(doc: Record<string, unknown>, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9, extra: Record<string, string>, mtime: number): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error('Session files need a little-endian platform');
  const files: Record<string, Uint8Array> = {};
  let count = 0;
  const json = JSON.stringify(
    doc,
    function (key, v: unknown) {
      if (typeof v === 'number') {
        if (Number.isNaN(v) || !Number.isFinite(v) || Object.is(v, -0)) return { $num: Object.is(v, -0) ? '-0' : String(v) };
        return v;
      }
      if (typeof v !== 'object' || v === null) return v;
      const t = typedName(v);
      if (t) {
        const a = v as Typed;
        const file = `arrays/${count++}.bin`;
        files[file] = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        return { $typed: t, file, length: a.length };
      }
      if (v instanceof ArrayBuffer) {
        const file = `arrays/${count++}.bin`;
        files[file] = new Uint8Array(v);
        return { $buffer: file, byteLength: v.byteLength };
      }
      if (ArrayBuffer.isView(v) || v instanceof Map || v instanceof Set || v instanceof Date) {
        throw new Error(`A session file cannot hold a ${v.constructor.name} (at '${key}')`);
      }
      return v;
    },
  );
  files['session.json'] = strToU8(json);
  for (const [name, text] of Object.entries(extra)) {
    if (name in files || name.startsWith('arrays/')) throw new Error(`A session file cannot hold an extra file named '${name}'`);
    files[name] = strToU8(text);
  }
  return zipSync(files, { level, mtime });
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Zip bytes -> session record (upgraded to the current schema). Throws a sentence for anything else. */
export function decodeSessionFile(bytes: Uint8Array): SessionRecord {
  if (bytes.length === 0) throw new Error('The file is empty');
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new Error(`This is not an svdd-lab session file: it is not a zip archive (session files end in ${SESSION_FILE_EXT})`);
  }
  let files: Record<string, Uint8Array>;
  try {
    files = inflateCapped(bytes, MAX_UNPACKED);
  } catch (e) {
    throw new Error(`The session file is damaged or truncated: ${(e as Error).message}`);
  }
  const main = files['session.json'];
  if (!main) throw new Error('The zip has no session.json: it is not an svdd-lab session file');
  let doc: unknown;
  try {
    doc = JSON.parse(strFromU8(main), (_key, v: unknown) => {
      if (!isObj(v)) return v;
      if (typeof v.$num === 'string' && Object.keys(v).length === 1) {
        if (!['NaN', 'Infinity', '-Infinity', '-0'].includes(v.$num)) throw new Error(`unknown number '${v.$num}'`);
        return Number(v.$num);
      }
      if (typeof v.$typed === 'string' && typeof v.file === 'string') return readTyped(files, v.$typed, v.file, v.length);
      if (typeof v.$buffer === 'string') {
        const b = files[v.$buffer];
        if (!b) throw new Error(`missing ${v.$buffer}`);
        return b.slice().buffer;
      }
      return v;
    });
  } catch (e) {
    throw new Error(`session.json in the file is damaged: ${(e as Error).message}`);
  }
  if (!isObj(doc) || doc.format !== SESSION_FILE_FORMAT) throw new Error('session.json is not an svdd-lab session');
  if (typeof doc.version !== 'number' || doc.version > SESSION_FILE_VERSION) {
    throw new Error(`The session file has format version ${String(doc.version)}; this version of svdd-lab reads ${SESSION_FILE_VERSION}`);
  }
  let record: SessionRecord;
  try {
    record = migrate(doc.record);
  } catch (e) {
    throw new Error((e as Error).message.replace(/^The saved session/, 'The session file'));
  }
  const problems = schemaProblems(record);
  if (problems.length) throw new Error(`The session file was not imported: ${problems.join('; ')}`);
  return record;
}

/** The most a session file may unpack to (a zip bomb stops here, not when memory runs out). */
export const MAX_UNPACKED = 320 * 2 ** 20;

/** Unzips in small steps, counting what comes out: more than `cap` bytes in all stops it. */
export function inflateCapped(bytes: Uint8Array, cap: number): Record<string, Uint8Array> {
  // the end record is what a truncated download loses first
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_557));
  let end = -1;
  for (let i = tail.length - 22; i >= 0 && end < 0; i--) if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 5 && tail[i + 3] === 6) end = i;
  if (end < 0) throw new Error('the end of the zip archive is missing');
  const out: Record<string, Uint8Array> = {};
  let total = 0;
  let files = 0;
  let stop: string | null = null;
  const u = new Unzip();
  u.register(UnzipInflate);
  u.onfile = (f) => {
    if (++files > 10_000) stop = 'it holds more than 10000 files';
    if (f.originalSize !== undefined && f.originalSize > cap) stop = `${f.name} unpacks to ${f.originalSize} bytes, more than ${cap}`;
    if (stop) return;
    const parts: Uint8Array[] = [];
    f.ondata = (err, data, final) => {
      if (err) return void (stop = err.message);
      total += data.length;
      if (total > cap) {
        stop = `it unpacks to more than ${cap} bytes`;
        return f.terminate();
      }
      parts.push(data);
      if (!final) return;
      const b = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
      let o = 0;
      for (const p of parts) (b.set(p, o), (o += p.length));
      out[f.name] = b;
    };
    f.start();
  };
  const STEP = 16_384;
  for (let i = 0; i < bytes.length && !stop; i += STEP) u.push(bytes.subarray(i, Math.min(bytes.length, i + STEP)), i + STEP >= bytes.length);
  if (stop) throw new Error(stop);
  return out;
}

function readTyped(files: Record<string, Uint8Array>, name: string, file: string, length: unknown): Typed {
  if (!(name in TYPED)) throw new Error(`unknown array type '${name}'`);
  const b = files[file];
  if (!b) throw new Error(`missing ${file}`);
  const Ctor = TYPED[name as TypedName];
  if (b.byteLength % Ctor.BYTES_PER_ELEMENT !== 0 || (typeof length === 'number' && b.byteLength !== length * Ctor.BYTES_PER_ELEMENT)) {
    throw new Error(`${file} has ${b.byteLength} bytes, which is not ${String(length)} ${name} values`);
  }
  return new Ctor(b.slice().buffer); // a copy: aligned, and not a view into the whole zip
}

/** A file name for the download: the session name made safe, plus the extension. */
export function sessionFileName(name: string): string {
  // runs of anything but letters, digits, '_' and inner dots become one '-'; no leading dot (hidden file, '..')
  const base = name.normalize('NFKC').replace(/[^\p{L}\p{N}_.]+/gu, '-').replace(/\.{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '').slice(0, 80);
  return `${base || 'session'}${SESSION_FILE_EXT}`;
}
