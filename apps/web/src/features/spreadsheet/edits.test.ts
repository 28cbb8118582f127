import { describe, expect, it } from 'vitest';
import { type CellInfo, copyRange, type GridModel, planClear, planFill, planPaste, summarize } from './edits';
import { extendTo, selectCell } from './selection';

/** 4 rows × 4 columns: column 0 is a read-only name, (3,3) is an ineligible source. */
function makeModel(values: Record<string, bigint> = {}): GridModel & { values: Record<string, bigint> } {
  return {
    values,
    rowCount: 4,
    colCount: 4,
    cellAt(row, col): CellInfo {
      if (col === 0) return { isEditable: false, reason: 'readOnlyColumn', value: null };
      if (row === 3 && col === 3) return { isEditable: false, reason: 'ineligible', value: 0n };
      const key = `${row},${col}`;
      return { isEditable: true, key, value: values[key] ?? 0n };
    },
  };
}

const vi = { locale: 'vi', unit: 'dong' } as const;

describe('planPaste', () => {
  it('pastes a block from the top-left cell of the selection', () => {
    const plan = planPaste(makeModel(), selectCell({ row: 0, col: 1 }), '1\t2\r\n3\t4\r\n', vi);
    expect(plan.invalid).toEqual([]);
    expect(plan.skipped).toEqual([]);
    expect(plan.changes).toEqual([
      { key: '0,1', before: 0n, after: 1n },
      { key: '0,2', before: 0n, after: 2n },
      { key: '1,1', before: 0n, after: 3n },
      { key: '1,2', before: 0n, after: 4n },
    ]);
  });

  it('reads vi-VN and en numbers, unit words, stray spaces and the grid unit', () => {
    const text = ' 1.234.567 \t1,234,567\n1,5 tỷ\t250 triệu\n';
    const plan = planPaste(makeModel(), selectCell({ row: 0, col: 1 }), text, vi);
    expect(plan.changes.map((c) => c.after)).toEqual([1_234_567n, 1_234_567n, 1_500_000_000n, 250_000_000n]);
    const inTrieu = planPaste(makeModel(), selectCell({ row: 0, col: 1 }), '2,5', {
      locale: 'vi',
      unit: 'trieu',
    });
    expect(inTrieu.changes[0]?.after).toBe(2_500_000n);
  });

  it('fills the whole selection with a single value', () => {
    const selection = extendTo(selectCell({ row: 0, col: 1 }), { row: 1, col: 2 });
    const plan = planPaste(makeModel(), selection, '7\r\n', vi);
    expect(plan.changes.map((c) => c.key)).toEqual(['0,1', '0,2', '1,1', '1,2']);
    expect(plan.changes.every((c) => c.after === 7n)).toBe(true);
  });

  it('reports read-only, ineligible and out-of-grid cells and still writes the others', () => {
    const plan = planPaste(
      makeModel(),
      selectCell({ row: 2, col: 0 }),
      '1\t2\t3\t4\t5\n6\t7\t8\t9\t10\n11\n',
      vi,
    );
    expect(plan.invalid).toEqual([]);
    expect(plan.skipped).toEqual([
      { row: 2, col: 0, reason: 'readOnlyColumn' },
      { row: 2, col: 4, reason: 'outOfGrid' },
      { row: 3, col: 0, reason: 'readOnlyColumn' },
      { row: 3, col: 3, reason: 'ineligible' },
      { row: 3, col: 4, reason: 'outOfGrid' },
      { row: 4, col: 0, reason: 'outOfGrid' },
    ]);
    expect(plan.changes.map((c) => c.key)).toEqual(['2,1', '2,2', '2,3', '3,1', '3,2']);
  });

  it('rejects the whole paste when any value is text or negative', () => {
    const plan = planPaste(makeModel(), selectCell({ row: 0, col: 1 }), '1\tabc\n-5\t4\n', vi);
    expect(plan.changes).toEqual([]);
    expect(plan.invalid).toEqual([
      { row: 0, col: 2, text: 'abc', code: 'NOT_AN_AMOUNT' },
      { row: 1, col: 1, text: '-5', code: 'NEGATIVE_AMOUNT' },
    ]);
  });

  it('clears cells for blank fields and leaves unchanged cells out of the batch', () => {
    const model = makeModel({ '0,1': 5n, '0,2': 9n });
    const plan = planPaste(model, selectCell({ row: 0, col: 1 }), '\t9\n', vi);
    expect(plan.changes).toEqual([{ key: '0,1', before: 5n, after: 0n }]);
  });
});

describe('planClear', () => {
  it('zeroes editable cells and reports read-only amounts', () => {
    const model = makeModel({ '3,2': 4n });
    const plan = planClear(model, extendTo(selectCell({ row: 3, col: 0 }), { row: 3, col: 3 }));
    expect(plan.changes).toEqual([{ key: '3,2', before: 4n, after: 0n }]);
    expect(plan.skipped).toEqual([]);
  });
});

describe('planFill', () => {
  it('fills down from the first row of the range', () => {
    const model = makeModel({ '0,1': 10n, '0,2': 20n });
    const plan = planFill(model, extendTo(selectCell({ row: 0, col: 1 }), { row: 2, col: 2 }), 'down');
    expect(plan.changes.map((c) => [c.key, c.after])).toEqual([
      ['1,1', 10n],
      ['2,1', 10n],
      ['1,2', 20n],
      ['2,2', 20n],
    ]);
  });

  it('copies from the cell above when one row is selected', () => {
    const model = makeModel({ '1,2': 3n });
    const plan = planFill(model, selectCell({ row: 2, col: 2 }), 'down');
    expect(plan.changes).toEqual([{ key: '2,2', before: 0n, after: 3n }]);
  });

  it('fills right and reports an ineligible target', () => {
    const model = makeModel({ '3,1': 8n });
    const plan = planFill(model, extendTo(selectCell({ row: 3, col: 1 }), { row: 3, col: 3 }), 'right');
    expect(plan.changes).toEqual([{ key: '3,2', before: 0n, after: 8n }]);
    expect(plan.skipped).toEqual([{ row: 3, col: 3, reason: 'ineligible' }]);
  });
});

describe('copyRange and summarize', () => {
  it('reads the range row by row and sums its numbers', () => {
    const model = makeModel({ '0,1': 1n, '1,2': 2n });
    const selection = extendTo(selectCell({ row: 0, col: 0 }), { row: 1, col: 2 });
    expect(copyRange(selection, (r, c) => `${r}${c}`)).toEqual([
      ['00', '01', '02'],
      ['10', '11', '12'],
    ]);
    expect(summarize(model, selection)).toEqual({ sum: 3n, count: 4 });
  });
});
