// Plotly draws one figure per macrotask, so several plots updating together never make one long task.
type Job = () => unknown;

const jobs = new Map<object, Job>();
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
  const first = jobs.entries().next();
  if (first.done) return;
  const [key, job] = first.value;
  jobs.delete(key);
  try {
    await job();
  } catch (e) {
    console.error('plot render failed', e);
  }
  if (jobs.size) schedule();
}

if (channel) channel.port1.onmessage = () => void pump();

/** Queue a render for this key; a newer job for the same key replaces one that has not run yet. */
export function enqueueRender(key: object, job: Job): void {
  jobs.delete(key);
  jobs.set(key, job);
  schedule();
}
