/**
 * What a paste, a fill or a clear does to a grid, computed without touching it: the batch of cell
 * changes (one undo step, one save) plus everything the planner must be told — cells that cannot
 * take a value are reported, never skipped silently, and one invalid value rejects the whole paste.
 */
import { type Locale, type MoneyUnit, parseMoney } from '@ntm/domain';
import { parseTsv } from './clipboard';
import type { CellChange } from './history';
import { cellsOf, normalize, type Rect, rectSize, type Selection } from './selection';

export type ReadOnlyReason = 'readOnlyColumn' | 'ineligible' | 'summary';

export type CellInfo =
  | { isEditable: true; key: string; value: bigint }
  /** `value` is the number shown, when there is one (a total, an ineligible cell's 0). */
  | { isEditable: false; reason: ReadOnlyReason; value: bigint | null };

export type GridModel = {
  rowCount: number;
  colCount: number;
  cellAt(row: number, col: number): CellInfo;
};

export type SkippedCell = { row: number; col: number; reason: ReadOnlyReason | 'outOfGrid' };
export type InvalidValue = { row: number; col: number; text: string; code: string };

export type EditPlan = {
  changes: CellChange[];
  skipped: SkippedCell[];
  /** Non-empty means nothing is written. */
  invalid: InvalidValue[];
};

export type ParseOptions = { locale: Locale; unit: MoneyUnit };

function change(key: string, before: bigint, after: bigint, changes: CellChange[]): void {
  if (before !== after) changes.push({ key, before, after });
}

/** Blank clears (as pasting an empty Excel cell does); anything else must be a whole, non-negative amount. */
function parseValue(
  text: string,
  options: ParseOptions,
): { ok: true; value: bigint } | { ok: false; code: string } {
  if (text.trim() === '') return { ok: true, value: 0n };
  const result = parseMoney(text, { locale: options.locale, unit: options.unit });
  return result.ok ? result : { ok: false, code: result.error.code };
}

function writeValue(
  model: GridModel,
  row: number,
  col: number,
  text: string,
  options: ParseOptions,
  plan: EditPlan,
): void {
  const parsed = parseValue(text, options);
  if (!parsed.ok) {
    plan.invalid.push({ row, col, text, code: parsed.code });
    return;
  }
  if (row >= model.rowCount || col >= model.colCount) {
    if (text.trim() !== '') plan.skipped.push({ row, col, reason: 'outOfGrid' });
    return;
  }
  const cell = model.cellAt(row, col);
  if (!cell.isEditable) {
    // A blank over a read-only cell asks for nothing, so there is nothing to report.
    if (text.trim() !== '' && cell.value !== parsed.value)
      plan.skipped.push({ row, col, reason: cell.reason });
    return;
  }
  change(cell.key, cell.value, parsed.value, plan.changes);
}

function rejectIfInvalid(plan: EditPlan): EditPlan {
  return plan.invalid.length > 0 ? { ...plan, changes: [] } : plan;
}

/**
 * Pastes clipboard text. A single value fills the whole selection; a block is written from the
 * selection's top-left cell (wherever the drag started), as Excel does.
 */
export function planPaste(
  model: GridModel,
  selection: Selection,
  text: string,
  options: ParseOptions,
): EditPlan {
  const plan: EditPlan = { changes: [], skipped: [], invalid: [] };
  const block = parseTsv(text);
  const rect = normalize(selection);
  if (block.length === 0) return plan;
  if (block.length === 1 && block[0]!.length === 1) {
    const value = block[0]![0]!;
    for (const { row, col } of cellsOf(rect)) writeValue(model, row, col, value, options, plan);
    return rejectIfInvalid(plan);
  }
  for (const [r, fields] of block.entries()) {
    for (const [c, text] of fields.entries())
      writeValue(model, rect.top + r, rect.left + c, text, options, plan);
  }
  return rejectIfInvalid(plan);
}

/** Delete/Backspace: every editable cell of the range becomes 0; read-only amounts are reported. */
export function planClear(model: GridModel, selection: Selection): EditPlan {
  const plan: EditPlan = { changes: [], skipped: [], invalid: [] };
  for (const { row, col } of cellsOf(normalize(selection))) {
    const cell = model.cellAt(row, col);
    if (cell.isEditable) change(cell.key, cell.value, 0n, plan.changes);
    else if (cell.value !== null && cell.value !== 0n) plan.skipped.push({ row, col, reason: cell.reason });
  }
  return plan;
}

/**
 * Ctrl+D (down) and Ctrl+R (right): the first row (column) of the range is copied over the rest; a
 * one-row (one-column) range copies from the cell above (left), as Excel does.
 */
export function planFill(model: GridModel, selection: Selection, direction: 'down' | 'right'): EditPlan {
  const plan: EditPlan = { changes: [], skipped: [], invalid: [] };
  const rect: Rect = { ...normalize(selection) };
  const size = rectSize(rect);
  if (direction === 'down') {
    if (size.rows === 1) {
      if (rect.top === 0) return plan;
      rect.top -= 1;
    }
    for (let col = rect.left; col <= rect.right; col++) {
      const source = model.cellAt(rect.top, col);
      if (source.value === null) continue;
      for (let row = rect.top + 1; row <= rect.bottom; row++) fillCell(model, row, col, source.value, plan);
    }
  } else {
    if (size.cols === 1) {
      if (rect.left === 0) return plan;
      rect.left -= 1;
    }
    for (let row = rect.top; row <= rect.bottom; row++) {
      const source = model.cellAt(row, rect.left);
      if (source.value === null) continue;
      for (let col = rect.left + 1; col <= rect.right; col++) fillCell(model, row, col, source.value, plan);
    }
  }
  return plan;
}

function fillCell(model: GridModel, row: number, col: number, value: bigint, plan: EditPlan): void {
  const cell = model.cellAt(row, col);
  if (cell.isEditable) change(cell.key, cell.value, value, plan.changes);
  else if (cell.value !== value) plan.skipped.push({ row, col, reason: cell.reason });
}

/** The selection as rows of display strings, ready for serializeTsv. */
export function copyRange(selection: Selection, textAt: (row: number, col: number) => string): string[][] {
  const rect = normalize(selection);
  const rows: string[][] = [];
  for (let row = rect.top; row <= rect.bottom; row++) {
    const fields: string[] = [];
    for (let col = rect.left; col <= rect.right; col++) fields.push(textAt(row, col));
    rows.push(fields);
  }
  return rows;
}

/** Sum and count of the numeric cells of the selection, for the status line. */
export function summarize(model: GridModel, selection: Selection): { sum: bigint; count: number } {
  let sum = 0n;
  let count = 0;
  for (const { row, col } of cellsOf(normalize(selection))) {
    const { value } = model.cellAt(row, col);
    if (value === null) continue;
    sum += value;
    count++;
  }
  return { sum, count };
}
