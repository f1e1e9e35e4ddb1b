// Small byte builder for test fixtures.
export class ByteWriter {
  private chunks: Uint8Array[] = [];
  length = 0;
  constructor(readonly littleEndian = true) {}

  bytes(b: Uint8Array | number[]): this {
    const u = b instanceof Uint8Array ? b : Uint8Array.from(b);
    this.chunks.push(u);
    this.length += u.length;
    return this;
  }

  private num(size: number, set: (v: DataView) => void): this {
    const buf = new Uint8Array(size);
    set(new DataView(buf.buffer));
    return this.bytes(buf);
  }

  u8(v: number): this { return this.num(1, (d) => d.setUint8(0, v)); }
  u16(v: number): this { return this.num(2, (d) => d.setUint16(0, v, this.littleEndian)); }
  u32(v: number): this { return this.num(4, (d) => d.setUint32(0, v, this.littleEndian)); }
  i32(v: number): this { return this.num(4, (d) => d.setInt32(0, v, this.littleEndian)); }
  ascii(s: string): this { return this.bytes(Array.from(s, (c) => c.charCodeAt(0))); }
  zeros(n: number): this { return this.bytes(new Uint8Array(n)); }
  pad(multiple: number): this {
    const rem = this.length % multiple;
    return rem === 0 ? this : this.zeros(multiple - rem);
  }

  /** Write n values of one numeric type. */
  values(type: NumType, data: ArrayLike<number>): this {
    const size = NUM_SIZE[type];
    const buf = new Uint8Array(size * data.length);
    const d = new DataView(buf.buffer);
    const le = this.littleEndian;
    for (let i = 0; i < data.length; i++) {
      const v = data[i]!;
      const p = i * size;
      switch (type) {
        case 'f8': d.setFloat64(p, v, le); break;
        case 'f4': d.setFloat32(p, v, le); break;
        case 'i1': d.setInt8(p, v); break;
        case 'u1': d.setUint8(p, v); break;
        case 'b1': d.setUint8(p, v ? 1 : 0); break;
        case 'i2': d.setInt16(p, v, le); break;
        case 'u2': d.setUint16(p, v, le); break;
        case 'i4': d.setInt32(p, v, le); break;
        case 'u4': d.setUint32(p, v, le); break;
        case 'i8': d.setBigInt64(p, BigInt(v), le); break;
        case 'u8': d.setBigUint64(p, BigInt(v), le); break;
      }
    }
    return this.bytes(buf);
  }

  build(): Uint8Array {
    const out = new Uint8Array(this.length);
    let p = 0;
    for (const c of this.chunks) {
      out.set(c, p);
      p += c.length;
    }
    return out;
  }
}

export type NumType = 'f8' | 'f4' | 'i1' | 'u1' | 'b1' | 'i2' | 'u2' | 'i4' | 'u4' | 'i8' | 'u8';
export const NUM_SIZE: Record<NumType, number> = { f8: 8, f4: 4, i1: 1, u1: 1, b1: 1, i2: 2, u2: 2, i4: 4, u4: 4, i8: 8, u8: 8 };

export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
