// The Node CLI's second thread for the host kernel (protocol in src/engine/host/threads.ts): a worker_threads
// helper, running the same SIMD module on the same shared memory, computes the lower rows of large products.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CTL, CTL_WORDS, DONE, IDLE, POSTED, activateThreads, installThreads, sharedModule, uninstallThreads } from '../src/engine/host/threads';

// plain JS for the helper (eval'd): spin briefly between jobs (they come every few microseconds while a stage
// trains), sleep on Atomics.wait once idle
const HELPER = `
const { workerData, parentPort } = require('node:worker_threads');
const { module, memory, control, panel } = workerData;
const gemm = new WebAssembly.Instance(module, { env: { memory } }).exports.gemm;
parentPort.postMessage('ready');
(function serve() {
  for (;;) {
    let spins = 0;
    while (Atomics.load(control, ${CTL.state}) !== ${POSTED}) {
      if (Atomics.load(control, ${CTL.stop}) === 1) return;
      if (++spins > 200000) {
        Atomics.store(control, ${CTL.helperAsleep}, 1);
        Atomics.wait(control, ${CTL.state}, ${IDLE}, 50);
        Atomics.store(control, ${CTL.helperAsleep}, 0);
        spins = 0;
      }
    }
    const a = ${CTL.args};
    gemm(control[a], control[a + 1], control[a + 2], control[a + 3], control[a + 4], control[a + 5], control[a + 6], control[a + 7], control[a + 8], panel);
    Atomics.store(control, ${CTL.state}, ${DONE});
    if (Atomics.load(control, ${CTL.mainAsleep}) === 1) Atomics.notify(control, ${CTL.state});
  }
})();
`;

let worker: Worker | null = null;

/**
 * Starts the helper (once) and waits until it runs (a Worker needs this thread's event loop to start, so no
 * product may wait on it before); false where this Node lacks the shared relaxed-SIMD build or a second core.
 */
export async function startGemmThread(): Promise<boolean> {
  if (worker) return true;
  const module = sharedModule();
  if (!module || availableParallelism() < 2) return false;
  const memory = new WebAssembly.Memory({ initial: 64, maximum: 16384, shared: true });
  const control = new Int32Array(new SharedArrayBuffer(CTL_WORDS * 4));
  const setup = installThreads(module, memory, control);
  worker = new Worker(HELPER, { eval: true, workerData: { module, memory, control, panel: setup.helperPanel } });
  worker.unref(); // the CLI exits when its work is done, helper or not
  const ready = await new Promise<boolean>((resolve) => {
    worker!.once('message', () => resolve(true));
    worker!.once('error', (e) => {
      console.error(`host kernel helper thread failed (${e.message}); continuing on one thread`);
      resolve(false);
    });
  });
  if (!ready) {
    uninstallThreads();
    worker = null;
    return false;
  }
  activateThreads();
  return true;
}

export async function stopGemmThread(): Promise<void> {
  uninstallThreads();
  await worker?.terminate();
  worker = null;
}
