import { describe, expect, it } from 'vitest';
import { datasetKey } from './import';

describe('datasetKey', () => {
  it('makes a file name URL-safe and never shadows a generated or bundled set', () => {
    expect(datasetKey('cardio.mat', [])).toBe('cardio.mat');
    expect(datasetKey('my data (1).csv', [])).toBe('my_data_1_.csv');
    expect(datasetKey('ring', [])).toBe('ring-file');
    expect(datasetKey('glass', ['glass'])).toBe('glass-file');
    expect(datasetKey('__.csv', [])).toBe('csv');
    expect(datasetKey('<img src=x>.csv', [])).toBe('img_src_x_.csv');
  });
});
