// Plotly draws one figure per macrotask, so several plots updating together never make one long task.
type Job = () => unknown;

const jobs = new Map<object, { job: Job; heavy: boolean }>();
let hold = false;
let scheduled = false;
const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (channel) channel.port2.postMessage(0);
  else setTimeout(pump, 0);
}

async function pump(): Promise<void> {
  scheduled = false;
  let pick: [object, Job] | null = null;
  for (const [key, j] of jobs) {
    if (!j.heavy || !hold) {
      pick = [key, j.job];
      break;
    }
  }
  if (!pick) return;
  const [key, job] = pick;
  jobs.delete(key);
  try {
    await job();
  } catch (e) {
    console.error('plot render failed', e);
  }
  if ([...jobs.values()].some((j) => !j.heavy || !hold)) schedule();
}

if (channel) channel.port1.onmessage = () => void pump();

/** Queue a render for this key; a newer job for the same key replaces one that has not run yet. */
export function enqueueRender(key: object, job: Job, heavy = false): void {
  jobs.delete(key);
  jobs.set(key, { job, heavy });
  schedule();
}

/**
 * While the worker trains, plots wait and draw once it is idle: one plotly redraw takes 20-150 ms on a slow
 * machine, so this keeps the main thread free of long tasks during training (the progress bar streams the loss).
 */
export function setRenderHold(on: boolean): void {
  if (hold === on) return;
  hold = on;
  if (!hold && jobs.size) schedule();
}
