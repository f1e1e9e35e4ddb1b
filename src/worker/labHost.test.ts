// The lab worker's logic in Node with the real engine: every command, in order, as the page sees it.
import { describe, expect, it } from 'vitest';
import { makeSynthetic } from '../engine/synthetic';
import type { ConfigRequest } from '../protocol';
import { Session, makeConfig } from '../engine/session';
import { cpuBackends, harness } from './testing';
import { scoreRanks } from '../engine/ranks';
import { collapseStats } from '../engine/collapse';
import { fitLatent, latentCoords } from '../engine/latentPlane';

const ring = makeSynthetic('ring', 1, 200);
const TINY: ConfigRequest = { preset: 'interactive', overrides: { aeEpochs: 2, occEpochs: 2, seed: 3 }, k: 4 };

async function ready(opts: Parameters<typeof harness>[0] = {}, onPost?: Parameters<typeof harness>[1]) {
  const h = harness(opts, onPost);
  await h.run({ type: 'init', backend: 'auto' });
  await h.run({ type: 'setData', data: ring });
  await h.run({ type: 'configure', config: TINY });
  return h;
}

describe('LabHost', () => {
  it('init reports the backend, setData and configure reset the session', async () => {
    const h = harness();
    await h.run({ type: 'init', backend: 'auto' });
    expect(h.of('ready')[0]!.backend.active).toBe('cpu');
    expect(h.of('ready')[0]!.backend.trainer).toBe('host kernel, WebAssembly SIMD with fused multiply-add');
    expect(h.state()).toMatchObject({ busy: false, activity: 'idle', n: 0, config: null });
    await h.run({ type: 'setData', data: ring });
    expect(h.state()).toMatchObject({ n: 200, stage: 0, nextPhase: 'pretrain' });
    expect(h.of('inputProjection')).toHaveLength(0); // 2-D data is drawn as it is
    await h.run({ type: 'configure', config: TINY });
    expect(h.state().config).toMatchObject({ aeEpochs: 2, occEpochs: 2, seed: 3, mode: 'improved' });
    expect(h.state().config!.sizes.k).toBe(4);
  });

  it('trainRound trains, scores and queries one stage; the next answers the queue with the simulated oracle', async () => {
    const h = await ready();
    await h.run({ type: 'trainRound', oracle: 'simulated' });
    expect(h.of('phase').map((p) => p.phase)).toEqual(['pretrain', 'center', 'train', 'score', 'query']);
    const snaps = h.of('snapshot');
    expect(snaps.map((s) => s.snapshot.stage)).toEqual([0, 0]); // after score, then with the queue
    expect(snaps[1]!.snapshot.queued).toHaveLength(4);
    expect(snaps[1]!.grid!.z).toHaveLength(64 * 64);
    expect(Array.from(snaps[1]!.order)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(h.state()).toMatchObject({ busy: false, stage: 0, nextPhase: 'label', state: 'awaiting_labels', labelled: 0 });
    expect(h.state().queue).toEqual(snaps[1]!.snapshot.queued);
    // the same stage by the engine directly: the worker adds nothing to the maths
    const direct = new Session(ring, makeConfig(ring, 'interactive', { aeEpochs: 2, occEpochs: 2, seed: 3, sizes: { ...makeConfig(ring, 'interactive').sizes, k: 4 } }));
    const want = await direct.trainStage();
    direct.dispose();
    expect(Array.from(snaps[0]!.snapshot.scores)).toEqual(Array.from(want.scores));
    // the ranks come along (the page does not sort every score): the same as ranking the scores here, for both sends
    for (const m of snaps) expect(Array.from(m.rank!)).toEqual(Array.from(scoreRanks(m.snapshot.scores)));
    expect(Array.from(snaps[0]!.rank!).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // and the collapse guard's figures (the page does not scan every score either)
    for (const m of snaps) expect(m.collapse).toEqual(collapseStats(m.snapshot.scores, m.snapshot.center));
    // and the latent view's plane, as the page would project it (ring is 2-D data, repDim 2: the true plane)
    const plane = fitLatent(latentCoords(snaps[0]!.snapshot), snaps[0]!.snapshot);
    expect(Array.from(snaps[0]!.latent!.fitted.x)).toEqual(Array.from(plane.x));
    expect([snaps[0]!.latent!.fitted.limit, snaps[0]!.latent!.fitted.far, snaps[0]!.latent!.axes]).toEqual([plane.limit, plane.far, null]);
    await h.run({ type: 'trainRound', oracle: 'simulated' });
    expect(h.state()).toMatchObject({ stage: 1, labelled: 4, nextPhase: 'label' });
    expect(h.of('progress').at(-1)!.progress).toMatchObject({ stage: 1 });
    expect(h.of('progress').flatMap((p) => p.losses).filter((l) => l.stage === 0 && l.phase === 'train').map((l) => l.epoch)).toEqual([1, 2]);
  });

  it("a person's answers come with the command; step walks one phase at a time", async () => {
    const h = await ready();
    for (const want of ['pretrain', 'center', 'train', 'score', 'query']) {
      await h.run({ type: 'step', oracle: 'human' });
      expect(h.of('phase').at(-1)!.phase).toBe(want);
    }
    const [a, b] = h.state().queue;
    await h.run({ type: 'step', oracle: 'human', answers: [[a!, 1], [b!, 0]] });
    expect(h.of('phase').at(-1)!.phase).toBe('label');
    expect(h.state()).toMatchObject({ stage: 1, labelled: 2, nextPhase: 'pretrain' });
    expect(h.of('snapshot').at(-1)!.snapshot.stage).toBe(0);
    await h.run({ type: 'relabel', index: a!, label: null });
    expect(h.state().labelled).toBe(1);
    await h.run({ type: 'relabel', index: 7, label: 0 });
    expect(h.state().labelled).toBe(2);
  });

  it('runRounds, getWeights, reset', async () => {
    const h = await ready();
    await h.run({ type: 'getWeights', id: 1 });
    expect(h.of('weights')[0]).toEqual({ type: 'weights', id: 1, weights: null });
    await h.run({ type: 'runRounds', rounds: 2 });
    expect(h.state()).toMatchObject({ stage: 1, labelled: 4, busy: false, activity: 'idle' });
    await h.run({ type: 'getWeights', id: 2 });
    const w = h.of('weights')[1]!.weights!;
    expect(w.stage).toBe(1);
    expect(w.center).toHaveLength(h.state().config!.sizes.repDim);
    expect(w.slots.at(-1)!.name).toMatch(/^bn\d\.running_var$/);
    await h.run({ type: 'reset' });
    expect(h.state()).toMatchObject({ stage: 0, labelled: 0, queue: [], nextPhase: 'pretrain' });
  });

  it('restore rebuilds the same model from the label history (Session.restore), reopening the last queue', async () => {
    const a = await ready();
    await a.run({ type: 'runRounds', rounds: 2 });
    const last = a.of('snapshot').at(-1)!.snapshot;
    const events = a.of('snapshot').at(-1)!.snapshot.labelled.map(([index, label]) => ({ stage: 0, index, label }));
    const b = await ready();
    await b.run({ type: 'restore', events, stage: 1, reopen: true });
    // the reopened round's results come again, the same numbers (a reload may have lost them), with the state
    expect(b.of('snapshot')).toHaveLength(1);
    const again = b.of('snapshot')[0]!.snapshot;
    expect([again.stage, again.queued, Array.from(again.scores)]).toEqual([last.stage, last.queued, Array.from(last.scores)]);
    expect(b.state()).toMatchObject({ stage: 1, nextPhase: 'label', labelled: 4, queue: last.queued, busy: false });
    await a.run({ type: 'getWeights', id: 1 });
    await b.run({ type: 'getWeights', id: 1 });
    expect(Array.from(b.of('weights')[0]!.weights!.theta)).toEqual(Array.from(a.of('weights')[0]!.weights!.theta));
    // a stage whose queue was all skipped has no events: restore trains and passes it
    const c = await ready();
    await c.run({ type: 'restore', events: [], stage: 1, reopen: false });
    expect(c.of('snapshot')).toHaveLength(0);
    expect(c.state()).toMatchObject({ stage: 1, labelled: 0, nextPhase: 'pretrain' });
  });

  it('setBackend replays the labels on the new backend', async () => {
    const h = await ready();
    await h.run({ type: 'runRounds', rounds: 2 });
    await h.run({ type: 'setBackend', backend: 'cpu' });
    expect(h.of('ready')).toHaveLength(2);
    // the history (4 labels after stage 0) is replayed: stage 0 trained again and answered
    expect(h.state()).toMatchObject({ stage: 1, labelled: 4, nextPhase: 'pretrain', busy: false });
  });

  it('pause holds a run, resume lets it finish; cancel stops it', async () => {
    let paused = false;
    const h = await ready({}, (ev, host) => {
      if (ev.type === 'progress' && !paused) {
        paused = true;
        host.receive({ type: 'pause' });
        queueMicrotask(() => host.receive({ type: 'resume' }));
      }
    });
    await h.run({ type: 'trainRound', oracle: 'simulated' });
    expect(h.of('state').some((s) => s.state.paused)).toBe(true);
    expect(h.state()).toMatchObject({ paused: false, busy: false, nextPhase: 'label' });
    let cancelled = false;
    const c = await ready({}, (ev, host) => {
      if (ev.type === 'phase' && ev.phase === 'train' && !cancelled) (cancelled = true, host.receive({ type: 'cancel' }));
    });
    await c.run({ type: 'runRounds', rounds: 3 });
    expect(c.state()).toMatchObject({ activity: 'cancelled', busy: false, state: 'cancelled', stage: 0 });
  });

  it('compare runs its own sessions; compareCancel before the start answers cancelled', async () => {
    const h = await ready();
    const run = { key: 'abs', config: { preset: 'interactive' as const, overrides: { aeEpochs: 2, occEpochs: 2, rounds: 1 }, k: 4 } };
    await h.run({ type: 'compare', id: 5, runs: [run], seeds: [1, 2] });
    expect(h.of('compareResult').map((r) => [r.id, r.run, r.of, r.result.seed, r.result.stages.length])).toEqual([[5, 0, 2, 1, 2], [5, 1, 2, 2, 2]]);
    expect(h.of('compareDone')[0]).toEqual({ type: 'compareDone', id: 5, cancelled: false, error: null, backend: 'cpu' });
    expect(h.state().stage).toBe(0); // the user's session is untouched
    h.host.receive({ type: 'compareCancel', id: 6 });
    await h.run({ type: 'compare', id: 6, runs: [run], seeds: [1, 2] });
    expect(h.of('compareDone')[1]).toEqual({ type: 'compareDone', id: 6, cancelled: true, error: null, backend: 'cpu' });
  });

  it('answers ping at once, unknown commands and non-commands with an error event, and reports failures', async () => {
    const h = harness();
    h.host.receive({ type: 'ping', id: 9 });
    expect(h.out).toEqual([{ type: 'pong', id: 9 }]);
    await h.run({ type: 'teleport' } as never);
    expect(h.of('error')[0]!.message).toBe("Unknown command 'teleport': the page and the worker are out of step (reload the page).");
    expect(h.of('error')[0]!.fatal).toBe(false);
    h.host.receive(null as never);
    expect(h.of('error')[1]!.message).toBe('The worker got a message that is not a command (null).');
    await h.run({ type: 'trainRound', oracle: 'simulated' });
    expect(h.of('error')[2]!.message).toBe('No dataset is loaded yet.');
    await h.run({ type: 'setData', data: { ...ring, labels: null } });
    await h.run({ type: 'configure', config: TINY });
    await h.run({ type: 'trainRound', oracle: 'simulated' });
    await h.run({ type: 'trainRound', oracle: 'simulated' });
    expect(h.of('error')[3]!.message).toMatch(/^This dataset has no labels, so the simulated oracle cannot answer/);
    expect(h.state().busy).toBe(false);
    const bad = harness({ backends: { ...cpuBackends(), select: async () => { throw new Error('no backend'); } } });
    await bad.run({ type: 'init', backend: 'auto' });
    expect(bad.of('error')[0]).toEqual({ type: 'error', message: 'no backend', fatal: true });
  });

  it('setData of wide data sends its 2-D projection', async () => {
    const h = harness();
    const wide = { name: 'wide', n: 3, d: 3, values: Float64Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2]), labels: null, featureNames: ['a', 'b', 'c'] };
    await h.run({ type: 'setData', data: wide });
    const p = h.of('inputProjection')[0]!;
    expect(p.xy).toHaveLength(6);
    expect(p.explained[0]).toBeCloseTo(1, 6);
  });
});

describe('LabHost test commands', () => {
  it('are refused without ?test, and nothing is sabotaged', async () => {
    let crashes = 0;
    const h = await ready({ crash: () => crashes++, stop: () => crashes++ });
    for (const cmd of [{ type: 'debugCrash' }, { type: 'debugStop' }, { type: 'debugFailNext' }] as const) h.host.receive(cmd);
    expect(h.of('error').map((e) => e.message)).toEqual(['debugCrash', 'debugStop', 'debugFailNext'].map((t) => `The test command '${t}' is only obeyed on a page opened with ?test.`));
    await h.run({ type: 'trainRound', oracle: 'simulated' });
    expect(crashes).toBe(0);
    expect(h.state().nextPhase).toBe('label');
  });

  it('debugFailNext on a GPU backend falls back to the next one and finishes the round', async () => {
    const backends = cpuBackends('webgl');
    const h = await ready({ backends, testHooks: true });
    await h.run({ type: 'trainRound', oracle: 'simulated' });
    h.host.receive({ type: 'debugFailNext' });
    await h.run({ type: 'trainRound', oracle: 'simulated' });
    expect(backends.started).toEqual(['cpu']);
    const r = h.of('ready').at(-1)!.backend;
    expect(r).toMatchObject({ active: 'cpu', how: 'fallback' });
    expect(r.reason).toBe('WebGL failed (Simulated GPU device loss (test hook).); continuing on CPU from the last completed stage.');
    expect(h.state()).toMatchObject({ stage: 1, labelled: 4, nextPhase: 'label', busy: false });
    expect(h.of('error')).toHaveLength(0);
  });

  it('debugFailNext on the CPU (nothing to fall back to) is reported', async () => {
    const h = await ready({ testHooks: true });
    h.host.receive({ type: 'debugFailNext' });
    await h.run({ type: 'trainRound', oracle: 'simulated' });
    expect(h.of('error')[0]).toEqual({ type: 'error', message: 'Simulated GPU device loss (test hook).', fatal: false });
  });

  it('debugCrash and debugStop call the entry\'s crash and stop; armed, the crash comes at the first epoch', async () => {
    const calls: string[] = [];
    const h = await ready({ testHooks: true, crash: () => calls.push('crash'), stop: () => calls.push('stop') });
    h.host.receive({ type: 'debugStop' });
    h.host.receive({ type: 'debugCrash' });
    expect(calls).toEqual(['stop', 'crash']);
    const armed = await ready({ testHooks: true, crash: () => calls.push('armed') });
    armed.host.receive({ type: 'debugCrash', atNextEpoch: true });
    // the run halts at the crash (a real worker dies there), so it is not awaited
    armed.host.receive({ type: 'trainRound', oracle: 'simulated' });
    await expect.poll(() => calls.length).toBe(3);
    expect(calls[2]).toBe('armed');
    // it struck at the end of the first epoch, before that epoch's progress went out
    expect(armed.of('progress').at(-1)!.progress).toMatchObject({ phase: 'pretrain', epoch: 0 });
    expect(armed.of('snapshot')).toHaveLength(0);
  });
});
