// Test writers for the import formats: Weka-style ARFF with a long comment block, MATLAB v4 in both byte orders.

/** Weka's example files open with kilobytes of % lines; this makes `bytes` worth of them. */
export function commentBlock(bytes: number): string {
  const line = '% This dataset comes with a long description, as the files shipped with Weka do.\n';
  return line.repeat(Math.ceil(bytes / line.length));
}

export interface V4Var {
  name: string;
  rows: number;
  cols: number;
  /** row-major values */
  values: number[];
  /** precision digit: 0 double, 1 single, 2 int32, 3 int16, 4 uint16, 5 uint8 */
  precision?: number;
}

const SIZES = [8, 4, 4, 2, 2, 1];

/** A MATLAB v4 file: per variable a 20-byte header (MOPT, mrows, ncols, imagf, namlen), the name, column-major data. */
export function matV4(vars: V4Var[], littleEndian: boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const v of vars) {
    const p = v.precision ?? 0;
    const name = new TextEncoder().encode(`${v.name}\0`);
    const head = new DataView(new ArrayBuffer(20));
    head.setInt32(0, (littleEndian ? 0 : 1000) + p * 10, littleEndian);
    head.setInt32(4, v.rows, littleEndian);
    head.setInt32(8, v.cols, littleEndian);
    head.setInt32(12, 0, littleEndian);
    head.setInt32(16, name.length, littleEndian);
    const size = SIZES[p]!;
    const data = new DataView(new ArrayBuffer(v.rows * v.cols * size));
    for (let c = 0; c < v.cols; c++) {
      for (let r = 0; r < v.rows; r++) {
        const x = v.values[r * v.cols + c]!;
        const at = (c * v.rows + r) * size;
        [
          () => data.setFloat64(at, x, littleEndian), () => data.setFloat32(at, x, littleEndian), () => data.setInt32(at, x, littleEndian),
          () => data.setInt16(at, x, littleEndian), () => data.setUint16(at, x, littleEndian), () => data.setUint8(at, x),
        ][p]!();
      }
    }
    parts.push(new Uint8Array(head.buffer), name, new Uint8Array(data.buffer));
  }
  const out = new Uint8Array(parts.reduce((a, b) => a + b.length, 0));
  let o = 0;
  for (const part of parts) (out.set(part, o), (o += part.length));
  return out;
}
