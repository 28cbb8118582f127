// A plan of more than 2,000 communes (a province's or the country's) in a real browser: it opens in
// the total view from per-commune sums; a cell view first asks the planner to narrow the rows; the
// area filter narrows them to one district, whose cells are then typed into and saved like a small
// plan's, with the pinned rows still counting the whole plan; "show all" goes back to every commune.

import { generateProvince } from '@ntm/db/synthetic';
import { formatMoney } from '@ntm/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickCell, gridCell, pinnedText, waitSaved } from './grid-page.ts';
import { globalId, launchBrowser, newPage, numericId, screenshot, startE2EApp } from './harness.ts';

/** Just over the 2,000 communes up to which the grid reads every cell. */
const COMMUNES = 2_050;
/** The generator puts 25 communes in each district: "Huyện Tổng hợp 002" holds communes 26–50. */
const DISTRICT = 'Huyện Tổng hợp 002';

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let page: Page;
let plan: Awaited<ReturnType<typeof generateProvince>>;
/** The first criterion's column for the first source (NSTW), in the by-source view. */
let firstCellCol: string;

const millions = (amount: bigint) => formatMoney(amount, { unit: 'trieu' });
const view = () => page.getByTestId('allocation-grid').getAttribute('data-view');

async function planTotal(communeIds?: readonly number[], column?: { criterionId: number; sourceId: number }) {
  let query = app.db
    .selectFrom('allocation')
    .select((eb) => eb.fn.sum<string | null>('amount').as('sum'))
    .where('plan_id', '=', plan.planId);
  if (communeIds) query = query.where('commune_id', 'in', communeIds);
  if (column)
    query = query.where('criterion_id', '=', column.criterionId).where('source_id', '=', column.sourceId);
  return BigInt((await query.executeTakeFirstOrThrow()).sum ?? 0);
}

/** The pinned total of the row-total column (the grid's last column), scrolled into view. */
async function grandTotalShown(): Promise<string> {
  await page.evaluate(() => document.querySelector('.ag-grid-viewport')?.scrollTo({ left: 1e7 }));
  await expect.poll(() => pinnedText(page, 0, 'rowTotal')).not.toBe('<missing>');
  return pinnedText(page, 0, 'rowTotal');
}

beforeAll(async () => {
  app = await startE2EApp();
  plan = await generateProvince(app.db, { communes: COMMUNES, seed: 20261128, withEmptyCells: false });
  firstCellCol = `cell|${globalId('Criterion', plan.criterionIds[0]!)}|${globalId('FundingSource', plan.sourceIds[0]!)}`;
  browser = await launchBrowser();
  page = await newPage(browser);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

// The embedded PGlite answers one statement at a time, and this plan's analysis takes it seconds:
// steps here wait behind it, so they get minutes, not the default minute.
const STEP_TIMEOUT = 180_000;

describe('a plan of more than 2,000 communes', () => {
  it(
    'opens in the total view from sums, and asks to narrow the rows before showing cells',
    async () => {
      await page.goto(`${app.url}/plans/${encodeURIComponent(globalId('Plan', plan.planId))}/grid`);
      await expect.poll(view, { timeout: 60_000 }).toBe('total');
      await expect
        .poll(() => gridCell(page, 0, `crit|${globalId('Criterion', plan.criterionIds[0]!)}`).count())
        .toBe(1);
      expect(await grandTotalShown()).toBe(millions(await planTotal()));

      await page.getByRole('button', { name: 'Theo nguồn vốn' }).click();
      await expect
        .poll(() => page.getByTestId('grid-notice').textContent())
        .toMatch(/tối đa 2\.?000 xã.*đang có 2\.?050 xã/);
      expect(await view()).toBe('total');
    },
    STEP_TIMEOUT,
  );

  it(
    "narrows to one district and types into its cells, the pinned rows counting the whole plan's money",
    async () => {
      await page.getByLabel('Địa bàn').selectOption({ label: DISTRICT });
      await page.getByRole('button', { name: 'Theo nguồn vốn' }).click();
      await expect.poll(view, { timeout: 60_000 }).toBe('bySource');
      await expect.poll(() => page.getByTestId('grid-region').textContent()).toMatch(/Đang xem 25 xã/);

      const district = await app.db
        .selectFrom('district')
        .select('id')
        .where('name', '=', DISTRICT)
        .where('province_id', '=', plan.provinceId)
        .executeTakeFirstOrThrow();
      const region = (
        await app.db.selectFrom('commune').select('id').where('district_id', '=', district.id).execute()
      ).map((row) => row.id);
      expect(region).toHaveLength(25);
      const firstRow = await page
        .locator('.ag-row[row-index="0"]:not(.ag-row-pinned)')
        .first()
        .getAttribute('row-id');
      const communeId = numericId(firstRow ?? '');
      expect(region).toContain(communeId);

      await clickCell(page, 0, firstCellCol);
      await page.keyboard.type('7');
      await page.keyboard.press('Enter');
      await expect.poll(() => gridCell(page, 0, firstCellCol).textContent()).toBe('7');
      await waitSaved(page);
      const stored = await app.db
        .selectFrom('allocation')
        .select('amount')
        .where('plan_id', '=', plan.planId)
        .where('commune_id', '=', communeId)
        .where('criterion_id', '=', plan.criterionIds[0]!)
        .where('source_id', '=', plan.sourceIds[0]!)
        .executeTakeFirstOrThrow();
      expect(BigInt(stored.amount)).toBe(7_000_000n);

      // A cell column's total is the region's; the row total (compared with the caps) is the plan's.
      const column = { criterionId: plan.criterionIds[0]!, sourceId: plan.sourceIds[0]! };
      await expect
        .poll(() => pinnedText(page, 0, firstCellCol))
        .toBe(millions(await planTotal(region, column)));
      await expect.poll(grandTotalShown).toBe(millions(await planTotal()));
      await screenshot(page, 'grid-large-plan-region');
    },
    STEP_TIMEOUT,
  );

  it(
    'shows every commune again in the total view, the edit counted',
    async () => {
      await page.getByRole('button', { name: /Xem lại tất cả các xã/ }).click();
      await expect.poll(view, { timeout: 60_000 }).toBe('total');
      await expect.poll(() => page.getByTestId('grid-region').count()).toBe(0);
      await expect.poll(grandTotalShown, { timeout: 30_000 }).toBe(millions(await planTotal()));
    },
    STEP_TIMEOUT,
  );
});
