// Rows gathered for a mini-batch: the rows the order names, in its order, from where it says.
import { describe, expect, it } from 'vitest';
import { gatherRows } from './bridge';

describe('gatherRows', () => {
  it('copies rows order[from .. from + count) of a row-major matrix', () => {
    const data = Float32Array.from([0, 1, 10, 11, 20, 21, 30, 31]);
    const out = new Float32Array(6).fill(-1);
    gatherRows(data, 2, [3, 2, 0, 1], 1, 2, out);
    expect(Array.from(out)).toEqual([20, 21, 0, 1, -1, -1]);
  });
});
