// A comparison's selection as one link parameter: compare=QUERIES~LOSSES~SEEDS~PRESET~psP, e.g. abs,random~nce~1-5~paper~ps1.
import { PRESET_NAMES, type Preset } from '../core/choices';
import { LOSSES, QUERIES, type Loss, type Query } from '../core/types';
import { formatSeedList, parseSeedList } from './seeds';

export interface CompareSelection {
  queries: Query[];
  losses: Loss[];
  seeds: number[];
  preset: Preset;
  pseudo: boolean;
}

function listOf<T extends string>(what: string, text: string, allowed: readonly T[]): T[] {
  const items = text.split(',').filter((x) => x !== '');
  if (items.length === 0) throw new Error(`compare: no ${what} (known: ${allowed.join(', ')})`);
  for (const x of items) if (!allowed.includes(x as T)) throw new Error(`compare: ${what} '${x}' is not one of ${allowed.join(', ')}`);
  return [...new Set(items)] as T[];
}

/** Throws a sentence saying which part is wrong. */
export function parseCompareSelection(text: string): CompareSelection {
  const parts = text.split('~');
  if (parts.length !== 5) throw new Error(`compare '${text}' is not QUERIES~LOSSES~SEEDS~PRESET~ps0|ps1 (for example abs,random~nce~1-5~paper~ps1)`);
  const [q, l, s, p, ps] = parts as [string, string, string, string, string];
  if (!PRESET_NAMES.includes(p as Preset)) throw new Error(`compare: preset '${p}' is not one of ${PRESET_NAMES.join(', ')}`);
  if (ps !== 'ps0' && ps !== 'ps1') throw new Error(`compare: '${ps}' is not ps0 or ps1 (pseudo-abnormal samples off or on)`);
  let seeds: number[];
  try { seeds = parseSeedList(s); } catch (e) { throw new Error(`compare: seeds: ${(e as Error).message}`); }
  return { queries: listOf('query strategy', q, QUERIES), losses: listOf('loss', l, LOSSES), seeds, preset: p as Preset, pseudo: ps === 'ps1' };
}

export function formatCompareSelection(s: CompareSelection): string {
  return [s.queries.join(','), s.losses.join(','), formatSeedList(s.seeds), s.preset, s.pseudo ? 'ps1' : 'ps0'].join('~');
}
