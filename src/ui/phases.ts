// The stepper's stages and the sentence that explains each one.
import type { Phase } from '../core/types';

export const PHASE_TITLE: Record<Phase, string> = {
  pretrain: 'pretrain', center: 'centre', train: 'train', score: 'score', query: 'query', label: 'label',
};

export const PHASE_SENTENCE: Record<Phase, string> = {
  pretrain: 'An autoencoder learns to compress and rebuild every sample; its encoder becomes the starting network.',
  center: 'The centre c is set to the mean of all samples in the network\'s output space.',
  train: 'The network pulls normal and unlabelled samples toward c; labelled anomalies are kept out.',
  score: 'Every sample gets its anomaly score: the squared distance of its output to c.',
  query: 'The query strategy picks the samples the oracle is asked about next.',
  label: 'The oracle answers; the labels (and pseudo-abnormal samples) shape the next round.',
};
