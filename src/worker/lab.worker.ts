/// <reference lib="webworker" />
// The lab worker's entry: a LabHost on the browser's backends, posting to the page; all logic is in labHost.ts.
import { LabHost } from './labHost';
import { selectBackend, startBackend } from './backends';
import type { Command } from '../protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

const host = new LabHost((ev, transfer = []) => ctx.postMessage(ev, transfer), {
  backends: { select: selectBackend, start: startBackend },
  // the page names its worker 'svdd-lab test' only when it was opened with ?test
  testHooks: ctx.name.endsWith(' test'),
  crash: () => setTimeout(() => {
    throw new Error('Simulated worker crash (test hook).');
  }, 0),
  stop: () => ctx.close(),
});

ctx.onmessage = (e: MessageEvent<Command>) => host.receive(e.data);
