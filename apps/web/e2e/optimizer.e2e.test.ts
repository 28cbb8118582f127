// The Optimize tab on the Lục Nam 2022 demo: one press shows what happens to the 7 target
// communes; accepting writes the proposal into the plan and the plan total moves.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, startE2EApp } from './harness.ts';

const SLOW = 120_000;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 60_000 });

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
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

describe('optimize tab', () => {
  it(
    'shows the 7 target communes’ outcome and accepts the proposal into the plan',
    async () => {
      const page = await newPage(browser);
      await page.goto(`${app.url}/plans/${encodeURIComponent(planId)}/optimize`);
      const total = page.getByTestId('optimizer-plan-total');
      await poll(() => total.textContent()).toMatch(/Tổng vốn đã phân bổ của kế hoạch: /);
      const totalBefore = await total.textContent();

      await page.getByRole('radio', { name: 'Cả vốn dự kiến (chưa phê duyệt)' }).check();
      await page.getByRole('button', { name: 'Chạy tối ưu' }).click();
      const outcomes = page.getByTestId('optimizer-outcome');
      await poll(() => outcomes.count()).toBe(7);
      const texts = await outcomes.allTextContents();
      expect(texts.some((text) => /đạt chuẩn: \d+ tiêu chí/.test(text))).toBe(true);
      await expect
        .poll(() => page.getByTestId('optimizer-summary').textContent())
        .toMatch(/\/7 xã mục tiêu đạt chuẩn/);
      await poll(() =>
        page.locator('[data-testid="optimizer-proposal-grid"] .ag-row').count(),
      ).toBeGreaterThan(0);

      await page.getByRole('button', { name: /^Chấp nhận \d+ ô đã chọn$/ }).click();
      await poll(() => page.getByText(/Đã ghi \d+ ô vào kế hoạch trong một lần/).count()).toBe(1);
      await poll(() => total.textContent()).not.toBe(totalBefore);
    },
    SLOW,
  );
});
