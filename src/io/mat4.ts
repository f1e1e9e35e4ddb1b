// MATLAB v4 .mat reader (Octave's -v4, SciPy's savemat(format='4')): a chain of 20-byte headers, full matrices column-major.
import { ImportError } from './errors';
import type { NamedArray } from './matrices';

// precision digit P of the type code MOPT: bytes per value and the DataView reader
const PRECISION: Array<{ size: number; dtype: string; read: (v: DataView, p: number, le: boolean) => number }> = [
  { size: 8, dtype: 'double', read: (v, p, le) => v.getFloat64(p, le) },
  { size: 4, dtype: 'single', read: (v, p, le) => v.getFloat32(p, le) },
  { size: 4, dtype: 'int32', read: (v, p, le) => v.getInt32(p, le) },
  { size: 2, dtype: 'int16', read: (v, p, le) => v.getInt16(p, le) },
  { size: 2, dtype: 'uint16', read: (v, p, le) => v.getUint16(p, le) },
  { size: 1, dtype: 'uint8', read: (v, p) => v.getUint8(p) },
];

interface Header {
  m: number;
  p: number;
  t: number;
  rows: number;
  cols: number;
  imag: boolean;
  name: string;
  data: number;
  next: number;
}

/** Reads the header at pos in either byte order (M digit 0 = little-endian, 1 = big-endian), or null if it is not one. */
function header(view: DataView, pos: number): Header | null {
  if (pos + 20 > view.byteLength) return null;
  for (const le of [true, false]) {
    const type = view.getInt32(pos, le);
    const m = Math.floor(type / 1000);
    const o = Math.floor(type / 100) % 10;
    const p = Math.floor(type / 10) % 10;
    const t = type % 10;
    if (type < 0 || m !== (le ? 0 : 1) || o !== 0 || p > 5 || t > 2) continue;
    const rows = view.getInt32(pos + 4, le);
    const cols = view.getInt32(pos + 8, le);
    const imag = view.getInt32(pos + 12, le);
    const namlen = view.getInt32(pos + 16, le);
    if (rows < 0 || cols < 0 || (imag !== 0 && imag !== 1) || namlen < 1 || namlen > 4096) continue;
    const nameEnd = pos + 20 + namlen;
    if (nameEnd > view.byteLength || view.getUint8(nameEnd - 1) !== 0) continue;
    let name = '';
    for (let i = pos + 20; i < nameEnd - 1; i++) name += String.fromCharCode(view.getUint8(i));
    if (!/^[\x20-\x7e]*$/.test(name)) continue;
    const next = nameEnd + rows * cols * PRECISION[p]!.size * (imag ? 2 : 1);
    return { m, p, t, rows, cols, imag: imag === 1, name, data: nameEnd, next };
  }
  return null;
}

function headers(bytes: Uint8Array): Header[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Header[] = [];
  for (let pos = 0; pos < bytes.length; ) {
    const h = header(view, pos);
    if (!h || h.next > bytes.length || out.length > 10000) return null;
    out.push(h);
    pos = h.next;
  }
  return out.length ? out : null;
}

/** True when the whole file is a chain of v4 variables. */
export function isMatV4(bytes: Uint8Array): boolean {
  return bytes.length >= 20 && headers(bytes) !== null;
}

export function readMatV4(bytes: Uint8Array): { arrays: NamedArray[]; skipped: string[] } {
  const hs = headers(bytes);
  if (!hs) throw new ImportError('CORRUPT', 'The MATLAB v4 file is cut short or damaged: its variable headers do not add up to its length.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const arrays: NamedArray[] = [];
  const skipped: string[] = [];
  for (const h of hs) {
    if (h.t !== 0) {
      skipped.push(`${h.name} (${h.t === 1 ? 'text' : 'sparse'})`);
      continue;
    }
    const prec = PRECISION[h.p]!;
    const le = h.m === 0;
    const data = new Float64Array(h.rows * h.cols);
    // stored column-major; NamedArray is row-major; an imaginary part (after the real one) is left out
    for (let c = 0; c < h.cols; c++) {
      for (let r = 0; r < h.rows; r++) data[r * h.cols + c] = prec.read(view, h.data + (c * h.rows + r) * prec.size, le);
    }
    arrays.push({ name: h.name, shape: [h.rows, h.cols], data, dtype: h.imag ? `complex ${prec.dtype} (real part)` : prec.dtype });
  }
  return { arrays, skipped };
}
