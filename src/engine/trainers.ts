// Which trainer runs: the host kernel where tensors live on the host anyway (tfjs wasm and cpu), tensor ops on GPUs.
import { tf } from './tf';
import type { Trainer } from './trainer';
import { hostTrainer } from './host/hostTrainer';
import { tensorTrainer } from './tensor/tensorTrainer';
import { bestVariant } from './host/arena';

export const TRAINER_CHOICES = ['auto', 'host', 'tensor'] as const;
export type TrainerChoice = (typeof TRAINER_CHOICES)[number];

/** 'auto' (the default) decides by the current backend; tests and the benchmark pin one to compare them. */
export function chooseTrainer(choice: TrainerChoice = 'auto'): Trainer {
  if (choice !== 'auto') return choice === 'host' ? hostTrainer : tensorTrainer;
  const b = tf.getBackend();
  // without WebAssembly SIMD the host kernel's plain-JS loops lose to tfjs's own kernels on wide layers
  return (b === 'wasm' || b === 'cpu') && bestVariant() !== 'js' ? hostTrainer : tensorTrainer;
}
