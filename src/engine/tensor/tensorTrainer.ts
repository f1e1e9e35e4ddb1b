// The tensor trainer: tfjs ops with a hand-written backward pass, for the GPU backends.
import type { Trainer } from '../trainer';
import { pretrainAe } from './pretrain';
import { trainOcc } from './train';
import { initCenter } from './center';
import { scorePool } from './score';
import { timeSteps } from './probe';

export const tensorTrainer: Trainer = {
  name: 'tensor',
  describe: () => 'tfjs tensor ops (hand-written backward)',
  pretrain: pretrainAe,
  center: initCenter,
  train: trainOcc,
  score: scorePool,
  probe: (shape) => timeSteps(shape),
};
