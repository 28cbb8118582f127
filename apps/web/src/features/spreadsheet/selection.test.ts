import { describe, expect, it } from 'vitest';
import {
  cellsOf,
  clampSelection,
  contains,
  extendBy,
  extendTo,
  isSingleCell,
  normalize,
  rectSize,
  selectCell,
} from './selection';

const bounds = { rowCount: 5, colCount: 4 };

describe('selection', () => {
  it('starts as a single cell', () => {
    const selection = selectCell({ row: 2, col: 1 });
    expect(isSingleCell(selection)).toBe(true);
    expect(normalize(selection)).toEqual({ top: 2, bottom: 2, left: 1, right: 1 });
  });

  it('extends with shift+arrows from the anchor and stops at the edges', () => {
    let selection = selectCell({ row: 3, col: 2 });
    selection = extendBy(selection, 1, 0, bounds);
    selection = extendBy(selection, 1, 0, bounds);
    selection = extendBy(selection, 0, 1, bounds);
    selection = extendBy(selection, 0, 1, bounds);
    expect(selection).toEqual({ anchor: { row: 3, col: 2 }, focus: { row: 4, col: 3 } });
  });

  it('normalizes a range dragged up and left', () => {
    const selection = extendTo(selectCell({ row: 4, col: 3 }), { row: 1, col: 0 });
    const rect = normalize(selection);
    expect(rect).toEqual({ top: 1, bottom: 4, left: 0, right: 3 });
    expect(rectSize(rect)).toEqual({ rows: 4, cols: 4 });
  });

  it('shrinks back when the focus crosses the anchor', () => {
    let selection = selectCell({ row: 2, col: 2 });
    selection = extendBy(selection, -1, 0, bounds);
    selection = extendBy(selection, 2, 0, bounds);
    expect(normalize(selection)).toEqual({ top: 2, bottom: 3, left: 2, right: 2 });
  });

  it('tells which cells are inside', () => {
    const rect = normalize(extendTo(selectCell({ row: 1, col: 1 }), { row: 2, col: 3 }));
    expect(contains(rect, 1, 1)).toBe(true);
    expect(contains(rect, 2, 3)).toBe(true);
    expect(contains(rect, 0, 1)).toBe(false);
    expect(contains(rect, 1, 0)).toBe(false);
  });

  it('iterates cells row by row', () => {
    const rect = normalize(extendTo(selectCell({ row: 0, col: 0 }), { row: 1, col: 1 }));
    expect([...cellsOf(rect)]).toEqual([
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
    ]);
  });

  it('clamps into a smaller grid and gives up on an empty one', () => {
    const selection = extendTo(selectCell({ row: 1, col: 1 }), { row: 9, col: 9 });
    expect(clampSelection(selection, bounds)).toEqual({
      anchor: { row: 1, col: 1 },
      focus: { row: 4, col: 3 },
    });
    expect(clampSelection(selection, { rowCount: 0, colCount: 4 })).toBeNull();
  });
});
