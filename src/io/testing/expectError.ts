// Test helper: run an import that must fail and hand back the ImportError.
import { ImportError } from '../errors';
import { importFile, type ImportOptions } from '../importFile';

export const text = (s: string): Uint8Array => new TextEncoder().encode(s);

export async function importError(name: string, bytes: Uint8Array | string, options?: ImportOptions): Promise<ImportError> {
  try {
    await importFile(name, typeof bytes === 'string' ? text(bytes) : bytes, options);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw new Error(`expected an ImportError, got ${String(e)}`);
  }
  throw new Error(`expected ${name} to fail, but it loaded`);
}
