import { describe, expect, it } from 'vitest';
import { communeSelection, formatGap, rowIdOf, toAcceptedCells, toProposalRows } from './proposal-rows';

const cell = (communeId: string, communeName: string, criterionNumber: number, proposed: string) => ({
  communeId,
  criterionId: `k${criterionNumber}`,
  sourceId: 's1',
  communeName,
  criterionNumber,
  sourceCode: 'NSTW',
  sourceName: 'Vốn ngân sách trung ương',
  current: '0',
  proposed,
  currentVersion: 0,
});

describe('proposal rows', () => {
  const rows = toProposalRows([
    cell('b', 'Vô Tranh', 17, '1100000000'),
    cell('a', 'Lục Sơn', 5, '12'),
    cell('a', 'Lục Sơn', 2, '9007199254740993'),
  ]);

  it('orders by commune then criterion and keeps money exact', () => {
    expect(rows.map((r) => [r.communeName, r.criterionNumber])).toEqual([
      ['Lục Sơn', 2],
      ['Lục Sơn', 5],
      ['Vô Tranh', 17],
    ]);
    expect(rows[0]!.proposed).toBe(9_007_199_254_740_993n);
  });

  it('accepts only the selected cells and tells how much of a commune is selected', () => {
    const selected = new Set([rowIdOf(rows[0]!), rowIdOf(rows[2]!)]);
    expect(toAcceptedCells(rows, selected)).toEqual([
      { communeId: 'a', criterionId: 'k2', sourceId: 's1' },
      { communeId: 'b', criterionId: 'k17', sourceId: 's1' },
    ]);
    expect(communeSelection(rows, selected, 'a')).toBe('some');
    expect(communeSelection(rows, selected, 'b')).toBe('all');
    expect(communeSelection(rows, new Set(), 'a')).toBe('none');
  });

  it('reads a gap as a percentage in the reader’s convention', () => {
    expect(formatGap(0.0051, 'vi')).toBe('0,51 %');
    expect(formatGap(0.0051, 'en')).toBe('0.51 %');
  });
});
