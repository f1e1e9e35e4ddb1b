// The import slice: a file is read in the worker, the person confirms the label choice, then it becomes the dataset.
import type { Ctx } from './ctx';
import { describePrep, parsePrepLink } from '../../io/preprocess/link';
import { withPrep } from '../../io/preprocess/prepared';
import type { RawData } from '../../core/types';
import type { ImportOptions, ImportResult } from '../../io/importFile';
import { DEFAULT_MAX_BYTES } from '../../io/importFile';
import { SYNTHETIC } from '../../engine/synthetic';
import type { ImportFailure } from '../../worker/import.worker';

export interface PendingImport {
  fileName: string;
  /** the settings key the data gets (the file name made URL-safe) */
  key: string;
  result: ImportResult;
  labelValues: string[];
  options: ImportOptions;
  ms: number;
}

export interface FailedImport {
  fileName: string;
  error: ImportFailure;
  /** label columns to offer when the problem was the label */
  columns: string[];
  options: ImportOptions;
}

export interface ImportedDataset {
  key: string;
  fileName: string;
  raw: RawData;
  notices: string[];
  format: string;
}

export interface ImportState {
  /** the file being read, or null */
  reading: string | null;
  /** how far the worker has got with it (0..1) and what it is doing */
  progress: { fraction: number; phase: string } | null;
  pending: PendingImport | null;
  failure: FailedImport | null;
  imported: ImportedDataset[];
  /** names of bundled datasets, so an imported file never shadows one */
  reserved: readonly string[];
}

/** 'my data (1).csv' -> 'my_data_1_.csv': the settings and URL alphabet; never the name of a generated or bundled set. */
export function datasetKey(fileName: string, taken: readonly string[]): string {
  let k = fileName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[^A-Za-z0-9]+/, '').slice(0, 60) || 'data';
  if ((SYNTHETIC as readonly string[]).includes(k) || taken.includes(k)) k = `${k}-file`;
  return k;
}

export interface ImportActions {
  openFile(file: File): Promise<void>;
  rechoose(fileName: string, options: ImportOptions): Promise<void>;
  keepImport(p: PendingImport): ImportedDataset;
  cancelImport(): void;
  dismissFailure(): void;
  importedByKey(key: string): ImportedDataset | undefined;
  reserveNames(names: readonly string[]): void;
}

export type ImportSlice = ImportState & ImportActions;

const stem = (n: string) => n.toLowerCase().replace(/\.gz$/, '').replace(/\.[^.]*$/, '');
const sameFile = (a: string, b: string) => a === b || stem(a) === stem(b);

const EXT_OK = /\.(csv|tsv|tab|txt|arff|data|dat|mat|npz|npy|h5|hdf5|gz|zip)$/i;

declare module './ctx' {
  interface AppState {
    import: ImportSlice;
  }
}

export function createImportSlice(ctx: Ctx): ImportSlice {
  const get = () => ctx.get().import;
  const set = (p: Partial<ImportSlice> | ((s: ImportSlice) => Partial<ImportSlice>)) => ctx.set('import', p);
  const parseFile = (fileName: string, bytes: ArrayBuffer | null, options: ImportOptions) => {
    if (!ctx.deps.parseFile) throw new Error('This page cannot read data files (no file reader).');
    return ctx.deps.parseFile(fileName, bytes, options, (fraction, phase) => {
      if (get().reading === fileName) set({ progress: { fraction, phase } });
    });
  };

  /** Reads a file in the worker; a failure leaves the loaded data as it was. */
  async function openFile(file: File): Promise<void> {
    const max = DEFAULT_MAX_BYTES;
    if (file.size > max) {
      set({
        failure: {
          fileName: file.name, columns: [], options: {},
          error: { code: 'TOO_LARGE', message: `${file.name} is ${Math.round(file.size / 2 ** 20)} MB; the largest file this page loads is ${Math.round(max / 2 ** 20)} MB. Use a sample of the rows.` },
        },
        pending: null,
      });
      return;
    }
    set({ reading: file.name, progress: null, failure: null, pending: null });
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (e) {
      set({ reading: null, failure: { fileName: file.name, columns: [], options: {}, error: { code: 'UNREADABLE', message: `${file.name} could not be read from disk: ${(e as Error).message}` } } });
      return;
    }
    // the link named this file: start from the choices it carries
    const asked = ctx.get().link.fileProblem?.name;
    const prepText = ctx.get().lab.settings.prep;
    const fromLink: ImportOptions = asked && prepText && sameFile(asked, file.name) ? parsePrepLink(prepText) : {};
    await parse(file.name, bytes, fromLink);
    const linked = get().pending;
    if (linked && Object.keys(fromLink).length) {
      set({ pending: { ...linked, result: { ...linked.result, notices: [`The link's import choices were applied: ${describePrep(fromLink)}.`, ...linked.result.notices] } } });
    }
    if (!EXT_OK.test(file.name) && get().pending) {
      // content was recognised although the name does not say so: tell the person
      const p = get().pending!;
      set({ pending: { ...p, result: { ...p.result, notices: [`${file.name} has no usual data extension; it was read by its content.`, ...p.result.notices] } } });
    }
  }

  /** Read the last file again with other choices (label column, anomaly value). */
  async function rechoose(fileName: string, options: ImportOptions): Promise<void> {
    set({ reading: fileName, progress: null });
    await parse(fileName, null, options);
  }

  async function parse(fileName: string, bytes: ArrayBuffer | null, options: ImportOptions): Promise<void> {
    const reply = await parseFile(fileName, bytes, options);
    if (reply.ok) {
      const taken = [...get().reserved, ...get().imported.filter((d) => d.fileName !== fileName).map((d) => d.key)];
      set({
        reading: null, progress: null, failure: null,
        pending: { fileName, key: datasetKey(fileName, taken), result: reply.result, labelValues: reply.labelValues, options, ms: reply.ms },
      });
    } else {
      set({ reading: null, progress: null, pending: null, failure: { fileName, error: reply.error, columns: reply.columns, options } });
    }
  }

  /** The confirmed import joins the list of datasets (replacing an earlier import of the same file). */
  function keepImport(p: PendingImport): ImportedDataset {
    // the plan and the fitted recipe ride on the data, so the session record and the model file keep them
    const raw = withPrep(p.result.data, p.fileName, p.result.format, p.options, p.result.recipe ?? null);
    const d: ImportedDataset = { key: p.key, fileName: p.fileName, raw, notices: p.result.notices, format: p.result.format };
    set((s) => ({ pending: null, failure: null, imported: [...s.imported.filter((x) => x.key !== p.key), d] }));
    return d;
  }

  return {
    reading: null, progress: null, pending: null, failure: null, imported: [], reserved: [],
    openFile, rechoose, keepImport,
    cancelImport: () => set({ pending: null }),
    dismissFailure: () => set({ failure: null }),
    importedByKey: (key) => get().imported.find((d) => d.key === key),
    reserveNames: (names) => set({ reserved: names }),
  };
}
