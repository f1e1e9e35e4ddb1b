import { tf } from './tf';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Switch to a registered backend; the host (worker, CLI) imports the backend packages it offers. */
export async function useBackend(name: BackendName): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`The ${name} backend could not start on this machine.`);
  await tf.ready();
}
