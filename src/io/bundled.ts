// A bundled dataset's CSV as the lab and the command line both read it: the label column "label", image pixels kept.
import { parseCsv } from './csv';
import type { ManifestEntry } from './catalogue';
import type { PrepOptions } from './preprocess/options';
import { withPrep, type PreparedData } from './preprocess/prepared';
import { validateTextTable } from './validate';

export function importBundled(text: string, entry: ManifestEntry, prep: PrepOptions = {}): { raw: PreparedData; notices: string[] } {
  const parsed = parseCsv(text, { extension: 'csv' });
  // images keep their constant pixels so the picture keeps its shape
  const options: PrepOptions = { labelColumn: 'label', keepConstant: entry.kind.type === 'image', ...prep };
  const v = validateTextTable(parsed.table, entry.name, options);
  const kind = entry.kind.type === 'image' && v.data.d !== entry.features ? { type: 'tabular' as const } : entry.kind;
  const raw = withPrep({ ...v.data, name: entry.name, kind }, entry.file, 'csv', prep, v.recipe ?? null);
  return { raw, notices: [...parsed.notices, ...v.notices] };
}
