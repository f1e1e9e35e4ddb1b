// A tiny MATLAB v5 writer for test fixtures (the reader's layout, written independently from the spec).
import { zlibSync } from 'fflate';
import { ByteWriter, type NumType } from './bytes';

export type MatClass = 'double' | 'single' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'logical' | 'char';

const CLASS_CODE: Record<MatClass, number> = {
  char: 4, double: 6, single: 7, int8: 8, uint8: 9, int16: 10, uint16: 11, int32: 12, uint32: 13, int64: 14, uint64: 15, logical: 9,
};
const MI_CODE: Record<NumType, number> = { i1: 1, u1: 2, b1: 2, i2: 3, u2: 4, i4: 5, u4: 6, f4: 7, f8: 9, i8: 12, u8: 13 };
const NATURAL: Record<MatClass, NumType> = {
  double: 'f8', single: 'f4', int8: 'i1', uint8: 'u1', int16: 'i2', uint16: 'u2', int32: 'i4', uint32: 'u4', int64: 'i8', uint64: 'u8', logical: 'u1', char: 'u2',
};

export interface MatVar {
  name: string;
  rows: number;
  cols: number;
  /** row-major values (for char: character codes) */
  data: ArrayLike<number>;
  cls?: MatClass;
  /** store the values as a smaller type, as MATLAB does for whole numbers (e.g. a double matrix as uint8) */
  storeAs?: NumType;
}

export interface MatWriteOptions {
  compress?: boolean;
  bigEndian?: boolean;
  header?: string;
}

function element(le: boolean, type: number, body: Uint8Array, pad = true): Uint8Array {
  const w = new ByteWriter(le);
  if (body.length <= 4 && pad && type !== 14 && type !== 15) {
    // small data element format
    w.u32((body.length << 16) | type).bytes(body).zeros(4 - body.length);
  } else {
    w.u32(type).u32(body.length).bytes(body);
    if (pad) w.pad(8);
  }
  return w.build();
}

function matrix(le: boolean, v: MatVar): Uint8Array {
  const cls = v.cls ?? 'double';
  const flags = cls === 'logical' ? 0x02 : 0;
  const sub = new ByteWriter(le);
  sub.bytes(element(le, 6, new ByteWriter(le).u32(CLASS_CODE[cls] | (flags << 8)).u32(0).build()));
  sub.bytes(element(le, 5, new ByteWriter(le).i32(v.rows).i32(v.cols).build()));
  sub.bytes(element(le, 1, new ByteWriter(le).ascii(v.name).build()));
  const colMajor: number[] = [];
  for (let c = 0; c < v.cols; c++) for (let r = 0; r < v.rows; r++) colMajor.push(v.data[r * v.cols + c]!);
  const t = v.storeAs ?? NATURAL[cls];
  sub.bytes(element(le, MI_CODE[t], new ByteWriter(le).values(t, colMajor).build()));
  return element(le, 14, sub.build(), false);
}

export function writeMatV5(vars: MatVar[], opts: MatWriteOptions = {}): Uint8Array {
  const le = !opts.bigEndian;
  const w = new ByteWriter(le);
  const text = (opts.header ?? 'MATLAB 5.0 MAT-file, Platform: test, Created on: Mon Jan  1 00:00:00 2024').padEnd(116, ' ');
  w.ascii(text).zeros(8);
  // version 0x0100 then the endian mark, written so that it reads 'IM' in the file's byte order
  w.u16(0x0100).u16(0x4d49);
  for (const v of vars) {
    const m = matrix(le, v);
    // miCOMPRESSED: a zlib stream of the whole miMATRIX element, not padded
    w.bytes(opts.compress ? element(le, 15, zlibSync(m), false) : m);
  }
  return w.build();
}
