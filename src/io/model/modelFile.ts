// The model file that travels: tfjs weights plus everything needed to turn a new file into the network's input.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PREP_VERSION, type PrepOptions } from '../preprocess/options';
import type { Prep } from '../preprocess/prepared';
import type { Recipe } from '../preprocess/recipe';
import { WEIGHTS_FILE, modelFiles, parseModelFiles, type ModelMeta, type ParsedModel } from '../export';

/** scalePool's fitted per-column scaling (z = (x - mean) / scale, out = (z - min) / range; constant columns 0). */
export interface ScalingParams {
  mean: number[];
  scale: number[];
  min: number[];
  range: number[];
  constant: boolean[];
}

export interface PortableMeta {
  preprocessVersion: number;
  /** the training file's name and format (null for a generated or bundled dataset) */
  fileName: string | null;
  format: string | null;
  options: PrepOptions | null;
  /** text tables: the fitted transform; null: the matrix's columns are used as they are, by name */
  recipe: Recipe | null;
  featureNames: string[];
  scaling: ScalingParams;
  /** the training pool's scores at 201 evenly spaced quantiles (0, 0.5%, ..., 100%), for percentiles and the histogram */
  trainQuantiles: number[];
}

interface WeightTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

export interface ModelZip extends ParsedModel {
  portable: PortableMeta | null;
}

export const QUANTILES = 200;

/** Sorted-score quantiles (nearest rank), float32 values as numbers. */
export function quantiles(scores: ArrayLike<number>): number[] {
  const s = Float32Array.from(scores).sort();
  if (s.length === 0) return [];
  return Array.from({ length: QUANTILES + 1 }, (_, k) => s[Math.min(s.length - 1, Math.round((k / QUANTILES) * (s.length - 1)))]!);
}

export function portableMeta(prep: Prep | null, featureNames: string[], scaling: ScalingParams, trainScores: ArrayLike<number>): PortableMeta {
  return {
    preprocessVersion: prep?.version ?? PREP_VERSION,
    fileName: prep?.fileName ?? null,
    format: prep?.format ?? null,
    options: prep?.options ?? null,
    recipe: prep?.recipe ?? null,
    featureNames: [...featureNames],
    scaling,
    trainQuantiles: quantiles(trainScores),
  };
}

/** model.json + weights.bin in one zip; the portable part rides in userDefinedMetadata.input. */
export function modelZip(tensors: readonly WeightTensor[], meta: ModelMeta, portable: PortableMeta | null): Uint8Array {
  const files = modelFiles(tensors, { ...meta, extra: { ...meta.extra, ...(portable ? { input: portable } : {}) } });
  return zipSync({ 'model.json': strToU8(files.modelJson), [WEIGHTS_FILE]: files.weightsBin });
}

export function readModelZip(bytes: Uint8Array): ModelZip {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new Error(`The model file is not a zip archive this page can read (${(e as Error).message}). Export the model again from the lab.`);
  }
  const json = Object.keys(entries).find((p) => p.endsWith('model.json'));
  if (!json) throw new Error(`The model zip holds no model.json (it holds ${Object.keys(entries).join(', ') || 'nothing'}).`);
  const bins: Record<string, Uint8Array> = {};
  for (const [p, b] of Object.entries(entries)) bins[p.split('/').pop()!] = b;
  const parsed = parseModelFiles(strFromU8(entries[json]!), bins);
  const { input, ...metadata } = parsed.metadata as { input?: PortableMeta };
  return { ...parsed, metadata, portable: input ?? null };
}
