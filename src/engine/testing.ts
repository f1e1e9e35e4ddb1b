// Test helper: run engine tests on tfjs's plain JS backend (deterministic, no wasm files needed).
import '@tensorflow/tfjs-backend-cpu';
import { useBackend } from './backend';

export const cpuBackend = (): Promise<void> => useBackend('cpu');
