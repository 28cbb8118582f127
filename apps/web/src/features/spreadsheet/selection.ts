/**
 * The range selection AG Grid Community lacks: one rectangle between an anchor (where selection
 * started) and a focus (the cell that moves with shift+arrows or the mouse). Positions are display
 * indices (row in the displayed rows, column in the displayed columns), so it is independent of
 * the grid library.
 */

export type CellPosition = { row: number; col: number };
export type Selection = { anchor: CellPosition; focus: CellPosition };
export type Bounds = { rowCount: number; colCount: number };
export type Rect = { top: number; left: number; bottom: number; right: number };

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(value, max - 1));
}

export function selectCell(cell: CellPosition): Selection {
  return { anchor: cell, focus: cell };
}

/** Moves the focus (shift+click, drag, shift+arrows), keeping the anchor. */
export function extendTo(selection: Selection, focus: CellPosition): Selection {
  return { anchor: selection.anchor, focus };
}

/** Shift+arrow: moves the focus by one step, stopping at the edges of the grid. */
export function extendBy(
  selection: Selection,
  rowDelta: number,
  colDelta: number,
  bounds: Bounds,
): Selection {
  return extendTo(selection, {
    row: clamp(selection.focus.row + rowDelta, bounds.rowCount),
    col: clamp(selection.focus.col + colDelta, bounds.colCount),
  });
}

export function normalize(selection: Selection): Rect {
  const { anchor, focus } = selection;
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  };
}

export function rectSize(rect: Rect): { rows: number; cols: number } {
  return { rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 };
}

export function isSingleCell(selection: Selection): boolean {
  return selection.anchor.row === selection.focus.row && selection.anchor.col === selection.focus.col;
}

export function contains(rect: Rect, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

/** Cells row by row, left to right: the order copy writes them and paste reads them. */
export function* cellsOf(rect: Rect): Generator<CellPosition> {
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let col = rect.left; col <= rect.right; col++) yield { row, col };
  }
}

/** Keeps a selection inside the grid after rows were filtered out or columns changed. */
export function clampSelection(selection: Selection, bounds: Bounds): Selection | null {
  if (bounds.rowCount === 0 || bounds.colCount === 0) return null;
  const fit = (cell: CellPosition) => ({
    row: clamp(cell.row, bounds.rowCount),
    col: clamp(cell.col, bounds.colCount),
  });
  return { anchor: fit(selection.anchor), focus: fit(selection.focus) };
}
