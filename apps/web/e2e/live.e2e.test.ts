// Live updates between two pages on the same plan: each sees the other in the presence bar, a
// change saved elsewhere (through the API) reaches the open page without a reload, and a page that
// leaves drops out of the other's presence bar.
import { formatMoney } from '@ntm/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, startE2EApp } from './harness.ts';

const SLOW = 120_000;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let planId: string;

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  const data = await app.gql<{ plans: { edges: Array<{ node: { id: string } }> } }>(
    '{ plans(first: 1) { edges { node { id } } } }',
  );
  planId = data.plans.edges[0]!.node.id;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A page whose viewer name is set, as a planner would set it. */
async function openAs(name: string, screen: string, locale: 'vi' | 'en' = 'vi'): Promise<Page> {
  const page = await newPage(browser, { locale });
  await page.addInitScript(
    ([viewerName, lang]) => {
      window.localStorage.setItem('ntm.viewerName', viewerName ?? '');
      window.localStorage.setItem('ntm.locale', lang ?? 'vi');
    },
    [name, locale],
  );
  await page.goto(`${app.url}/plans/${encodeURIComponent(planId)}/${screen}`);
  return page;
}

describe('live updates', () => {
  it(
    'shows two pages on the same plan to each other and delivers a change to the other page without reload',
    async () => {
      const lan = await openAs('Lan Nguyễn', 'overview');
      const minh = await openAs('Minh Trần', 'history');
      const lanBar = lan.getByRole('region', { name: 'Những người đang mở kế hoạch này' });
      const minhBar = minh.getByRole('region', { name: 'Những người đang mở kế hoạch này' });

      await poll(() =>
        lanBar.getByRole('list', { name: 'Người khác đang mở kế hoạch' }).textContent(),
      ).toContain('Minh Trần');
      await poll(() =>
        minhBar.getByRole('list', { name: 'Người khác đang mở kế hoạch' }).textContent(),
      ).toContain('Lan Nguyễn');
      // You are not listed as "someone else".
      expect(await lanBar.textContent()).not.toContain('Lan Nguyễn');
      await poll(() => lanBar.textContent()).toContain('Cập nhật trực tiếp');

      // A change saved elsewhere (an integrator, through the API).
      const data = await app.gql<{
        plan: {
          allocations: {
            edges: Array<{
              node: {
                communeId: string;
                criterionId: string;
                sourceId: string;
                amount: string;
                version: number;
              };
            }>;
          };
        };
      }>(
        `query($id: ID!) { plan(id: $id) { allocations(first: 1, filter: { nonZero: true }) { edges { node {
          communeId criterionId sourceId amount version } } } } }`,
        { id: planId },
      );
      const cell = data.plan.allocations.edges[0]!.node;
      const next = BigInt(cell.amount) + 125_000_000n;
      const historyRows = minh.getByTestId('audit-row');
      // The fresh demo may have no audited change yet: wait for the list or its empty state.
      await minh.locator('[data-testid="audit-table"], .audit-log .screen__hint').first().waitFor();
      const rowsBefore = await historyRows.count();
      await app.setCell(planId, cell, next);

      // Both pages hear it: the last-change line, and the history list grows at the top.
      await poll(() => lan.getByTestId('live-last-change').textContent()).toMatch(
        /Thay đổi gần nhất: 1 ô \(API\)/,
      );
      await poll(() => minh.getByTestId('live-last-change').textContent()).toMatch(/Thay đổi gần nhất: 1 ô/);
      await poll(() => historyRows.count()).toBe(rowsBefore + 1);
      expect(await historyRows.first().textContent()).toContain(
        formatMoney(next, { locale: 'vi', unit: 'trieu' }),
      );
      await screenshot(lan, 'live-presence-overview');
      await screenshot(minh, 'live-history-updated');

      // Leaving the plan drops you from the others' presence bar.
      await minh.context().close();
      await poll(() => lanBar.textContent()).toContain('Chỉ có bạn đang mở kế hoạch này');
      await lan.context().close();
    },
    SLOW,
  );

  it(
    'labels the presence bar in English after a language switch',
    async () => {
      const page = await openAs('Hoa', 'versions', 'en');
      const other = await openAs('Tuấn', 'caps', 'en');
      const bar = page.getByRole('region', { name: 'People who have this plan open' });
      await poll(() => bar.getByRole('list', { name: 'Others with this plan open' }).textContent()).toContain(
        'Tuấn',
      );
      await page.getByRole('link', { name: 'History' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: 'Change history' }).waitFor();
      // Switching screens keeps the same live connection: still one viewer for this page.
      await poll(() =>
        other
          .getByRole('list', { name: 'Others with this plan open' })
          .locator('li', { hasText: 'Hoa' })
          .count(),
      ).toBe(1);
      await other.context().close();
      await page.context().close();
    },
    SLOW,
  );
});
