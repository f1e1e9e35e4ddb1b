// MATLAB v5 .mat reader (the ODDS format): tags, small elements, miCOMPRESSED (zlib), numeric/logical/sparse classes.
import { unzlibSync } from 'fflate';
import { ImportError, quote } from './errors';
import type { NamedArray } from './matrices';

// data element types (MAT-File Format, table 1-1)
const MI = { INT8: 1, UINT8: 2, INT16: 3, UINT16: 4, INT32: 5, UINT32: 6, SINGLE: 7, DOUBLE: 9, INT64: 12, UINT64: 13, MATRIX: 14, COMPRESSED: 15, UTF8: 16 } as const;
const MI_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 2, 5: 4, 6: 4, 7: 4, 9: 8, 12: 8, 13: 8 };
// array classes (table 1-3)
const MX_NAMES: Record<number, string> = {
  1: 'cell', 2: 'struct', 3: 'object', 4: 'char', 5: 'sparse', 6: 'double', 7: 'single', 8: 'int8', 9: 'uint8',
  10: 'int16', 11: 'uint16', 12: 'int32', 13: 'uint32', 14: 'int64', 15: 'uint64',
};
const MX_SPARSE = 5;

export interface MatV5Result {
  arrays: NamedArray[];
  /** variables that were present but not numeric matrices, for messages */
  skipped: string[];
  headerText: string;
}

interface Tag {
  type: number;
  nbytes: number;
  start: number;
  next: number;
}

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array, readonly le: boolean) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  tag(pos: number, end: number, where: string): Tag {
    if (pos + 8 > end) truncated(where, end - pos, 8);
    const first = this.view.getUint32(pos, this.le);
    if (first >>> 16 !== 0) {
      // small data element: type and size packed in 4 bytes, data in the next 4
      return { type: first & 0xffff, nbytes: first >>> 16, start: pos + 4, next: pos + 8 };
    }
    const nbytes = this.view.getUint32(pos + 4, this.le);
    const start = pos + 8;
    if (start + nbytes > end) truncated(where, end - start, nbytes);
    // compressed elements are not padded; all others end on an 8-byte boundary
    const next = first === MI.COMPRESSED ? start + nbytes : start + Math.ceil(nbytes / 8) * 8;
    return { type: first, nbytes, start, next: Math.min(next, end) };
  }

  numbers(t: Tag, where: string): Float64Array {
    const size = MI_SIZE[t.type];
    if (!size) corrupt(`${where} stores its numbers with an unknown type code ${t.type}`);
    const count = t.nbytes / size;
    if (!Number.isInteger(count)) corrupt(`${where} has ${t.nbytes} bytes, not a whole number of ${size}-byte values`);
    const out = new Float64Array(count);
    const v = this.view;
    const le = this.le;
    let p = t.start;
    switch (t.type) {
      case MI.DOUBLE: for (let i = 0; i < count; i++, p += 8) out[i] = v.getFloat64(p, le); break;
      case MI.SINGLE: for (let i = 0; i < count; i++, p += 4) out[i] = v.getFloat32(p, le); break;
      case MI.INT8: for (let i = 0; i < count; i++, p += 1) out[i] = v.getInt8(p); break;
      case MI.UINT8: for (let i = 0; i < count; i++, p += 1) out[i] = v.getUint8(p); break;
      case MI.INT16: for (let i = 0; i < count; i++, p += 2) out[i] = v.getInt16(p, le); break;
      case MI.UINT16: for (let i = 0; i < count; i++, p += 2) out[i] = v.getUint16(p, le); break;
      case MI.INT32: for (let i = 0; i < count; i++, p += 4) out[i] = v.getInt32(p, le); break;
      case MI.UINT32: for (let i = 0; i < count; i++, p += 4) out[i] = v.getUint32(p, le); break;
      case MI.INT64: for (let i = 0; i < count; i++, p += 8) out[i] = Number(v.getBigInt64(p, le)); break;
      case MI.UINT64: for (let i = 0; i < count; i++, p += 8) out[i] = Number(v.getBigUint64(p, le)); break;
    }
    return out;
  }

  text(t: Tag): string {
    return new TextDecoder('latin1').decode(this.bytes.subarray(t.start, t.start + t.nbytes));
  }
}

function truncated(where: string, have: number, need: number): never {
  throw new ImportError(
    'TRUNCATED',
    `The .mat file is cut short: ${where} needs ${need} bytes but only ${Math.max(0, have)} remain. ` +
      'The download or copy was probably interrupted: get the file again.',
  );
}

function corrupt(what: string): never {
  throw new ImportError('CORRUPT', `The .mat file is damaged: ${what}. Get the file again or re-save it in MATLAB.`);
}

/** True when bytes start like a MATLAB 5 file (text header, version 0x0100, endian mark). */
export function isMatV5(bytes: Uint8Array): boolean {
  if (!startsWithMatlab(bytes) || bytes.length < 128) return false;
  const mark = String.fromCharCode(bytes[126]!, bytes[127]!);
  // version 0x0100 (v7.3 files carry the same text header with 0x0200 and HDF5 after it)
  const version = mark === 'IM' ? bytes[124]! | (bytes[125]! << 8) : mark === 'MI' ? (bytes[124]! << 8) | bytes[125]! : 0;
  return version === 0x0100;
}

export function startsWithMatlab(bytes: Uint8Array): boolean {
  return String.fromCharCode(...bytes.subarray(0, 6)) === 'MATLAB';
}

/** zlib inflate that tells a cut-off stream from a damaged one. */
function inflate(data: Uint8Array, name: string): Uint8Array {
  try {
    return unzlibSync(data);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/unexpected EOF/i.test(msg)) {
      throw new ImportError(
        'TRUNCATED',
        `The .mat file is cut short: the compressed variable ${name} ends early. The download or copy was probably interrupted: get the file again.`,
      );
    }
    corrupt(`a compressed variable cannot be unpacked (${msg})`);
  }
}

export function readMatV5(bytes: Uint8Array): MatV5Result {
  if (bytes.length < 128) truncated('the 128-byte header', bytes.length, 128);
  const headerText = new TextDecoder('latin1').decode(bytes.subarray(0, 116)).replace(/[\s\0]+$/, '');
  const mark = String.fromCharCode(bytes[126]!, bytes[127]!);
  if (mark !== 'IM' && mark !== 'MI') corrupt(`the header's byte-order mark is ${quote(mark)} instead of "IM" or "MI"`);
  const le = mark === 'IM';
  const arrays: NamedArray[] = [];
  const skipped: string[] = [];
  const top = new Reader(bytes, le);
  readElements(top, 128, bytes.length, arrays, skipped, 0);
  return { arrays, skipped, headerText };
}

function readElements(r: Reader, pos: number, end: number, arrays: NamedArray[], skipped: string[], depth: number): void {
  while (pos < end) {
    // zero padding at the very end is harmless
    if (end - pos < 8 && r.bytes.subarray(pos, end).every((b) => b === 0)) break;
    const where = `variable ${arrays.length + skipped.length + 1}`;
    const t = r.tag(pos, end, where);
    if (t.type === MI.COMPRESSED) {
      if (depth > 0) corrupt('a compressed element is nested inside another');
      const inner = inflate(r.bytes.subarray(t.start, t.start + t.nbytes), where);
      const ir = new Reader(inner, r.le);
      readElements(ir, 0, inner.length, arrays, skipped, depth + 1);
    } else if (t.type === MI.MATRIX) {
      if (t.nbytes > 0) readMatrix(r, t, arrays, skipped);
    }
    pos = t.next;
  }
}

function readMatrix(r: Reader, m: Tag, arrays: NamedArray[], skipped: string[]): void {
  const end = m.start + m.nbytes;
  const where = 'a variable';
  const flagsTag = r.tag(m.start, end, `${where}'s flags`);
  if (flagsTag.type !== MI.UINT32 || flagsTag.nbytes < 8) corrupt('a variable does not start with its array flags');
  const word = r.view.getUint32(flagsTag.start, r.le);
  const cls = word & 0xff;
  const flags = (word >>> 8) & 0xff;
  const complex = (flags & 0x08) !== 0;
  const logical = (flags & 0x02) !== 0;
  const dimsTag = r.tag(flagsTag.next, end, `${where}'s dimensions`);
  if (dimsTag.type !== MI.INT32) corrupt('a variable has no dimensions');
  const dims = Array.from(r.numbers(dimsTag, 'the dimensions'));
  const nameTag = r.tag(dimsTag.next, end, `${where}'s name`);
  const name = r.text(nameTag) || '(unnamed)';
  const clsName = logical ? 'logical' : (MX_NAMES[cls] ?? `class ${cls}`);
  const count = dims.reduce((a, b) => a * b, 1);
  if (cls < MX_SPARSE || cls > 15) {
    skipped.push(`${name} (${clsName}, not numeric)`);
    return;
  }
  if (complex) {
    skipped.push(`${name} (${dims.join('x')} complex ${clsName}, not supported)`);
    return;
  }
  if (dims.length > 2) {
    skipped.push(`${name} (${dims.join('x')} ${clsName}, more than 2 dimensions)`);
    return;
  }
  const [rows, cols] = dims as [number, number];
  let colMajor: Float64Array;
  if (cls === MX_SPARSE) {
    const irTag = r.tag(nameTag.next, end, `${name}'s row indices`);
    const jcTag = r.tag(irTag.next, end, `${name}'s column starts`);
    const ir = r.numbers(irTag, `${name}'s row indices`);
    const jc = r.numbers(jcTag, `${name}'s column starts`);
    const prTag = jcTag.next < end ? r.tag(jcTag.next, end, `${name}'s values`) : null;
    const pr = prTag ? r.numbers(prTag, `${name}'s values`) : null;
    colMajor = new Float64Array(rows * cols);
    if (jc.length < cols + 1) corrupt(`the sparse matrix ${name} has too few column starts`);
    for (let c = 0; c < cols; c++) {
      for (let k = jc[c]!; k < jc[c + 1]!; k++) {
        const row = ir[k]!;
        if (row >= rows || k >= ir.length) corrupt(`the sparse matrix ${name} points outside itself`);
        colMajor[c * rows + row] = pr ? pr[k]! : 1;
      }
    }
  } else {
    const prTag = r.tag(nameTag.next, end, `${name}'s values`);
    colMajor = r.numbers(prTag, `${name}'s values`);
    if (colMajor.length !== count) {
      corrupt(`${name} should hold ${count} values (${dims.join('x')}) but holds ${colMajor.length}`);
    }
  }
  // MATLAB stores column by column; the rest of the app is row-major
  const data = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) for (let i = 0; i < rows; i++) data[i * cols + c] = colMajor[c * rows + i]!;
  arrays.push({ name, shape: [rows, cols], data, dtype: cls === MX_SPARSE ? 'sparse' : clsName });
}
