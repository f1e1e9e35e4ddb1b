import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerEvent } from '../protocol';
import { ProgressRelay } from './progressRelay';

afterEach(() => vi.restoreAllMocks());

describe('progress relay', () => {
  it('sends at each new phase, the last epoch and every 100 ms, with the epoch losses since the last send', () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const sent: WorkerEvent[] = [];
    const r = new ProgressRelay((ev) => sent.push(ev));
    const e = (phase: 'pretrain' | 'train', epoch: number, loss: number | null) => ({ stage: 0, phase, epoch, epochs: 4, loss, elapsedMs: 0 });
    r.add(e('pretrain', 0, null)); // new phase: sent
    r.add(e('pretrain', 1, 0.5)); // 0 ms later: held
    now += 100;
    r.add(e('pretrain', 2, 0.25)); // 100 ms later: sent with both losses
    r.add(e('pretrain', 4, 0.1)); // last epoch: sent
    r.add(e('train', 1, 2)); // new phase: sent
    r.add(e('train', 2, 1)); // held until flushed
    r.flush();
    const losses = sent.map((s) => (s.type === 'progress' ? s.losses.map((l) => `${l.phase}${l.epoch}`).join(',') : ''));
    expect(losses).toEqual(['', 'pretrain1,pretrain2', 'pretrain4', 'train1', 'train2']);
  });
});
