// The plan screens around the grid: routing between them, the criteria status matrix, the funding
// caps and the overview dashboard, on the Lục Nam 2022 demo, in both languages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, startE2EApp } from './harness.ts';

/** These tests reload pages several times; leave room for a busy CI machine. */
const SLOW = 120_000;
/** Polls longer than vitest's 1 s default: a loaded CI runner re-renders the grid slowly. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
/** The demo plan's GraphQL global id, as it appears in the app's URLs. */
let planId: string;

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...app.authHeaders },
    body: JSON.stringify({ query: '{ plans(first: 1) { edges { node { id } } } }' }),
  });
  const body = (await response.json()) as { data: { plans: { edges: Array<{ node: { id: string } }> } } };
  planId = body.data.plans.edges[0]!.node.id;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const planUrl = (screen: string) => `${app.url}/plans/${encodeURIComponent(planId)}/${screen}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;
const headingText = (page: Page, level: number) =>
  page
    .getByRole('heading', { level })
    .first()
    .textContent()
    .catch(() => null);

async function switchLanguage(page: Page, to: 'English' | 'Tiếng Việt') {
  await page.getByRole('button', { name: to }).click();
  await expect
    .poll(() => page.locator('html').getAttribute('lang'))
    .toMatch(to === 'English' ? /^en/ : /^vi/);
}

describe('navigation', () => {
  it(
    'goes from home to each plan screen by links, and back and forward through history',
    async () => {
      const page = await newPage(browser);
      await page.goto(app.url);
      const planLink = page.getByRole('link', { name: /Lục Nam/ }).first();
      await planLink.waitFor();
      await planLink.click();
      await poll(() => pathOf(page)).toMatch(/\/plans\/[^/]+\/grid$/);
      const tabs = page.getByRole('navigation', { name: 'Các màn hình của kế hoạch' });
      await expect
        .poll(() => tabs.getByRole('link', { name: 'Bảng phân bổ' }).getAttribute('aria-current'))
        .toBe('page');

      await tabs.getByRole('link', { name: 'Tình trạng tiêu chí' }).click();
      await poll(() => pathOf(page)).toMatch(/\/status$/);
      await poll(() => headingText(page, 2)).toBe('Tình trạng đạt tiêu chí');

      await tabs.getByRole('link', { name: 'Tổng quan' }).click();
      await poll(() => pathOf(page)).toMatch(/\/overview$/);
      await poll(() => headingText(page, 2)).toBe('Tổng quan kế hoạch');

      await tabs.getByRole('link', { name: 'Trần nguồn vốn' }).click();
      await poll(() => pathOf(page)).toMatch(/\/caps$/);
      await poll(() => headingText(page, 2)).toBe('Trần nguồn vốn');

      await page.goBack();
      await poll(() => pathOf(page)).toMatch(/\/overview$/);
      await poll(() => headingText(page, 2)).toBe('Tổng quan kế hoạch');
      await page.goBack();
      await poll(() => headingText(page, 2)).toBe('Tình trạng đạt tiêu chí');
      await page.goForward();
      await poll(() => headingText(page, 2)).toBe('Tổng quan kế hoạch');

      await page.getByRole('link', { name: 'Kế hoạch vốn' }).first().click();
      await poll(() => pathOf(page)).toBe('/');
      await poll(() => headingText(page, 1)).toBe('Kế hoạch vốn');
      await page.goBack();
      await poll(() => headingText(page, 2)).toBe('Tổng quan kế hoạch');
      await page.context().close();
    },
    SLOW,
  );

  it(
    'shows a not-found view for unknown addresses and unknown plans',
    async () => {
      const page = await newPage(browser);
      await page.goto(`${app.url}/no/such/page`);
      await poll(() => headingText(page, 1)).toBe('Không tìm thấy trang');
      await page.goto(`${app.url}/plans/UGxhbjo5OTk5/status`);
      await poll(() => headingText(page, 1)).toBe('Không tìm thấy kế hoạch');
      await page.getByRole('link', { name: 'Về danh sách kế hoạch' }).click();
      await poll(() => pathOf(page)).toBe('/');
      await page.context().close();
    },
    SLOW,
  );
});

describe('criteria status', () => {
  it(
    'toggles a commune criterion by click and by keyboard, updates progress and keeps it after reload',
    async () => {
      const page = await newPage(browser);
      await page.goto(planUrl('status'));
      await page.getByLabel('Chỉ xã mục tiêu').check();
      const communeRow = page.locator('.status-grid .ag-row[row-id]', { hasText: 'Lục Sơn' }).first();
      await communeRow.waitFor();
      const rowId = await communeRow.getAttribute('row-id');
      const progress = page.locator(`.status-grid .ag-row[row-id="${rowId}"] [col-id="progress"]`);
      await poll(() => progress.textContent()).toBe('12/19');
      await screenshot(page, 'criteria-status-vi');

      const unmetCell = page
        .locator(`.status-grid .ag-row[row-id="${rowId}"] .ag-cell`)
        .filter({ has: page.locator('.status-cell--unmet') })
        .first();
      const colId = await unmetCell.getAttribute('col-id');
      const cell = page.locator(`.status-grid .ag-row[row-id="${rowId}"] [col-id="${colId}"]`);
      const countCell = page.locator(`.status-grid .ag-row-pinned [col-id="${colId}"]`);
      const countBefore = await countCell.textContent();
      await cell.click();
      await poll(() => progress.textContent()).toBe('13/19');
      await poll(() => cell.locator('.status-cell--met').count()).toBe(1);
      await poll(() => countCell.textContent()).not.toBe(countBefore);
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu' }).count())
        .toBeGreaterThan(0);

      await page.reload();
      await page.getByLabel('Chỉ xã mục tiêu').check();
      await poll(() => progress.textContent()).toBe('13/19');

      // Keyboard: focus the cell and press Space to switch it back.
      await cell.click({ position: { x: 2, y: 2 } }).catch(() => undefined);
      await poll(() => progress.textContent()).toBe('12/19');
      await cell.press('Enter');
      await poll(() => progress.textContent()).toBe('13/19');
      await cell.press(' ');
      await poll(() => progress.textContent()).toBe('12/19');
      await page.reload();
      await poll(() => progress.textContent()).toBe('12/19');
      await page.context().close();
    },
    SLOW,
  );

  it(
    'toggles a district criterion and counts it',
    async () => {
      const page = await newPage(browser);
      await page.goto(planUrl('status'));
      const districtProgress = page.getByTestId('district-progress');
      await poll(() => districtProgress.textContent()).toBe('6/9 tiêu chí');
      const district = page.locator('.status-district');
      await district.getByRole('button', { name: /^5\. .* — Lục Nam$/ }).click();
      await poll(() => districtProgress.textContent()).toBe('7/9 tiêu chí');
      await page.reload();
      await poll(() => districtProgress.textContent()).toBe('7/9 tiêu chí');
      await page
        .locator('.status-district')
        .getByRole('button', { name: /^5\. .* — Lục Nam$/ })
        .click();
      await poll(() => districtProgress.textContent()).toBe('6/9 tiêu chí');
      await page.context().close();
    },
    SLOW,
  );
});

describe('funding caps', () => {
  it(
    'refuses an amount that is not one, in the reader language',
    async () => {
      const page = await newPage(browser);
      await page.goto(planUrl('caps'));
      const row = page.getByTestId('cap-row-NS_XA');
      const amount = row.getByRole('textbox', { name: /Trần vốn của/ });
      await amount.fill('nhiều tiền');
      await row.getByRole('button', { name: /Lưu/ }).click();
      await poll(() => row.getByRole('alert').textContent()).toMatch(/không phải là số tiền/);
      await switchLanguage(page, 'English');
      await poll(() => row.getByRole('alert').textContent()).toMatch(/is not an amount/);
      await page.context().close();
    },
    SLOW,
  );

  it(
    'confirms the district budget cap and sees the debt risk go',
    async () => {
      const page = await newPage(browser);
      await page.goto(planUrl('caps'));
      const row = page.getByTestId('cap-row-NS_HUYEN');
      const debtRisk = page.getByTestId('debt-risk-NS_HUYEN');
      const totalRisk = page.getByTestId('caps-total-debt-risk');
      await poll(() => debtRisk.textContent()).toBe('4.800');
      await poll(() => totalRisk.textContent()).toBe('7,4 tỷ');
      await poll(() => row.getByRole('textbox', { name: /Trần vốn của/ }).inputValue()).toBe('12.000');
      await screenshot(page, 'funding-caps-vi');

      await row.getByRole('checkbox').check();
      await row.getByRole('textbox', { name: /Ghi chú/ }).fill('HĐND huyện đã thông qua');
      await row.getByRole('button', { name: /Lưu/ }).click();
      await poll(() => debtRisk.textContent()).toBe('0');
      await poll(() => totalRisk.textContent()).toBe('2,6 tỷ');
      await poll(() => row.getByText('Trong trần đã xác định').count()).toBe(1);

      await page.reload();
      await poll(() => page.getByTestId('debt-risk-NS_HUYEN').textContent()).toBe('0');
      await expect
        .poll(() => page.getByTestId('cap-row-NS_HUYEN').getByRole('checkbox').isChecked())
        .toBe(true);
      await page.context().close();
    },
    SLOW,
  );
});

describe('overview', () => {
  it(
    'draws the three charts with data, and shows each as a table on request',
    async () => {
      const page = await newPage(browser);
      await page.goto(planUrl('overview'));
      for (const id of ['chart-progress', 'chart-shortfall', 'chart-sources']) {
        const chart = page.getByTestId(id);
        await poll(() => chart.locator('svg[role="img"] rect.bar').count()).toBeGreaterThan(2);
        await poll(() => chart.locator('svg').getAttribute('aria-labelledby')).toBeTruthy();
      }
      await expect
        .poll(() => page.getByTestId('chart-shortfall').textContent())
        .toMatch(/Vô Tranh.*Quý III\/2022/);
      await poll(() => page.getByTestId('chart-sources').textContent()).toMatch(/tỷ/);
      await screenshot(page, 'overview-vi');

      const shortfall = page.getByTestId('chart-shortfall');
      await shortfall.getByRole('button', { name: 'Xem bảng số liệu' }).click();
      await poll(() => shortfall.locator('table tbody tr').count()).toBe(7);
      await poll(() => shortfall.locator('svg').isVisible()).toBe(false);
      await shortfall.getByRole('button', { name: 'Xem biểu đồ' }).click();
      await poll(() => shortfall.locator('svg').isVisible()).toBe(true);

      await switchLanguage(page, 'English');
      await poll(() => page.getByTestId('chart-shortfall').textContent()).toMatch(/Vô Tranh.*Q3 2022/);
      await poll(() => page.getByTestId('chart-sources').textContent()).toMatch(/billion/);
      await screenshot(page, 'overview-en');
      await page.context().close();
    },
    SLOW,
  );
});

describe('language', () => {
  it(
    'switches every screen to English and back',
    async () => {
      const page = await newPage(browser);
      const expectations: Array<[string, string, string]> = [
        ['status', 'Tình trạng đạt tiêu chí', 'Criteria status'],
        ['overview', 'Tổng quan kế hoạch', 'Plan overview'],
        ['caps', 'Trần nguồn vốn', 'Funding caps'],
      ];
      await page.goto(app.url);
      await poll(() => headingText(page, 1)).toBe('Kế hoạch vốn');
      await switchLanguage(page, 'English');
      await poll(() => headingText(page, 1)).toBe('Budget plans');
      await poll(() => page.getByTestId('communes-status').first().textContent()).toMatch(/on track/);
      await switchLanguage(page, 'Tiếng Việt');
      for (const [screen, vi, en] of expectations) {
        await page.goto(planUrl(screen));
        await poll(() => headingText(page, 2)).toBe(vi);
        await switchLanguage(page, 'English');
        await poll(() => headingText(page, 2)).toBe(en);
        await poll(() => page.getByRole('link', { name: 'Criteria status' }).count()).toBe(1);
        if (screen === 'status') await screenshot(page, 'criteria-status-en');
        if (screen === 'caps') await screenshot(page, 'funding-caps-en');
        await switchLanguage(page, 'Tiếng Việt');
        await poll(() => headingText(page, 2)).toBe(vi);
      }
      await page.context().close();
    },
    SLOW,
  );
});
