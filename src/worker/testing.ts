// Test helper: a LabHost on the CPU backend in Node, with every message it posts recorded in order.
import { useBackend } from '../engine/backend';
import { chooseTrainer } from '../engine/trainers';
import type { BackendName } from '../core/choices';
import type { BackendProbe, BackendReport, Command, WorkerMessage } from '../protocol';
import type { BackendOps } from './backendKeeper';
import { LabHost, type LabHostOptions } from './labHost';
import '@tensorflow/tfjs-backend-cpu';

const probe = (name: BackendName): BackendProbe => ({ name, available: true, software: false, detail: 'test', stepMs: 1, note: null });

/** Reports `active` (a GPU name, to exercise the fallback) while tfjs really runs on the CPU backend. */
export function cpuBackends(active: BackendName = 'cpu'): BackendOps & { started: BackendName[] } {
  const started: BackendName[] = [];
  return {
    started,
    async select(requested): Promise<BackendReport> {
      await useBackend('cpu');
      const probes = active === 'cpu' ? [probe('cpu')] : [probe(active), probe('cpu')];
      return { active, how: requested === 'auto' ? 'auto' : 'requested', probes, reason: `test: ${active}`, trainer: chooseTrainer().describe() };
    },
    async start(b) {
      started.push(b);
      if (b !== 'cpu') return false;
      await useBackend('cpu');
      return true;
    },
  };
}

export interface HostHarness {
  host: LabHost;
  out: WorkerMessage[];
  /** receive one command and wait until every queued command has run */
  run(cmd: Command): Promise<void>;
  of<T extends WorkerMessage['type']>(type: T): Array<Extract<WorkerMessage, { type: T }>>;
  /** the last state the host posted */
  state(): Extract<WorkerMessage, { type: 'state' }>['state'];
}

export function harness(opts: Partial<LabHostOptions> = {}, onPost?: (ev: WorkerMessage, host: LabHost) => void): HostHarness {
  const out: WorkerMessage[] = [];
  const host: LabHost = new LabHost((ev) => {
    out.push(ev);
    onPost?.(ev, host);
  }, { backends: cpuBackends(), ...opts });
  const of = <T extends WorkerMessage['type']>(type: T) => out.filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type);
  return {
    host, out, of,
    async run(cmd) {
      host.receive(cmd);
      await host.idle();
    },
    state: () => of('state').at(-1)!.state,
  };
}
