// The session slice's files: the session file (export, raw export, import) and the labels, scores, metrics and model exports.
import { labelsCsvOf, metricsCsvOf, modelZipOf, scoresCsvOf, sessionExtrasOf } from '../exports';
import { modelWeightsOf } from '../model';
import { decodeSessionFile, encodeRawFile, encodeSessionFile, sessionFileName } from '../sessionFile';
import { indexProblems } from '../sessionSchema';
import type { Ctx } from './ctx';
import type { SessionOps } from './sessionOps';

export function sessionFileActions(ctx: Ctx, ops: SessionOps) {
  const { deps } = ctx;
  const { S, L, labels, storage, memory, weights, serial, track, openRecord, saveModel, recordOfPage } = ops;
  return {
    exportSession: () => serial(async () => {
      if (memory()) return { fileName: sessionFileName(S().name), bytes: encodeSessionFile(recordOfPage(), { extra: sessionExtrasOf(L()) }) };
      await saveModel().catch(() => undefined);
      const id = S().id;
      if (!id) throw new Error('No session is open yet.');
      const rec = await storage.load(id);
      return { fileName: sessionFileName(rec.name), bytes: encodeSessionFile(rec, { extra: sessionExtrasOf(L()) }) };
    }),
    exportRaw: (id: string) => serial(async () => {
      const raw = await storage.raw(id);
      const name = (raw.meta as { name?: unknown } | undefined)?.name;
      return { fileName: sessionFileName(`${typeof name === 'string' ? name : id} raw`), bytes: encodeRawFile(raw) };
    }),
    importSession: (bytes: Uint8Array) => serial(async () => {
      const rec = decodeSessionFile(bytes);
      // every index must be a row of the session's data: its own, or the bundled set's size
      const ds = rec.dataset;
      const rows = ds.source === 'imported' ? ds.data.n : await deps.bundledRows?.(ds.name);
      if (rows === null && ds.source === 'bundled') throw new Error(`The session file was not imported: dataset.name: '${ds.name.slice(0, 80)}' is not one of this lab's datasets`);
      const bad = indexProblems(rec, rows ?? Number.MAX_SAFE_INTEGER);
      if (bad.length) throw new Error(`The session file was not imported: ${bad.join('; ')}`);
      if (memory()) return openRecord(rec, 'Imported');
      const before = S().id;
      const stored = await track(storage.importRecord(rec));
      try {
        await openRecord(stored, 'Imported');
      } catch (e) {
        await storage.remove(stored.id).catch(() => undefined);
        if (before) await openRecord(await storage.load(before), 'Reopened').catch(() => undefined);
        throw e;
      }
    }),
    labelsCsv: () => labelsCsvOf(L(), labels().history),
    scoresCsv: () => scoresCsvOf(L()),
    metricsCsv: () => metricsCsvOf(L()),
    modelZip: () => serial(async () => {
      const w = await weights.request();
      if (!w) throw new Error('There is no trained model yet: train at least one round.');
      return modelZipOf(modelWeightsOf(w), L(), S().name);
    }),
  };
}
