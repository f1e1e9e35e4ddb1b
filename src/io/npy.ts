// NumPy .npy reader: format versions 1-3, little/big-endian bool/int/uint/float dtypes, C or Fortran order.
import { ImportError, quote } from './errors';

export interface NpyArray {
  shape: number[];
  /** C (row-major) order */
  data: Float64Array;
  dtype: string;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

export function isNpy(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && MAGIC.every((b, i) => bytes[i] === b);
}

function fail(code: 'CORRUPT' | 'TRUNCATED' | 'UNSUPPORTED', name: string, what: string): never {
  const tail =
    code === 'TRUNCATED'
      ? ' The download or copy was probably interrupted: get the file again.'
      : code === 'CORRUPT'
        ? ' Get the file again or re-save it with numpy.save.'
        : '';
  throw new ImportError(code, `The array ${name} ${what}.${tail}`);
}

/** Reorder Fortran-order (first index fastest) data into C order. */
export function fortranToC(data: Float64Array, shape: number[]): Float64Array {
  if (shape.length < 2) return data;
  const out = new Float64Array(data.length);
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  // walk C order, computing the Fortran offset of each element
  const fStride = new Array<number>(nd);
  fStride[0] = 1;
  for (let k = 1; k < nd; k++) fStride[k] = fStride[k - 1]! * shape[k - 1]!;
  for (let p = 0; p < data.length; p++) {
    let off = 0;
    for (let k = 0; k < nd; k++) off += idx[k]! * fStride[k]!;
    out[p] = data[off]!;
    for (let k = nd - 1; k >= 0; k--) {
      if (++idx[k]! < shape[k]!) break;
      idx[k] = 0;
    }
  }
  return out;
}

export function readNpy(bytes: Uint8Array, name: string): NpyArray {
  if (!isNpy(bytes)) fail('CORRUPT', name, 'is not a NumPy .npy array (its first bytes are wrong)');
  if (bytes.length < 10) fail('TRUNCATED', name, 'is cut short inside its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6]!;
  let headerLen: number;
  let start: number;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    start = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) fail('TRUNCATED', name, 'is cut short inside its header');
    headerLen = view.getUint32(8, true);
    start = 12;
  } else {
    fail('UNSUPPORTED', name, `uses .npy format version ${major}, which this tool does not know`);
  }
  if (bytes.length < start + headerLen) fail('TRUNCATED', name, 'is cut short inside its header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLen));
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(header)?.[1];
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined) {
    if (/['"]descr['"]\s*:\s*\[/.test(header)) fail('UNSUPPORTED', name, 'is a structured (record) array; save a plain numeric array');
    fail('CORRUPT', name, 'has a header without a dtype');
  }
  if (fortran === undefined || shapeText === undefined) fail('CORRUPT', name, 'has a header without its shape or order');
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (shape.some((s) => !Number.isInteger(s) || s < 0)) fail('CORRUPT', name, `has an impossible shape (${shapeText})`);
  const m = /^([<>|=]?)([biuf])(\d+)$/.exec(descr);
  if (!m) {
    const why =
      descr.includes('O')
        ? 'holds Python objects (saved with allow_pickle); save a numeric array instead'
        : descr.includes('U') || descr.includes('S')
          ? 'holds text; save the labels as numbers (0 normal, 1 anomaly)'
          : descr.includes('c')
            ? 'holds complex numbers'
            : `has the dtype ${quote(descr)}, which this tool cannot read`;
    fail('UNSUPPORTED', name, why);
  }
  const [, order, kind, sizeText] = m as unknown as [string, string, string, string];
  const size = Number(sizeText);
  const le = order !== '>';
  const count = shape.reduce((a, b) => a * b, 1);
  const dataStart = start + headerLen;
  const need = count * size;
  if (bytes.length - dataStart < need) {
    fail('TRUNCATED', name, `is cut short: it should hold ${need} bytes of data (shape ${shape.join('x')}) but holds ${bytes.length - dataStart}`);
  }
  const out = new Float64Array(count);
  let p = dataStart;
  const key = `${kind}${size}`;
  switch (key) {
    case 'f8': for (let i = 0; i < count; i++, p += 8) out[i] = view.getFloat64(p, le); break;
    case 'f4': for (let i = 0; i < count; i++, p += 4) out[i] = view.getFloat32(p, le); break;
    case 'f2': for (let i = 0; i < count; i++, p += 2) out[i] = half(view.getUint16(p, le)); break;
    case 'b1': for (let i = 0; i < count; i++, p += 1) out[i] = bytes[p] ? 1 : 0; break;
    case 'u1': for (let i = 0; i < count; i++, p += 1) out[i] = bytes[p]!; break;
    case 'i1': for (let i = 0; i < count; i++, p += 1) out[i] = view.getInt8(p); break;
    case 'u2': for (let i = 0; i < count; i++, p += 2) out[i] = view.getUint16(p, le); break;
    case 'i2': for (let i = 0; i < count; i++, p += 2) out[i] = view.getInt16(p, le); break;
    case 'u4': for (let i = 0; i < count; i++, p += 4) out[i] = view.getUint32(p, le); break;
    case 'i4': for (let i = 0; i < count; i++, p += 4) out[i] = view.getInt32(p, le); break;
    case 'u8': for (let i = 0; i < count; i++, p += 8) out[i] = Number(view.getBigUint64(p, le)); break;
    case 'i8': for (let i = 0; i < count; i++, p += 8) out[i] = Number(view.getBigInt64(p, le)); break;
    default: fail('UNSUPPORTED', name, `has the dtype ${quote(descr)}, which this tool cannot read`);
  }
  const data = fortran === 'True' ? fortranToC(out, shape) : out;
  return { shape, data, dtype: descr };
}

/** IEEE half precision to a number. */
function half(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}
