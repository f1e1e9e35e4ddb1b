// What a session record may hold, as a valibot schema (types, enums, ranges, lengths, finite numbers, size caps), and the
// checks that need the dataset's size (every index a row). A file that fails is refused whole, with the place named.
import * as v from 'valibot';
import { LOSSES, QUERIES } from '../core/types';
import type { SessionRecord } from './persist-types';
import type { SavedRound } from './replay';
import { SETTING_KEYS, SETTINGS_TABLE, type LabSettings, type SettingKey } from './urlState';

export const LIMITS = { rows: 2_000_000, cols: 100_000, values: 50_000_000, rounds: 1000, logRecords: 1_000_000, queue: 100_000, tensors: 256, weights: 20_000_000, text: 200 };

const where = (i: { input: unknown }) => {
  const s = typeof i.input === 'string' ? `'${i.input}'` : Array.isArray(i.input) ? 'a list' : i.input === null ? 'null' : ArrayBuffer.isView(i.input) ? i.input.constructor.name : typeof i.input === 'object' ? 'an object' : String(i.input);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
};
const int = (min: number, max: number, what = 'a whole number') => v.pipe(
  v.number((i) => `${where(i)} is not a number`), v.finite((i) => `${where(i)} is not a finite number`), v.integer((i) => `${where(i)} is not ${what}`),
  v.minValue(min, (i) => `${where(i)} is below ${min}`), v.maxValue(max, (i) => `${where(i)} is above ${max}`));
const finite = v.pipe(v.number((i) => `${where(i)} is not a number`), v.finite((i) => `${where(i)} is not a finite number`));
/** losses and some metrics are NaN where they do not apply; any number, not a string */
const anyNumber = v.custom<number>((x) => typeof x === 'number', (i) => `${where(i)} is not a number`);
const text = (max = LIMITS.text) => v.pipe(v.string((i) => `${where(i)} is not text`), v.maxLength(max, (i) => `text of ${String((i.input as string).length)} characters is longer than ${max}`));
const row = int(0, LIMITS.rows, 'a row');
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item, (i) => `${where(i)} is not a list`), v.maxLength(max, (i) => `a list of ${(i.input as unknown[]).length} items is longer than ${max}`));
const typed = <C extends v.Class>(Ctor: C, name: string, max: number, allFinite: boolean) => v.pipe(
  v.instance(Ctor, (i) => `${where(i)} is not a ${name}`),
  v.check((a) => (a as unknown as ArrayLike<number>).length <= max, `more than ${max} values`),
  v.check((a) => !allFinite || Array.prototype.every.call(a, Number.isFinite), 'holds NaN or infinite values'),
);
/** an object's own issues: a required field missing, a field it does not have, or not an object at all */
const fields = (i: v.BaseIssue<unknown>) => (i.expected === 'never' ? `'${String(i.input)}' is not a field here` : i.input === undefined ? 'is missing' : `${where(i)} is not an object`);
const picklist = <T extends readonly string[]>(options: T, what: string) => v.picklist(options, (i) => `${where(i)} is not ${what} (${options.join(', ')})`);

const decision = picklist(['normal', 'anomaly', 'skip'] as const, 'a decision');
const event = v.variant('kind', [
  v.strictObject({ kind: v.literal('decide'), index: row, label: decision, round: int(0, LIMITS.rounds), source: picklist(['key', 'plot', 'simulated'] as const, 'a source') }, fields),
  v.strictObject({ kind: v.literal('edit'), target: text(), label: decision }, fields),
  v.strictObject({ kind: v.literal('remove'), target: text() }, fields),
  v.strictObject({ kind: v.literal('queue'), round: int(0, LIMITS.rounds), queue: list(row, LIMITS.queue) }, fields),
], (i) => `${where(i)} is not a decide, edit, remove or queue event`);
const logRecord = v.strictObject({ id: text(), seq: int(0, Number.MAX_SAFE_INTEGER), time: finite, at: int(0, LIMITS.rounds), event }, fields);

const settings = v.pipe(
  v.looseObject({}, (i) => `${where(i)} is not a settings object`),
  v.rawCheck(({ dataset, addIssue }) => {
    for (const k of SETTING_KEYS) {
      const val = (dataset.value as Record<string, unknown>)[k];
      if (val === undefined) continue; // settings added later take their defaults
      const spec = SETTINGS_TABLE[k as SettingKey];
      const ok = val === spec.default || ((typeof val === 'string' || typeof val === 'number' || typeof val === 'boolean') && spec.parse(spec.serialise(val as never)).ok);
      if (!ok) addIssue({ message: `settings.${k}: ${where({ input: val })} is not a valid ${spec.label}` });
    }
  }),
);

// loose: the import's preprocessing plan and recipe ride on the data (io/preprocess)
const rawData = v.looseObject({
  name: text(), n: int(1, LIMITS.rows), d: int(1, LIMITS.cols),
  values: typed(Float64Array, 'Float64Array', LIMITS.values, true),
  labels: v.nullable(v.pipe(typed(Uint8Array, 'Uint8Array', LIMITS.rows, true), v.check((a: Uint8Array<ArrayBuffer>) => a.every((x) => x <= 1), 'holds labels other than 0 and 1'))),
  featureNames: list(text(1000), LIMITS.cols),
  kind: v.optional(v.looseObject({ type: picklist(['tabular', 'image'] as const, 'a data kind') })),
  prep: v.optional(v.looseObject({}, (i) => `${where(i)} is not a preprocessing record`)),
});
const dataset = v.variant('source', [
  v.strictObject({ source: v.literal('bundled'), name: text(64) }),
  v.strictObject({ source: v.literal('imported'), data: rawData, fileName: v.optional(text()) }),
], (i) => `${where(i)} is neither a bundled dataset nor imported data`);

const f32 = (allFinite: boolean) => typed(Float32Array, 'Float32Array', LIMITS.values, allFinite);
const round = v.looseObject({
  stage: int(0, LIMITS.rounds), scores: f32(true), embedding: f32(true), repDim: int(1, 4096), center: f32(true), radius: finite,
  qp: v.nullable(finite), absBoundary: v.nullable(finite), queued: list(row, LIMITS.queue), pseudo: list(row, LIMITS.rows),
  labelled: list(v.tuple([row, v.picklist([0, 1] as const, (i) => `${where(i)} is not a label (0 or 1)`)]), LIMITS.rows),
  auroc: v.nullable(anyNumber), ap: v.nullable(anyNumber), aurocUnlabelled: v.nullable(anyNumber),
  aeLoss: list(anyNumber, 100_000), occLoss: list(anyNumber, 100_000), seconds: anyNumber,
  order: v.optional(typed(Int32Array, 'Int32Array', LIMITS.rows, true)),
  rank: v.optional(typed(Int32Array, 'Int32Array', LIMITS.rows, true)),
  collapse: v.optional(v.strictObject({ distinct: int(0, LIMITS.rows), std: finite, range: finite, nearC: v.pipe(finite, v.minValue(0), v.maxValue(1)), collapsed: v.boolean() }, fields)),
  grid: v.optional(v.nullable(v.looseObject({ x: f32(true), y: f32(true), z: f32(false) }))),
});
const tensor = v.pipe(
  v.strictObject({ name: text(), shape: list(int(1, LIMITS.weights), 8), values: typed(Float32Array, 'Float32Array', LIMITS.weights, true) }, fields),
  v.check((t) => t.shape.reduce((a, b) => a * b, 1) === t.values.length, 'its shape does not match its number of values'),
);
const model = v.nullable(v.strictObject({ stage: int(0, LIMITS.rounds), tensors: list(tensor, LIMITS.tensors), c: f32(true), R: finite }, fields));
const config = v.nullable(v.looseObject({
  loss: picklist(LOSSES, 'a loss'), query: picklist(QUERIES, 'a query strategy'), seed: int(0, 2 ** 32), rounds: int(0, LIMITS.rounds),
  sizes: v.looseObject({ hDims: list(int(1, 100_000), 16), repDim: int(1, 4096), batchSize: int(1, 1_000_000), k: int(0, LIMITS.queue) }),
}));

export const SessionRecordSchema = v.looseObject({
  schemaVersion: v.literal(3), id: v.pipe(text(), v.nonEmpty('is empty')), name: v.pipe(text(), v.check((s) => s.trim() !== '', 'is empty')),
  createdAt: finite, updatedAt: finite, dataset, settings, config, log: list(logRecord, LIMITS.logRecords), runId: text(),
  rounds: list(round, LIMITS.rounds), model,
}, fields);

const pathOf = (issue: v.BaseIssue<unknown>): string =>
  (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('').replace(/^\./, '');

/** The first problems of a record, each as "where: what" (at most `max`). */
export function schemaProblems(record: unknown, max = 3): string[] {
  const r = v.safeParse(SessionRecordSchema, record);
  if (r.success) return [];
  return r.issues.slice(0, max).map((i) => {
    const p = pathOf(i);
    return i.message.startsWith('settings.') ? i.message : `${p || 'the record'}: ${i.message}`;
  });
}

const LogSchema = list(logRecord, LIMITS.logRecords);

/**
 * A stored session before it is opened: its log against the schema and every index against the rows (a copy of an
 * older page, or a damaged record). Cheap: the arrays of values, checked when they came in, are not walked again.
 */
export function storedProblems(r: SessionRecord, rows: number): string[] {
  const log = v.safeParse(LogSchema, r.log);
  if (!log.success) return log.issues.slice(0, 3).map((i) => `log${pathOf(i) ? (pathOf(i).startsWith('[') ? '' : '.') + pathOf(i) : ''}: ${i.message}`);
  try {
    return indexProblems(r, rows);
  } catch {
    return ['the round results are damaged'];
  }
}

/** Checks that need the data's size: every index a row of the pool, every round one score per row. */
export function indexProblems(r: SessionRecord, rows: number): string[] {
  const out: string[] = [];
  const pool = r.rounds[0]?.scores.length ?? rows;
  const bad = (path: string, i: number) => out.push(`${path}: ${i} is not a row (0..${pool - 1})`);
  if (pool > rows) out.push(`rounds[0].scores: ${pool} scores for a dataset of ${rows} rows`);
  r.rounds.forEach((s, k) => {
    if (s.scores.length !== pool) out.push(`rounds[${k}].scores: ${s.scores.length} scores, not ${pool}`);
    if (s.embedding.length !== pool * s.repDim) out.push(`rounds[${k}].embedding: ${s.embedding.length} values, not ${pool} x ${s.repDim}`);
    if (s.center.length !== s.repDim) out.push(`rounds[${k}].center: ${s.center.length} values, not ${s.repDim}`);
    const order = (s as SavedRound).order;
    if (order && order.length !== pool) out.push(`rounds[${k}].order: ${order.length} rows, not ${pool}`);
    const rank = (s as SavedRound).rank;
    if (rank && (rank.length !== pool || rank.some((x) => x < 1 || x > pool))) out.push(`rounds[${k}].rank: not one rank in 1..${pool} per row`);
    s.queued.forEach((i, j) => i >= pool && bad(`rounds[${k}].queued[${j}]`, i));
    s.labelled.forEach(([i], j) => i >= pool && bad(`rounds[${k}].labelled[${j}]`, i));
  });
  // a record is made in the open round: the last stored one, or the next when its results were not saved yet
  const lastStage = r.rounds[r.rounds.length - 1]?.stage ?? 0;
  const past = (path: string, t: number) => t > lastStage + 1 && out.push(`${path}: ${t} is past the last round (${lastStage})`);
  r.log.forEach((x, k) => {
    const e = x.event;
    past(`log[${k}].at`, x.at);
    if (e.kind === 'decide' || e.kind === 'queue') past(`log[${k}].event.round`, e.round);
    if (e.kind === 'decide' && e.index >= pool) bad(`log[${k}].event.index`, e.index);
    if (e.kind === 'queue') e.queue.forEach((i, j) => i >= pool && bad(`log[${k}].event.queue[${j}]`, i));
  });
  if (r.dataset.source === 'imported') {
    const d = r.dataset.data;
    if (d.values.length !== d.n * d.d) out.push(`dataset.data.values: ${d.values.length} values, not n x d = ${d.n} x ${d.d}`);
    if (d.labels && d.labels.length !== d.n) out.push(`dataset.data.labels: ${d.labels.length} labels for ${d.n} rows`);
    if (d.featureNames.length !== d.d) out.push(`dataset.data.featureNames: ${d.featureNames.length} names for ${d.d} columns`);
  }
  const last = r.rounds[r.rounds.length - 1];
  r.rounds.forEach((s, k) => k > 0 && s.stage <= r.rounds[k - 1]!.stage && out.push(`rounds[${k}].stage: ${s.stage} does not follow ${r.rounds[k - 1]!.stage}`));
  if (r.model && last && r.model.stage > last.stage + 1) out.push(`model.stage: ${r.model.stage} is past the last round (${last.stage})`);
  return out.slice(0, 3);
}

export type { LabSettings };
