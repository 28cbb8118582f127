// What the browser tests do on an allocation grid page: find a cell, read a pinned total, move to
// and click a cell clear of the pinned areas, and wait until every edit is saved.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A body cell by its row index and column id (pinned bottom rows excluded). */
export function gridCell(on: Page, row: number, col: string) {
  return on.locator(`.ag-row[row-index="${row}"]:not(.ag-row-pinned) .ag-cell[col-id="${col}"]`);
}

/** Pinned bottom rows by position: 0 total, 1 confirmed cap, 2 expected cap, 3 remaining. */
const PINNED_ROW_IDS = ['pinned-total', 'pinned-confirmed', 'pinned-expected', 'pinned-remaining'] as const;

/**
 * Text of a pinned bottom cell. AG Grid 36 renders pinned-bottom rows in
 * `.ag-grid-pinned-bottom-rows-container` (one per pinned side) with `row-index="b-N"` and our
 * `getRowId` as `row-id`; there is no `.ag-floating-bottom` or `row-pinned` attribute any more.
 */
export function pinnedText(on: Page, kind: 0 | 1 | 2 | 3, col: string): Promise<string> {
  return on.evaluate(
    ([rowId, id]) => {
      const found = document.querySelector(`.ag-row-pinned[row-id="${rowId}"] .ag-cell[col-id="${id}"]`);
      return found?.textContent?.trim() ?? '<missing>';
    },
    [PINNED_ROW_IDS[kind], col] as const,
  );
}

/** Row index and column id of the focused grid cell. */
export function focusedCell(on: Page): Promise<string> {
  return on.evaluate(() => {
    const focused = document.querySelector('.ag-cell-focus');
    return `${focused?.closest('.ag-row')?.getAttribute('row-index')}:${focused?.getAttribute('col-id')}`;
  });
}

export async function waitSaved(on: Page) {
  await expect
    .poll(() => on.getByTestId('save-status').getAttribute('data-pending'), { timeout: 30_000 })
    .toBe('0');
  await expect
    .poll(() => on.getByTestId('save-status').textContent(), { timeout: 15_000 })
    .toMatch(/Đã lưu|All changes saved/);
  // A save asks for the analysis again; its answer refreshes the rows. Keys pressed while it lands
  // can meet a grid being redrawn, so the next step starts once it is in.
  await expect
    .poll(() => on.getByTestId('analysis-panel').getAttribute('aria-busy'), { timeout: 30_000 })
    .toBe('false');
}

/**
 * Scrolls the grid so a cell is clear of the pinned columns and rows (AG Grid keeps its own scroll
 * position, which Playwright's scroll-into-view cannot move past pinned areas), and waits until a
 * click at its centre would land on it.
 */
export async function revealCell(on: Page, row: number, col: string) {
  await on.evaluate((index) => {
    // AG Grid 36 scrolls rows and columns in one element, under sticky header and pinned rows.
    const viewport = document.querySelector('.ag-grid-viewport');
    if (viewport) viewport.scrollTo({ top: Math.max(0, (index - 3) * 30), left: 0 });
  }, row);
  await expect
    .poll(
      () =>
        on.evaluate(
          ([index, id]) => {
            const target = document.querySelector(
              `.ag-row[row-index="${index}"]:not(.ag-row-pinned) .ag-cell[col-id="${id}"]`,
            );
            const box = target?.getBoundingClientRect();
            if (!target || !box) return false;
            const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return hit !== null && target.contains(hit);
          },
          [row, col] as const,
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** Reveals a cell and clicks it; a plain click waits until the grid's focus is there. */
export async function clickCell(on: Page, row: number, col: string, options: { shift?: boolean } = {}) {
  await revealCell(on, row, col);
  await gridCell(on, row, col).click(options.shift ? { modifiers: ['Shift'] } : {});
  // Keys typed next go to the focused cell: wait until the click has moved focus there.
  if (!options.shift) await expect.poll(() => focusedCell(on)).toBe(`${row}:${col}`);
}
