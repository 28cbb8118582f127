import { describe, expect, it } from 'vitest';
import { cellKey, MAX_BATCH_CELLS } from './grid.ts';

describe('cellKey', () => {
  it('joins the three ids with colons', () => {
    expect(cellKey(12, 5, 3)).toBe('12:5:3');
  });

  it('keeps cells apart that plain concatenation would merge', () => {
    expect(cellKey(1, 23, 4)).not.toBe(cellKey(12, 3, 4));
  });
});

describe('MAX_BATCH_CELLS', () => {
  it('is 50 000', () => {
    expect(MAX_BATCH_CELLS).toBe(50_000);
  });
});
