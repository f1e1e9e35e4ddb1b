// Tests the compare slice: the 'compare' command start sends, streamed progress/results/done, cancel, refused starts, time left.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CompareRunResult } from '../../protocol';
import { batchTimeLeft, type CompareStart } from './compare';
import { testStore } from '../testing';

const req = (over: Partial<CompareStart> = {}): CompareStart => ({
  pick: { losses: ['nce', 'one_class'], queries: ['abs'], pseudo: true, preset: 'paper', pollution: null, k: null },
  seeds: [1, 2], dataset: 'ring', source: 'synthetic', dataSeed: 1, ...over,
});
const result = (key: string, seed: number, seconds: number): CompareRunResult =>
  ({ key, seed, stages: [], summary: {} as CompareRunResult['summary'], collapsed: false, seconds });

function started(over: Partial<CompareStart> = {}) {
  const t = testStore();
  const compare = () => t.store.getState().compare;
  compare().start(t.store.getState().lab.send, req(over));
  return { ...t, compare };
}

describe('compare slice', () => {
  it('start sends one compare command: losses outer, queries inner, the seeds; the state names the batch and its CLI line', () => {
    const { compare, sent } = started();
    const c = compare();
    expect(c.status).toBe('running');
    expect(c.id).toBeGreaterThan(0);
    expect(sent).toEqual([{
      type: 'compare', id: c.id, seeds: [1, 2],
      runs: [
        { key: 'nce/abs/ps1', config: { preset: 'paper', overrides: { loss: 'nce', query: 'abs', pseudo: true, pollution: null }, k: null } },
        { key: 'one_class/abs/ps1', config: { preset: 'paper', overrides: { loss: 'one_class', query: 'abs', pseudo: true, pollution: null }, k: null } },
      ],
    }]);
    expect(c.configs).toEqual([
      { key: 'nce/abs/ps1', label: 'one-class + NCE / adaptive boundary search / pseudo 1' },
      { key: 'one_class/abs/ps1', label: 'one-class Deep SVDD / adaptive boundary search / pseudo 1' },
    ]);
    expect([c.seeds, c.preset, c.dataset, c.results, c.progress, c.error, c.backend, c.finishedAt]).toEqual([[1, 2], 'paper', 'ring', [], null, null, null, null]);
    expect(c.startedAt).toBe(c.runStartedAt);
    expect(c.command).toEqual({
      lines: [
        'npm run experiment -- --dataset ring --loss nce --query abs --pseudo 1 --seeds 2 --mode reference',
        'npm run experiment -- --dataset ring --loss one_class --query abs --pseudo 1 --seeds 2 --mode reference',
      ],
      exact: false,
      notes: ['The CLI reads public/datasets/ring.csv, the seed-1 ring rounded to 6 decimals, so the numbers can differ in the last digits.'],
    });
  });

  it('progress, results and done update the batch; events of another batch or not of the comparison are left alone', () => {
    const { compare } = started();
    const id = compare().id;
    const progress = { run: 1, of: 4, key: 'nce/abs/ps1', seed: 2, stage: 3, phase: 'train' as const, epoch: 5, epochs: 50 };
    expect(compare().handleEvent({ type: 'compareProgress', id, ...progress })).toBe(true);
    expect(compare().progress).toEqual(progress);
    const before = compare().runStartedAt!;
    expect(compare().handleEvent({ type: 'compareResult', id, run: 0, of: 4, result: result('nce/abs/ps1', 1, 10) })).toBe(true);
    compare().handleEvent({ type: 'compareResult', id, run: 1, of: 4, result: result('nce/abs/ps1', 2, 14) });
    expect(compare().results.map((r) => [r.key, r.seed, r.seconds])).toEqual([['nce/abs/ps1', 1, 10], ['nce/abs/ps1', 2, 14]]);
    expect(compare().runStartedAt!).toBeGreaterThanOrEqual(before);
    // a stale batch's events belong to the comparison but change nothing
    expect(compare().handleEvent({ type: 'compareResult', id: id + 99, run: 2, of: 4, result: result('x', 3, 1) })).toBe(true);
    expect(compare().handleEvent({ type: 'compareDone', id: id + 99, cancelled: false, error: null, backend: 'cpu' })).toBe(true);
    expect(compare().handleEvent({ type: 'phase', phase: 'train', stage: 0 })).toBe(false);
    expect([compare().status, compare().results.length]).toEqual(['running', 2]);
    expect(compare().handleEvent({ type: 'compareDone', id, cancelled: false, error: null, backend: 'wasm' })).toBe(true);
    const c = compare();
    expect([c.status, c.error, c.backend, c.progress, c.results.length]).toEqual(['done', null, 'wasm', null, 2]);
    expect(c.finishedAt).toBeGreaterThanOrEqual(c.startedAt!);
  });

  it('cancel sends compareCancel for the running batch only; the worker\'s done event then says cancelled', () => {
    const { compare, sent, store } = started();
    const id = compare().id;
    sent.length = 0;
    compare().cancel(store.getState().lab.send);
    expect(sent).toEqual([{ type: 'compareCancel', id }]);
    expect(compare().status).toBe('running');
    compare().handleEvent({ type: 'compareProgress', id, run: 0, of: 4, key: 'nce/abs/ps1', seed: 1, stage: 0, phase: 'pretrain', epoch: 1, epochs: 100 });
    compare().handleEvent({ type: 'compareDone', id, cancelled: true, error: null, backend: 'cpu' });
    expect([compare().status, compare().progress]).toEqual(['cancelled', null]);
    compare().cancel(store.getState().lab.send);
    expect(sent).toHaveLength(1);
  });

  it('a worker error ends the batch as error; a new start is a new batch with a new id and fresh results', () => {
    const { compare, sent, store } = started();
    const first = compare().id;
    compare().handleEvent({ type: 'compareResult', id: first, run: 0, of: 4, result: result('nce/abs/ps1', 1, 3) });
    compare().handleEvent({ type: 'compareDone', id: first, cancelled: false, error: 'GPU lost', backend: 'webgpu' });
    expect([compare().status, compare().error, compare().backend]).toEqual(['error', 'GPU lost', 'webgpu']);
    compare().start(store.getState().lab.send, req({ pick: { losses: ['dsad'], queries: ['random', 'mlp'], pseudo: false, preset: 'interactive', pollution: 0.05, k: 8 }, seeds: [3, 5], source: 'file', dataset: 'cardio.mat' }));
    const c = compare();
    expect(c.id).toBe(first + 1);
    expect([c.status, c.error, c.results, c.backend]).toEqual(['running', null, [], null]);
    expect(sent[1]).toEqual({
      type: 'compare', id: first + 1, seeds: [3, 5],
      runs: [
        { key: 'dsad/random/ps0', config: { preset: 'interactive', overrides: { loss: 'dsad', query: 'random', pseudo: false, pollution: 0.05 }, k: 8 } },
        { key: 'dsad/mlp/ps0', config: { preset: 'interactive', overrides: { loss: 'dsad', query: 'mlp', pseudo: false, pollution: 0.05 }, k: 8 } },
      ],
    });
    expect(c.command!.lines[0]).toBe('npm run experiment -- --dataset path/to/cardio.mat --loss dsad --query random --pseudo 0 --seed-list 3,5 --mode improved --pollution 0.05 --preset interactive --k 8');
    expect(c.command!.exact).toBe(true);
  });

  it('a start while one runs is ignored; bad picks and seeds are refused with a sentence and send nothing', () => {
    const { compare, sent, store } = started();
    const id = compare().id;
    compare().start(store.getState().lab.send, req({ seeds: [9] }));
    expect([sent.length, compare().id, compare().seeds]).toEqual([1, id, [1, 2]]);
    const refused = (r: CompareStart) => {
      const t = testStore();
      t.store.getState().compare.start(t.store.getState().lab.send, r);
      return [t.store.getState().compare.status, t.store.getState().compare.error, t.sent.length];
    };
    expect(refused(req({ seeds: [] }))).toEqual(['error', 'Give at least one seed.', 0]);
    expect(refused(req({ seeds: [1, 1] }))).toEqual(['error', 'The seeds 1, 1 repeat a seed.', 0]);
    expect(refused(req({ seeds: [1.5] }))).toEqual(['error', 'Seed 1.5 is not a whole number from 0 to 4294967295.', 0]);
    expect(refused(req({ seeds: Array.from({ length: 101 }, (_, i) => i) }))).toEqual(['error', 'At most 100 seeds (got 101).', 0]);
    expect(refused(req({ pick: { ...req().pick, losses: [] } }))).toEqual(['error', 'Pick at least one loss to compare.', 0]);
    expect(refused(req({ pick: { ...req().pick, queries: [] } }))).toEqual(['error', 'Pick at least one query strategy to compare.', 0]);
  });

  it('time left: the mean of finished runs times the runs left, less the running one\'s time; null unless running', () => {
    const { compare } = started();
    const id = compare().id;
    expect(batchTimeLeft(compare())).toBe(null); // no run finished yet
    compare().handleEvent({ type: 'compareResult', id, run: 0, of: 4, result: result('nce/abs/ps1', 1, 10) });
    compare().handleEvent({ type: 'compareResult', id, run: 1, of: 4, result: result('nce/abs/ps1', 2, 20) });
    const at = compare().runStartedAt!;
    // 4 runs, 2 done at 15 s each: 30 s, 4 s into the third
    expect(batchTimeLeft(compare(), at + 4000)).toBeCloseTo(26, 9);
    expect(batchTimeLeft(compare(), at + 60000)).toBe(0);
    compare().handleEvent({ type: 'compareDone', id, cancelled: false, error: null, backend: 'cpu' });
    expect(batchTimeLeft(compare(), at)).toBe(null);
  });
});
