// MATLAB v7.3 (HDF5) and plain HDF5 reader; loaded with dynamic import so the CSV path never loads h5wasm.
import { Dataset, File as H5File, ready as h5ready } from 'h5wasm';
import { ImportError } from './errors';
import { hdf5ExpectedSize, hdf5Offset } from './hdf5sig';
import { transpose, type NamedArray } from './matrices';

export interface Hdf5Result {
  arrays: NamedArray[];
  skipped: string[];
}

let counter = 0;
type H5Module = Awaited<typeof h5ready>;
let ready: Promise<H5Module> | null = null;

function init(): Promise<H5Module> {
  ready ??= h5ready.then((m) => {
    // errors become exceptions instead of HDF5-DIAG dumps on the console
    m.activate_throwing_error_handler();
    return m;
  });
  return ready;
}

function toFloat64(v: unknown): Float64Array | null {
  if (v instanceof Float64Array) return v;
  if (v instanceof BigInt64Array || v instanceof BigUint64Array) return Float64Array.from(v, (b) => Number(b));
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Float64Array.from(v as unknown as ArrayLike<number>);
  if (typeof v === 'number') return Float64Array.of(v);
  return null;
}

function attrText(ds: Dataset, key: string): string | null {
  const a = ds.attrs[key];
  if (!a) return null;
  const v = a.value;
  return typeof v === 'string' ? v : v == null ? null : String(v);
}

/** matlab: the file was written by MATLAB, whose arrays are stored transposed (column-major). */
export async function readHdf5(bytes: Uint8Array, matlab: boolean): Promise<Hdf5Result> {
  const offset = hdf5Offset(bytes);
  const expected = offset >= 0 ? hdf5ExpectedSize(bytes, offset) : null;
  if (expected !== null && expected > bytes.length) {
    throw new ImportError(
      'TRUNCATED',
      `The ${matlab ? '.mat (v7.3)' : 'HDF5'} file is cut short: it should be ${expected} bytes but is ${bytes.length}. ` +
        'The download or copy was probably interrupted: get the file again.',
    );
  }
  const { FS } = await init();
  const path = `/svdd-import-${++counter}.h5`;
  FS.writeFile(path, bytes);
  let file: H5File | null = null;
  try {
    try {
      file = new H5File(path, 'r');
    } catch {
      throw new ImportError(
        'CORRUPT',
        `The ${matlab ? '.mat (v7.3)' : 'HDF5'} file is damaged and cannot be opened. Get the file again or re-save it.`,
      );
    }
    const arrays: NamedArray[] = [];
    const skipped: string[] = [];
    for (const key of file.keys()) {
      if (key.startsWith('#')) continue; // MATLAB's #refs# / #subsystem# groups
      const entity = file.get(key);
      if (!(entity instanceof Dataset)) {
        skipped.push(`${key} (a group: struct or cell)`);
        continue;
      }
      const cls = attrText(entity, 'MATLAB_class');
      if (entity.attrs['MATLAB_empty']) {
        skipped.push(`${key} (empty)`);
        continue;
      }
      const meta = entity.metadata;
      // H5T_INTEGER = 0, H5T_FLOAT = 1
      if ((meta.type !== 0 && meta.type !== 1) || !meta.shape || (cls !== null && cls === 'char')) {
        skipped.push(`${key} (${cls ?? 'not numeric'})`);
        continue;
      }
      const data = toFloat64(entity.value);
      if (!data) {
        skipped.push(`${key} (unreadable)`);
        continue;
      }
      let shape = [...meta.shape];
      let values = data;
      if (matlab && shape.length === 2) {
        // HDF5 dims [c, r] hold MATLAB's r x c matrix column by column
        const [c, r] = shape as [number, number];
        values = transpose(data, c, r);
        shape = [r, c];
      } else if (matlab && shape.length > 2) {
        skipped.push(`${key} (${shape.length} dimensions)`);
        continue;
      }
      arrays.push({ name: key, shape, data: values, dtype: cls ?? entity.dtype.toString() });
    }
    return { arrays, skipped };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('CORRUPT', `The HDF5 file could not be read (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`);
  } finally {
    try {
      file?.close();
    } catch {
      // already closed or never opened
    }
    FS.unlink(path);
  }
}
