import { describe, expect, it } from 'vitest';
import { NTM_LEVELS, summarizeProgress } from './criteria.ts';

const QD_318 = Array.from({ length: 19 }, (_, i) => i + 1);

describe('summarizeProgress', () => {
  it('counts met and unmet criteria of the set', () => {
    const met = new Set([1, 3, 4, 6, 8, 14, 15, 18, 19]);
    const summary = summarizeProgress(QD_318, met);
    expect(summary.met).toBe(9);
    expect(summary.total).toBe(19);
    expect(summary.ratio).toBeCloseTo(9 / 19);
    expect(summary.reachesStandard).toBe(false);
    expect(summary.unmetCriterionIds).toEqual([2, 5, 7, 9, 10, 11, 12, 13, 16, 17]);
  });

  it('reaches the standard only when every criterion is met', () => {
    expect(summarizeProgress(QD_318, new Set(QD_318)).reachesStandard).toBe(true);
    expect(summarizeProgress(QD_318, new Set(QD_318.slice(1))).reachesStandard).toBe(false);
  });

  it('ignores met criteria outside the set', () => {
    const summary = summarizeProgress([1, 2], new Set([2, 99]));
    expect(summary).toMatchObject({ met: 1, total: 2, unmetCriterionIds: [1] });
  });

  it('treats an empty set as not reaching the standard, with ratio 0', () => {
    expect(summarizeProgress([], new Set())).toEqual({
      met: 0,
      total: 0,
      ratio: 0,
      reachesStandard: false,
      unmetCriterionIds: [],
    });
  });

  it('counts a criterion listed twice once', () => {
    expect(summarizeProgress([1, 1, 2], new Set([1]))).toMatchObject({
      met: 1,
      total: 2,
    });
  });
});

describe('NTM_LEVELS', () => {
  it('lists the three levels from lowest to highest', () => {
    expect(NTM_LEVELS).toEqual(['dat_chuan', 'nang_cao', 'kieu_mau']);
  });
});
