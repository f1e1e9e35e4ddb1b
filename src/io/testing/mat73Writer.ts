// Builds a MATLAB v7.3 file for tests with h5wasm: HDF5 after a 512-byte MATLAB header, arrays stored transposed.
import { File as H5File, ready } from 'h5wasm';
import { ByteWriter } from './bytes';

export interface Mat73Var {
  name: string;
  rows: number;
  cols: number;
  /** row-major, as MATLAB would show it */
  data: ArrayLike<number>;
  cls?: 'double' | 'logical' | 'single';
}

let counter = 0;

export async function writeMat73(vars: Mat73Var[]): Promise<Uint8Array> {
  const m = await ready;
  const path = `/fixture-${++counter}.h5`;
  const f = new H5File(path, 'w');
  for (const v of vars) {
    // MATLAB writes column-major data with the dims reversed: HDF5 shape [cols, rows]
    const colMajor: number[] = [];
    for (let c = 0; c < v.cols; c++) for (let r = 0; r < v.rows; r++) colMajor.push(v.data[r * v.cols + c]!);
    const cls = v.cls ?? 'double';
    const data = cls === 'logical' ? Uint8Array.from(colMajor) : cls === 'single' ? Float32Array.from(colMajor) : Float64Array.from(colMajor);
    const ds = f.create_dataset({ name: v.name, data, shape: [v.cols, v.rows] });
    ds.create_attribute('MATLAB_class', cls);
  }
  f.close();
  const h5 = m.FS.readFile(path);
  m.FS.unlink(path);
  const header = new ByteWriter(true)
    .ascii('MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 .'.padEnd(116, ' '))
    .zeros(8)
    .u16(0x0200)
    .u16(0x4d49)
    .zeros(512 - 128)
    .build();
  const out = new Uint8Array(512 + h5.length);
  out.set(header, 0);
  out.set(h5, 512);
  return out;
}
