// HDF5 signature and superblock checks, without loading the HDF5 library (MATLAB v7.3 puts it at offset 512).
export const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

function hasSignatureAt(bytes: Uint8Array, offset: number): boolean {
  if (bytes.length < offset + 8) return false;
  return HDF5_SIGNATURE.every((b, i) => bytes[offset + i] === b);
}

/** Offset of the HDF5 superblock (0 or 512, as the spec's user-block sizes allow), or -1. */
export function hdf5Offset(bytes: Uint8Array): number {
  for (const off of [0, 512, 1024, 2048]) if (hasSignatureAt(bytes, off)) return off;
  return -1;
}

/** The file size the superblock promises (end-of-file address + where it starts), or null if unreadable. */
export function hdf5ExpectedSize(bytes: Uint8Array, offset: number): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = offset;
  if (bytes.length < p + 13) return null;
  const version = bytes[p + 8]!;
  let sizeOfOffsets: number;
  let eofAt: number;
  if (version === 0 || version === 1) {
    sizeOfOffsets = bytes[p + 13]!;
    const base = p + (version === 0 ? 24 : 28);
    eofAt = base + 2 * sizeOfOffsets;
  } else if (version === 2 || version === 3) {
    sizeOfOffsets = bytes[p + 9]!;
    eofAt = p + 12 + 2 * sizeOfOffsets;
  } else return null;
  if (sizeOfOffsets !== 8 && sizeOfOffsets !== 4) return null;
  if (bytes.length < eofAt + sizeOfOffsets) return null;
  const eof = sizeOfOffsets === 8 ? Number(view.getBigUint64(eofAt, true)) : view.getUint32(eofAt, true);
  return offset + eof;
}
