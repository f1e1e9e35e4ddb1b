// Plain-text facts about datasets for the picker: sizes, ratio, kind, the paper's network size and query budget.
import { PRESETS } from '../../engine/config';
import { paperKey, paperSizes } from '../../engine/sizes';
import type { DataKind, RawData } from '../../core/types';
import { EXTERNAL_DATASETS, type ExternalDataset, type ManifestEntry } from '../../io/catalogue';

export const pct = (r: number) => `${(100 * r).toFixed(r < 0.1 ? 1 : 0)}%`;

export function kindText(k: DataKind | undefined): string {
  return k?.type === 'image' && k.shape ? `image ${k.shape[0]} x ${k.shape[1]}` : 'tabular';
}

export function sourceText(e: ManifestEntry): string {
  const s = e.source;
  if (s.registry === 'project') return `made by this project (${s.path})`;
  return `${s.registry === 'debian' ? 'Debian' : 'npm'} package ${s.package} ${s.version} (${s.path})`;
}

export function anomalyCount(raw: RawData): number | null {
  if (!raw.labels) return null;
  let a = 0;
  for (let i = 0; i < raw.n; i++) a += raw.labels[i]!;
  return a;
}

/** The paper dataset a file name stands for (cardio.mat -> cardio), with its ODDS facts when known. */
export function recognise(raw: RawData): { key: string; external: ExternalDataset | null; matches: boolean } | null {
  const key = paperKey(raw.name);
  if (!key) return null;
  const external = EXTERNAL_DATASETS.find((e) => e.paperKey === key) ?? null;
  const a = anomalyCount(raw);
  const matches = !!external && external.rows === raw.n && external.features === raw.d && (a === null || a === external.anomalies);
  return { key, external, matches };
}

/** "21 -> 32 -> 16 -> 8, batch 128, 18 queries a round; the paper preset runs 5 rounds (90 labels)" */
export function sizesText(raw: RawData): string {
  const s = paperSizes(raw.name, raw.n, raw.d);
  const rounds = PRESETS.paper.rounds;
  return `network ${[raw.d, ...s.hDims, s.repDim].join(' → ')}, batch ${s.batchSize}, ${s.k} queries a round; ` +
    `the paper preset runs ${rounds} rounds (${Math.min(s.k * rounds, raw.n)} labels in all)`;
}
