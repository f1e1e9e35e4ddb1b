// Shareable links: read the lab's settings from the URL at start and write the link for the settings (pure; see slices/link).
import { DEFAULT_SETTINGS, HIDE_PARAM, parseUrl, SETTINGS_TABLE, toUrl, type LabSettings } from './urlState';

/** Page-level parameters that are not lab settings (kept in the URL, never reported). */
export const PAGE_PARAMS = ['probe', 'test'] as const;
/** The values each page-level parameter takes (probe=all times every backend; test= takes any value). */
export const PAGE_VALUES: Record<(typeof PAGE_PARAMS)[number], readonly string[] | null> = { probe: ['all'], test: null };
/** Controls beyond the settings that hide= may name. */
export const EXTRA_HIDEABLE = ['import', 'share'] as const;

export interface LinkRead {
  settings: LabSettings;
  hidden: Set<string>;
  problems: string[];
  /** the dataset the link names, when it is not a generated one: checked against the manifest later */
  dataset: string | null;
  /** page-level parameters to keep, e.g. probe=all */
  page: Array<[string, string]>;
}

/** Parses the query; the dataset is only checked for its spelling here (the manifest is not loaded yet). */
export function readLink(search: string, generated: readonly string[]): LinkRead {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const page: Array<[string, string]> = [];
  const pageProblems: string[] = [];
  for (const p of PAGE_PARAMS) {
    const v = params.get(p);
    if (v !== null) {
      const ok = PAGE_VALUES[p];
      if (ok === null || ok.includes(v)) page.push([p, v]);
      else pageProblems.push(`${p} '${v}' is not one of ${ok.join(', ')}; it was ignored`);
    }
    params.delete(p);
  }
  const all = params.getAll('dataset');
  const text = all.length ? all[all.length - 1]! : null;
  const parsed = parseUrl(params.toString(), { extraHideable: EXTRA_HIDEABLE });
  let dataset: string | null = null;
  if (text !== null && parsed.settings.dataset === text && !generated.includes(text)) {
    dataset = text;
    parsed.settings.dataset = DEFAULT_SETTINGS.dataset;
  }
  return { ...parsed, problems: [...parsed.problems, ...pageProblems], dataset, page };
}

/** What to do with the link's dataset once the catalogue is known: use it, or explain why not. */
export function resolveDataset(name: string, bundled: readonly string[], external: readonly { name: string; fileName: string; title: string }[]): { dataset: string | null; problem: string | null } {
  if (bundled.includes(name)) return { dataset: name, problem: null };
  const stem = name.toLowerCase().split('.')[0]!;
  const ext = external.find((e) => e.name === stem || e.fileName.toLowerCase() === name.toLowerCase());
  if (ext) {
    return {
      dataset: null,
      problem: `This link was made with ${ext.title}, which you load yourself: open ${ext.fileName} with "Open file" (see "All datasets"); the link's other settings are applied.`,
    };
  }
  if (/\.[A-Za-z0-9]+$/.test(name)) {
    return { dataset: null, problem: `This link was made with the file ${name}, which is not on this site: open it with "Open file"; the link's other settings are applied.` };
  }
  return { dataset: null, problem: `dataset '${name}' is not one of this lab's datasets; the default (${DEFAULT_SETTINGS.dataset}) was used` };
}

/** The link for the current settings: the page address plus the non-default settings and hidden controls. */
export function linkFor(settings: LabSettings, hidden: Iterable<string>, loc: { origin: string; pathname: string; hash?: string }, page: Array<[string, string]> = []): string {
  let q = toUrl(settings, hidden);
  for (const [k, v] of page) q += `${q ? '&' : '?'}${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
  return `${loc.origin}${loc.pathname}${q}${loc.hash ?? ''}`;
}

/** Controls a teacher can hide in a link, with their labels. */
export function hideableControls(): Array<{ key: string; label: string }> {
  // the import choices are data, not a control
  const settings = Object.values(SETTINGS_TABLE).filter((s) => s.key !== 'prep').map((s) => ({ key: s.key as string, label: s.label }));
  return [...settings, { key: 'import', label: 'open file / all datasets' }, { key: 'share', label: 'this share panel' }];
}

export { HIDE_PARAM };
