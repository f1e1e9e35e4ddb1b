// A tiny .npy / .npz writer for test fixtures.
import { zipSync } from 'fflate';
import { ByteWriter, NUM_SIZE, type NumType, utf8 } from './bytes';

export interface NpyOptions {
  /** numpy dtype string, e.g. '<f8', '>f8', '|u1', '|b1', '<i8' */
  descr?: string;
  fortran?: boolean;
  version?: 1 | 2 | 3;
}

/** data is row-major (C order) for `shape`; written in Fortran order when asked. */
export function writeNpy(data: ArrayLike<number>, shape: number[], opts: NpyOptions = {}): Uint8Array {
  const descr = opts.descr ?? '<f8';
  const version = opts.version ?? 1;
  const le = !descr.startsWith('>');
  const type = descr.replace(/^[<>|=]/, '') as NumType;
  if (!(type in NUM_SIZE)) throw new Error(`writeNpy: unknown dtype ${descr}`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': ${opts.fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const prefix = version === 1 ? 10 : 12;
  const total = Math.ceil((prefix + header.length + 1) / 64) * 64;
  header = header.padEnd(total - prefix - 1, ' ') + '\n';
  let values: ArrayLike<number> = data;
  if (opts.fortran && shape.length >= 2) values = toFortran(data, shape);
  const w = new ByteWriter(true);
  w.bytes([0x93]).ascii('NUMPY').u8(version).u8(0);
  if (version === 1) w.u16(header.length);
  else w.u32(header.length);
  w.bytes(utf8(header));
  const body = new ByteWriter(le).values(type, values).build();
  return w.bytes(body).build();
}

function toFortran(data: ArrayLike<number>, shape: number[]): number[] {
  const n = data.length;
  const out = new Array<number>(n);
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  for (let p = 0; p < n; p++) {
    let off = 0;
    let stride = 1;
    for (let k = 0; k < nd; k++) {
      off += idx[k]! * stride;
      stride *= shape[k]!;
    }
    out[off] = data[p]!;
    for (let k = nd - 1; k >= 0; k--) {
      if (++idx[k]! < shape[k]!) break;
      idx[k] = 0;
    }
  }
  return out;
}

/** An .npz archive (numpy.savez layout: name.npy entries). */
export function writeNpz(arrays: Record<string, Uint8Array>, compress = false): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(arrays)) files[`${k}.npy`] = v;
  return zipSync(files, { level: compress ? 6 : 0 });
}
