// The `npm run experiment` line that runs the same configuration, and why it may not match exactly.
import { PRESETS } from '../../engine/config';
import { formatSeedList, isOneToN } from '../../engine/seeds';
import type { DataSource } from '../lab';
import type { CompareRunRequest } from '../../protocol';

export interface CommandLine {
  /** one line per configuration */
  lines: string[];
  /** true when the CLI on the same backend gives the same numbers */
  exact: boolean;
  /** one sentence per difference (and hints such as the file path) */
  notes: string[];
}

const quote = (s: string) => (/^[A-Za-z0-9._/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function experimentCommand(dataset: string, source: DataSource, runs: CompareRunRequest[], seeds: number[], dataSeed: number): CommandLine {
  const notes: string[] = [];
  const hints: string[] = [];
  const dsArg = source === 'file' ? `path/to/${dataset}` : dataset;
  if (source === 'file') hints.push(`Give the path of your file for --dataset (the CLI keeps constant columns, as the paper does; the page drops them).`);
  if (source === 'synthetic') {
    notes.push(dataSeed === 1
      ? `The CLI reads public/datasets/${dataset}.csv, the seed-1 ${dataset} rounded to 6 decimals, so the numbers can differ in the last digits.`
      : `The page generated ${dataset} from seed ${dataSeed}; the CLI's public/datasets/${dataset}.csv is the seed-1 set, so the data differ.`);
  }
  const seedFlag = isOneToN(seeds) ? ['--seeds', String(seeds.length)] : ['--seed-list', formatSeedList(seeds)];
  const lines = runs.map((r) => {
    const o = r.config.overrides;
    const mode = o.mode ?? PRESETS[r.config.preset].mode;
    const parts = ['npm run experiment --', '--dataset', quote(dsArg), '--loss', o.loss ?? 'nce', '--query', o.query ?? 'abs',
      '--pseudo', o.pseudo === false ? '0' : '1', ...seedFlag, '--mode', mode];
    if (o.pollution !== undefined && o.pollution !== null) parts.push('--pollution', String(o.pollution));
    if (r.config.preset !== 'paper') parts.push('--preset', r.config.preset);
    if (r.config.k !== undefined && r.config.k !== null) parts.push('--k', String(r.config.k));
    return parts.join(' ');
  });
  const first = runs[0]?.config;
  const extra = first ? Object.keys(first.overrides).filter((k) => !['loss', 'query', 'pseudo', 'pollution', 'mode'].includes(k)) : [];
  if (extra.length) notes.push(`Overrides without a CLI flag: ${extra.join(', ')}.`);
  return { lines, exact: notes.length === 0, notes: [...hints, ...notes] };
}
