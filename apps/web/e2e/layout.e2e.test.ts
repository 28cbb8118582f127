// The grid screen at the smallest screen the brief names (1280×720, the harness's page size): the
// whole screen fits without page scroll, the toolbar is one line, the workflow step sits beside
// the plan title, and the grid shows at least 14 commune rows of the Lục Nam demo.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, launchBrowser, newPage, screenshot, startE2EApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** What the layout checks read, in one pass so they see the same frame. */
function measure(on: Page) {
  return on.evaluate(() => {
    const box = (element: Element | null) => element?.getBoundingClientRect();
    const scrolling = document.scrollingElement!;
    const controls = [...document.querySelectorAll('.grid-toolbar :is(button, select, input)')]
      .map((element) => element.getBoundingClientRect())
      .filter((rect) => rect.height > 0);
    const toolbar = box(document.querySelector('.grid-toolbar'))!;
    // The rows' viewport: under the header, above the horizontal scrollbar and the pinned totals.
    const header = box(document.querySelector('.grid-wrapper .ag-header'))!;
    const limits = [
      box(document.querySelector('.grid-wrapper .ag-grid-pinned-bottom-rows-container'))?.top,
      box(document.querySelector('.grid-wrapper .ag-body-horizontal-scroll'))?.top,
      box(document.querySelector('.grid-wrapper .ag-root'))?.bottom,
    ].filter((value): value is number => value !== undefined && value > header.bottom);
    const bottom = Math.min(...limits);
    const visibleRows = new Set<string>();
    for (const row of document.querySelectorAll('.grid-wrapper .ag-row:not(.ag-row-pinned)')) {
      const rect = row.getBoundingClientRect();
      if (rect.height > 0 && rect.top >= header.bottom - 1 && rect.bottom <= bottom + 1)
        visibleRows.add(row.getAttribute('row-index') ?? '');
    }
    const title = box(document.querySelector('.plan-header__name'))!;
    const step = box(document.querySelector('.workflow__actions button'))!;
    const stepMiddle = (step.top + step.bottom) / 2;
    return {
      scrollHeight: scrolling.scrollHeight,
      innerHeight: window.innerHeight,
      toolbarHeight: Math.round(toolbar.height),
      tallestControl: Math.round(Math.max(...controls.map((rect) => rect.height))),
      controlTops: controls.map((rect) => Math.round(rect.top + rect.height / 2)),
      visibleRows: visibleRows.size,
      stepBesideTitle: stepMiddle >= title.top && stepMiddle <= title.bottom && step.left > title.right,
    };
  });
}

describe('grid screen layout at 1280×720', () => {
  it('fits the viewport with a one-line toolbar, the workflow step by the title and 14+ rows', async () => {
    expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
    await page.goto(`${app.url}/plans/${encodeURIComponent(globalId('Plan', app.demoPlanId))}/grid`);
    await page.locator('.ag-row[row-index="0"]').first().waitFor({ timeout: 30_000 });
    // Everything that changes the header's height is in: the workflow step, consultations, analysis.
    await page.locator('.workflow__actions').getByRole('button', { name: 'Trình phê duyệt' }).waitFor();
    await page.getByText('Lấy ý kiến nhân dân (xã thuộc Chương trình 135)').waitFor();
    await expect
      .poll(() => page.getByTestId('analysis-panel').getAttribute('aria-busy'), { timeout: 30_000 })
      .toBe('false');

    // The grid sizes itself after the header settles (a ResizeObserver): poll until it has.
    await expect
      .poll(() => measure(page), { timeout: 15_000 })
      .toSatisfy(
        (m: Awaited<ReturnType<typeof measure>>) =>
          m.scrollHeight <= m.innerHeight + 1 && m.visibleRows >= 14,
      );
    const m = await measure(page);
    expect(m.scrollHeight).toBeLessThanOrEqual(m.innerHeight + 1);
    expect(m.visibleRows).toBeGreaterThanOrEqual(14);
    // One line: every control's middle on the same level, the toolbar no taller than one control.
    const tops = m.controlTops;
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(3);
    expect(m.toolbarHeight).toBeLessThanOrEqual(m.tallestControl + 4);
    expect(m.stepBesideTitle).toBe(true);
    await screenshot(page, 'grid-layout-1280x720');
  });
});
