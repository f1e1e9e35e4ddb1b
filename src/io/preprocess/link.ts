// The import's choices as one link parameter (prep=label:class~drop:id,ts~missing:drop-rows), read back exactly.
import { BEYOND_CAP, MISSING_STRATEGIES, planOf, type BeyondCap, type MissingStrategy, type PrepOptions } from './options';

const MAX_VALUE = 200;
const MAX_NAMES = 1000;
/** The order the pieces are written in: the same choices always give the same link. */
const KEYS = ['label', 'nolabel', 'anomaly', 'normal', 'drop', 'include', 'missing', 'indicator', 'maxcat', 'beyond', 'constant'] as const;
type Key = (typeof KEYS)[number];
const FLAGS: readonly Key[] = ['nolabel', 'indicator', 'constant'];

// a value keeps its own '~', ',', ':' and '%' as %XX so the pieces split cleanly
const esc = (s: string): string => s.replace(/[%~,:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
function unesc(s: string, key: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new Error(`${key}: '${s}' has a broken %-escape`);
  }
}

/** The choices that differ from the defaults, as text ('' = all defaults). */
export function formatPrepLink(options: PrepOptions): string {
  const o = planOf(options);
  const parts: string[] = [];
  if (o.labelColumn === null) parts.push('nolabel');
  else if (o.labelColumn !== undefined) parts.push(`label:${esc(o.labelColumn)}`);
  if (o.anomalyValue !== undefined) parts.push(`anomaly:${esc(o.anomalyValue)}`);
  if (o.normalValue !== undefined) parts.push(`normal:${esc(o.normalValue)}`);
  if (o.exclude) parts.push(`drop:${o.exclude.map(esc).join(',')}`);
  if (o.include) parts.push(`include:${o.include.map(esc).join(',')}`);
  if (o.missing) parts.push(`missing:${o.missing}`);
  if (o.missingIndicator) parts.push('indicator');
  if (o.maxCategories !== undefined) parts.push(`maxcat:${o.maxCategories}`);
  if (o.beyondCap) parts.push(`beyond:${o.beyondCap}`);
  if (o.keepConstant) parts.push('constant');
  return parts.join('~');
}

/** Reads the text back; throws an Error whose message says which piece is wrong and why. */
export function parsePrepLink(text: string): PrepOptions {
  const o: PrepOptions = {};
  if (text === '') return o;
  const seen = new Set<string>();
  for (const piece of text.split('~')) {
    const at = piece.indexOf(':');
    const key = at < 0 ? piece : piece.slice(0, at);
    const raw = at < 0 ? null : piece.slice(at + 1);
    if (!(KEYS as readonly string[]).includes(key)) throw new Error(`'${key}' is not an import choice (${KEYS.join(', ')})`);
    if (seen.has(key)) throw new Error(`${key} is given twice`);
    seen.add(key);
    const k = key as Key;
    if (FLAGS.includes(k)) {
      if (raw !== null) throw new Error(`${k} takes no value`);
    } else if (raw === null || raw === '') throw new Error(`${k} needs a value (${k}:...)`);
    if (raw !== null && raw.length > MAX_VALUE * 10) throw new Error(`${k} is too long`);
    const value = (r: string) => {
      const v = unesc(r, k);
      if (v.trim() === '' || v.length > MAX_VALUE) throw new Error(`${k}: a name must be 1 to ${MAX_VALUE} characters`);
      return v;
    };
    const names = (r: string) => {
      const list = r.split(',').map(value);
      if (list.length > MAX_NAMES) throw new Error(`${k} names more than ${MAX_NAMES} columns`);
      return list;
    };
    switch (k) {
      case 'label': o.labelColumn = value(raw!); break;
      case 'nolabel': o.labelColumn = null; break;
      case 'anomaly': o.anomalyValue = value(raw!); break;
      case 'normal': o.normalValue = value(raw!); break;
      case 'drop': o.exclude = names(raw!); break;
      case 'include': o.include = names(raw!); break;
      case 'missing':
        if (!(MISSING_STRATEGIES as readonly string[]).includes(raw!)) throw new Error(`missing '${raw}' is not one of ${MISSING_STRATEGIES.join(', ')}`);
        o.missing = raw as MissingStrategy;
        break;
      case 'indicator': o.missingIndicator = true; break;
      case 'maxcat': {
        const n = Number(raw);
        if (!/^\d+$/.test(raw!) || n < 2 || n > 1000) throw new Error(`maxcat '${raw}' is not a whole number from 2 to 1000`);
        o.maxCategories = n;
        break;
      }
      case 'beyond':
        if (!(BEYOND_CAP as readonly string[]).includes(raw!)) throw new Error(`beyond '${raw}' is not one of ${BEYOND_CAP.join(', ')}`);
        o.beyondCap = raw as BeyondCap;
        break;
      case 'constant': o.keepConstant = true; break;
    }
  }
  if (o.labelColumn === null && (seen.has('label') || o.anomalyValue !== undefined || o.normalValue !== undefined)) throw new Error('nolabel cannot go with label, anomaly or normal');
  if (o.anomalyValue !== undefined && o.normalValue !== undefined) throw new Error('give anomaly or normal, not both');
  return o;
}

/** The choices in words, for notices and the share panel ('' = the defaults). */
export function describePrep(o: PrepOptions): string {
  const p = planOf(o);
  const q = (s: string) => `"${s}"`;
  const parts: string[] = [];
  if (p.labelColumn === null) parts.push('no label column');
  else if (p.labelColumn !== undefined) parts.push(`label column ${q(p.labelColumn)}`);
  if (p.anomalyValue !== undefined) parts.push(`${q(p.anomalyValue)} means anomaly`);
  if (p.normalValue !== undefined) parts.push(`${q(p.normalValue)} means normal`);
  if (p.exclude) parts.push(`columns left out: ${p.exclude.join(', ')}`);
  if (p.include) parts.push(`dates used: ${p.include.join(', ')}`);
  if (p.missing) parts.push(`missing cells: ${p.missing === 'drop-rows' ? 'rows dropped' : 'columns dropped'}`);
  if (p.missingIndicator) parts.push('"was missing" columns');
  if (p.maxCategories !== undefined) parts.push(`category cap ${p.maxCategories}`);
  if (p.beyondCap) parts.push('ordinal codes beyond the cap');
  if (p.keepConstant) parts.push('constant columns kept');
  return parts.join('; ');
}
