// ADBench .npz: a zip (fflate) of X.npy and y.npy; also the zip checks shared with other archives.
import { unzipSync } from 'fflate';
import { ImportError } from './errors';
import type { NamedArray } from './matrices';
import { readNpy } from './npy';

/** True when the bytes end with a zip end-of-central-directory record (a cut-off zip has none). */
export function hasZipEnd(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 65557);
  for (let p = bytes.length - 22; p >= from; p--) {
    if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 0x05 && bytes[p + 3] === 0x06) return true;
  }
  return false;
}

/** Unzip, telling a cut-off archive from a damaged one, and refusing more than maxBytes unpacked. */
export function unzipChecked(bytes: Uint8Array, maxBytes: number, what: string): Record<string, Uint8Array> {
  if (!hasZipEnd(bytes)) {
    throw new ImportError(
      'TRUNCATED',
      `The ${what} is cut short: the zip archive has no end record. The download or copy was probably interrupted: get the file again.`,
    );
  }
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(f) {
        total += f.originalSize;
        if (total > maxBytes) {
          throw new ImportError(
            'TOO_LARGE',
            `The ${what} unpacks to more than ${Math.round(maxBytes / 1e6)} MB, more than this page can load. Use a smaller sample.`,
          );
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/unexpected EOF/i.test(msg)) {
      throw new ImportError('TRUNCATED', `The ${what} is cut short inside a packed file (${msg}). Get the file again.`);
    }
    throw new ImportError('CORRUPT', `The ${what} is damaged and cannot be unpacked (${msg}). Get the file again.`);
  }
}

/** The .npy entries of an unzipped .npz as named arrays. */
export function readNpzEntries(entries: Record<string, Uint8Array>): { arrays: NamedArray[]; skipped: string[] } {
  const arrays: NamedArray[] = [];
  const skipped: string[] = [];
  for (const [path, data] of Object.entries(entries)) {
    if (path.endsWith('/')) continue;
    if (!path.endsWith('.npy')) {
      skipped.push(`${path} (not a .npy array)`);
      continue;
    }
    const name = path.slice(0, -4);
    const a = readNpy(data, name);
    arrays.push({ name, shape: a.shape.length === 0 ? [1] : a.shape, data: a.data, dtype: a.dtype });
  }
  return { arrays, skipped };
}
