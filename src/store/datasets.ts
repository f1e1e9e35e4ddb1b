// Where the page's data comes from: synthetic 2-D sets made in the page, or the bundled CSVs of the manifest.
import type { RawData } from '../core/types';
import { loadManifest, type Manifest, type ManifestEntry } from '../io/catalogue';
import { importBundled } from '../io/bundled';
import { isImportError } from '../io/errors';
import { describePrep, parsePrepLink } from '../io/preprocess/link';
import type { PrepOptions } from '../io/preprocess/options';
import { isSyntheticName, makeSynthetic, SYNTHETIC, SYNTHETIC_RECIPE } from '../engine/synthetic';
import type { LabSettings } from './urlState';
import type { DataSource } from './lab';
import type { ImportedDataset } from './slices/import';

export interface DatasetOption {
  name: string;
  title: string;
  group: DataSource;
  detail: string;
}

export const SYNTHETIC_OPTIONS: DatasetOption[] = SYNTHETIC.map((name) => ({
  name, title: `${name} (2-D, generated from the seed)`, group: 'synthetic', detail: SYNTHETIC_RECIPE[name],
}));

let manifest: Promise<Manifest> | null = null;
export function bundledManifest(): Promise<Manifest> {
  manifest ??= loadManifest(`${import.meta.env.BASE_URL}datasets/`);
  return manifest;
}

export function bundledOptions(m: Manifest): DatasetOption[] {
  return m.datasets
    .filter((d) => !isSyntheticName(d.name))
    .map((d) => ({ name: d.name, title: `${d.title} (${d.rows} x ${d.features})`, group: 'bundled', detail: d.recipe }));
}

async function loadBundled(entry: ManifestEntry, prep: PrepOptions): Promise<{ raw: RawData; notices: string[] }> {
  const url = `${import.meta.env.BASE_URL}datasets/${entry.file}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load the bundled dataset ${entry.name} (${url}): HTTP ${res.status}.`);
  return importBundled(await res.text(), entry, prep);
}

/** Synthetic names are generated from the seed; imported files are kept in the page; other names come from the manifest. */
export async function loadDataset(s: LabSettings, importedByKey: (key: string) => ImportedDataset | undefined): Promise<{ raw: RawData; source: DataSource; notices: string[] }> {
  const prep = s.prep ? parsePrepLink(s.prep) : {};
  if (isSyntheticName(s.dataset)) {
    const notices = s.prep ? [`The import choices (${describePrep(prep)}) are for a bundled dataset or a file; the generated ${s.dataset} uses none.`] : [];
    return { raw: makeSynthetic(s.dataset, s.seed), source: 'synthetic', notices };
  }
  const own = importedByKey(s.dataset);
  if (own) return { raw: own.raw, source: 'file', notices: own.notices };
  const m = await bundledManifest();
  const entry = m.datasets.find((d) => d.name === s.dataset);
  if (!entry) {
    throw new Error(`There is no dataset called "${s.dataset}": choose one of ${[...SYNTHETIC, ...m.datasets.map((d) => d.name)].filter((v, i, a) => a.indexOf(v) === i).join(', ')}.`);
  }
  if (!s.prep) return { ...(await loadBundled(entry, {})), source: 'bundled' };
  try {
    const { raw, notices } = await loadBundled(entry, prep);
    return { raw, source: 'bundled', notices: [`Import choices from the link: ${describePrep(prep)}.`, ...notices] };
  } catch (e) {
    if (!isImportError(e)) throw e;
    // choices that do not fit this dataset (a column it lacks): say so and use the defaults
    const { raw, notices } = await loadBundled(entry, {});
    return { raw, source: 'bundled', notices: [`The link's import choices (${describePrep(prep)}) do not fit ${entry.name}: ${e.message} The defaults were used.`, ...notices] };
  }
}

/** Rows of a bundled dataset (from the manifest), null when it is not one. */
export async function bundledRows(name: string): Promise<number | null> {
  if (isSyntheticName(name)) return makeSynthetic(name, 1).n; // the generated sets have the same rows for every seed
  const m = await bundledManifest();
  return m.datasets.find((d) => d.name === name)?.rows ?? null;
}
