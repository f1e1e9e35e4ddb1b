// Shareable links: one declarative table of the lab's settings, parsed from and written to the URL query.
import { LOSSES, QUERIES } from '../core/types';
import type { Loss, Query, RunConfig, Sizes } from '../core/types';
import { formatCompareSelection, parseCompareSelection } from '../engine/compareLink';
import { formatPrepLink, parsePrepLink } from '../io/preprocess/link';
import { BACKEND_CHOICES, ORACLES, PRESET_NAMES, type BackendChoice, type OracleKind, type Preset } from '../core/choices';


export interface LabSettings {
  dataset: string;
  /** the import's choices (io/preprocess/link.ts), '' = the defaults: applied to a bundled set, offered for the link's file */
  prep: string;
  loss: Loss;
  query: Query;
  /** pseudo-abnormal samples on/off */
  pseudo: boolean;
  /** anomaly ratio to subsample to, or 'full' for the whole data (RunConfig.pollution = null) */
  pollution: number | 'full';
  seed: number;
  preset: Preset;
  /** queries per round; 'auto' = the dataset's size table */
  k: number | 'auto';
  backend: BackendChoice;
  oracle: OracleKind;
  /** the comparison panel's selection (engine/compareLink.ts), '' = the panel's defaults; never restarts the run */
  compare: string;
  /** presenter mode: larger type and markers, high contrast, secondary panels hidden (a page setting, not a run's) */
  present: boolean;
}
export type SettingKey = keyof LabSettings;

/** One row of the table: parse returns the value or a sentence saying why the text is not valid. */
export interface SettingSpec<K extends SettingKey = SettingKey> {
  key: K;
  label: string;
  default: LabSettings[K];
  parse(text: string): { ok: true; value: LabSettings[K] } | { ok: false; why: string };
  serialise(value: LabSettings[K]): string;
}

const ok = <T>(value: T) => ({ ok: true as const, value });
const bad = (why: string) => ({ ok: false as const, why });

function oneOf<K extends SettingKey>(key: K, label: string, options: readonly string[], dflt: LabSettings[K]): SettingSpec<K> {
  return {
    key, label, default: dflt,
    parse: (t) => (options.includes(t) ? ok(t as LabSettings[K]) : bad(`${key} '${t}' is not one of ${options.join(', ')}`)),
    serialise: (v) => String(v),
  };
}

const INT = /^\d+$/;
const DECIMAL = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Dataset names become URL text and file names: keep them to a safe alphabet. */
const DATASET = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export const SETTINGS_TABLE: { [K in SettingKey]: SettingSpec<K> } = {
  dataset: {
    key: 'dataset', label: 'dataset', default: 'ring',
    parse: (t) => (DATASET.test(t) ? ok(t)
      : bad(`dataset '${t}' is not a valid name (letters, digits, '.', '_' or '-', at most 64 characters)`)),
    serialise: (v) => v,
  },
  prep: {
    key: 'prep', label: 'import choices', default: '',
    parse: (t) => { try { return ok(formatPrepLink(parsePrepLink(t))); } catch (e) { return bad(`prep '${t}': ${(e as Error).message}`); } },
    serialise: (v) => v,
  },
  loss: oneOf('loss', 'loss', LOSSES, 'nce'),
  query: oneOf('query', 'query strategy', QUERIES, 'abs'),
  pseudo: {
    key: 'pseudo', label: 'pseudo-abnormal samples', default: true,
    parse: (t) => (TRUE.includes(t.toLowerCase()) ? ok(true) : FALSE.includes(t.toLowerCase()) ? ok(false)
      : bad(`pseudo '${t}' is not true or false`)),
    serialise: (v) => (v ? 'true' : 'false'),
  },
  pollution: {
    key: 'pollution', label: 'pollution (anomaly ratio)', default: 'full',
    parse: (t) => {
      if (t === 'full') return ok('full' as const);
      const x = Number(t);
      return DECIMAL.test(t) && x > 0 && x <= 1 ? ok(x)
        : bad(`pollution '${t}' is not 'full' or a number greater than 0 and at most 1`);
    },
    serialise: (v) => String(v),
  },
  seed: {
    key: 'seed', label: 'seed', default: 1,
    parse: (t) => (INT.test(t) && Number(t) <= 0xffffffff ? ok(Number(t))
      : bad(`seed '${t}' is not a whole number from 0 to 4294967295`)),
    serialise: (v) => String(v),
  },
  preset: oneOf('preset', 'preset', PRESET_NAMES, 'interactive'),
  k: {
    key: 'k', label: 'queries per round', default: 'auto',
    parse: (t) => (t === 'auto' ? ok('auto' as const)
      : INT.test(t) && Number(t) >= 1 && Number(t) <= 100000 ? ok(Number(t))
      : bad(`k (queries per round) '${t}' is not 'auto' or a whole number from 1 to 100000`)),
    serialise: (v) => String(v),
  },
  backend: oneOf('backend', 'backend', BACKEND_CHOICES, 'auto'),
  oracle: oneOf('oracle', 'oracle', ORACLES, 'simulated'),
  compare: {
    key: 'compare', label: 'comparison selection', default: '',
    parse: (t) => { try { return ok(formatCompareSelection(parseCompareSelection(t))); } catch (e) { return bad((e as Error).message); } },
    serialise: (v) => v,
  },
  present: {
    key: 'present', label: 'presenter mode', default: false,
    parse: (t) => (TRUE.includes(t.toLowerCase()) ? ok(true) : FALSE.includes(t.toLowerCase()) ? ok(false)
      : bad(`present '${t}' is not 1 or 0`)),
    serialise: (v) => (v ? '1' : '0'),
  },
};

/** Stable order of keys in the URL and in the UI. */
export const SETTING_KEYS: SettingKey[] = ['dataset', 'prep', 'loss', 'query', 'pseudo', 'pollution', 'seed', 'preset', 'k', 'backend', 'oracle', 'compare', 'present'];

export const DEFAULT_SETTINGS: LabSettings = Object.fromEntries(
  SETTING_KEYS.map((k) => [k, SETTINGS_TABLE[k].default]),
) as unknown as LabSettings;

export const HIDE_PARAM = 'hide';

export interface ParsedUrl {
  settings: LabSettings;
  /** control keys to hide (setting keys, plus any extra hideable controls passed in) */
  hidden: Set<string>;
  /** one clear sentence per unknown or invalid parameter; those parameters fall back to the default */
  problems: string[];
}

export interface ParseOptions {
  /** known dataset names; when given, another name is reported and the default is used */
  datasets?: readonly string[];
  /** controls beyond the settings that hide= may name (e.g. 'copyLink') */
  extraHideable?: readonly string[];
}

export function parseUrl(search: string, opts: ParseOptions = {}): ParsedUrl {
  const settings: LabSettings = { ...DEFAULT_SETTINGS };
  const hidden = new Set<string>();
  const problems: string[] = [];
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const seen = new Map<string, number>();
  for (const name of params.keys()) seen.set(name, (seen.get(name) ?? 0) + 1);
  for (const [name, count] of seen) {
    if (count > 1) problems.push(`Parameter '${name}' was given ${count} times; the last value was used`);
  }
  for (const name of seen.keys()) {
    const all = params.getAll(name);
    const text = all[all.length - 1];
    if (name === HIDE_PARAM) {
      parseHide(text, opts.extraHideable ?? [], hidden, problems);
      continue;
    }
    if (!(SETTING_KEYS as string[]).includes(name)) {
      problems.push(`Unknown parameter '${name}' was ignored`);
      continue;
    }
    const key = name as SettingKey;
    if (text === '') {
      problems.push(`${key} was empty; the default (${SETTINGS_TABLE[key].serialise(DEFAULT_SETTINGS[key] as never)}) was used`);
      continue;
    }
    const r = (SETTINGS_TABLE[key] as SettingSpec).parse(text);
    if (!r.ok) {
      problems.push(`${r.why}; the default was used`);
      continue;
    }
    if (key === 'dataset' && opts.datasets && !opts.datasets.includes(r.value as string)) {
      problems.push(`dataset '${text}' is not one of ${opts.datasets.join(', ')}; the default was used`);
      continue;
    }
    (settings as unknown as Record<string, unknown>)[key] = r.value;
  }
  return { settings, hidden, problems };
}

function parseHide(text: string, extra: readonly string[], hidden: Set<string>, problems: string[]): void {
  const allowed = [...SETTING_KEYS.filter((k) => k !== 'prep'), ...extra];
  for (const raw of text.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (allowed.includes(name)) hidden.add(name);
    else problems.push(`hide: unknown control '${name}' was ignored (known: ${allowed.join(', ')})`);
  }
}

/** Encode for a query value, leaving commas and colons readable (hide=loss,query; prep=label:class). */
const enc = (s: string) => encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/** '?key=value&...' with only the settings that differ from the defaults, in table order; '' when all are defaults. */
export function toUrl(settings: LabSettings, hidden: Iterable<string> = []): string {
  const parts: string[] = [];
  for (const key of SETTING_KEYS) {
    const spec = SETTINGS_TABLE[key] as SettingSpec;
    const text = spec.serialise(settings[key]);
    if (text !== spec.serialise(spec.default)) parts.push(`${key}=${enc(text)}`);
  }
  const h = [...new Set(hidden)];
  if (h.length > 0) {
    // setting keys in table order first, then extra controls alphabetically: the same set gives the same URL
    const rank = (x: string) => {
      const i = (SETTING_KEYS as string[]).indexOf(x);
      return i < 0 ? SETTING_KEYS.length : i;
    };
    h.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    parts.push(`${HIDE_PARAM}=${h.map(enc).join(',')}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The engine-level part of the settings (makeConfig overrides); k replaces sizes.k unless 'auto'. */
export function configOverrides(s: LabSettings, baseSizes?: Sizes): Partial<RunConfig> {
  const o: Partial<RunConfig> = {
    loss: s.loss, query: s.query, pseudo: s.pseudo, seed: s.seed,
    pollution: s.pollution === 'full' ? null : s.pollution,
  };
  if (s.k !== 'auto' && baseSizes) o.sizes = { ...baseSizes, k: s.k };
  return o;
}
