// Versions and change history on the Lục Nam demo: a named snapshot, a change made through the API
// shows up in the diff with the right delta, restoring makes a new draft plan with the snapshot's
// values, and the history lists the change and reverts it (and explains a conflicting revert).
import { formatMoney } from '@ntm/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, startE2EApp } from './harness.ts';

const SLOW = 120_000;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
/** 250 triệu đồng. */
const DELTA = 250_000_000n;

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let planId: string;

type Cell = { communeId: string; criterionId: string; sourceId: string; amount: string; version: number };

async function firstCell(id: string): Promise<Cell & { communeName: string }> {
  const data = await app.gql<{
    plan: { allocations: { edges: Array<{ node: Cell & { commune: { name: string } } }> } };
  }>(
    `query($id: ID!) { plan(id: $id) { allocations(first: 1, filter: { nonZero: true }) { edges { node {
      communeId criterionId sourceId amount version commune { name } } } } } }`,
    { id },
  );
  const node = data.plan.allocations.edges[0]!.node;
  return { ...node, communeName: node.commune.name };
}

async function readCell(
  id: string,
  cell: Pick<Cell, 'communeId' | 'criterionId' | 'sourceId'>,
): Promise<Cell> {
  const data = await app.gql<{ plan: { allocations: { edges: Array<{ node: Cell }> } } }>(
    `query($id: ID!, $filter: AllocationFilter) { plan(id: $id) { allocations(first: 1, filter: $filter) {
      edges { node { communeId criterionId sourceId amount version } } } } }`,
    { id, filter: { communeId: cell.communeId, criterionId: cell.criterionId, sourceId: cell.sourceId } },
  );
  return data.plan.allocations.edges[0]?.node ?? { ...cell, amount: '0', version: 0 };
}

const setCell = (cell: Cell, amount: bigint) => app.setCell(planId, cell, amount);

const millions = (value: bigint, locale: 'vi' | 'en' = 'vi') => formatMoney(value, { locale, unit: 'trieu' });
const withUnit = (value: bigint) => formatMoney(value, { locale: 'vi', unit: 'trieu', withUnit: true });
/** "before → after" as shown; screen readers also get a hidden "thành" after the arrow. */
const change = (before: bigint, after: bigint) =>
  new RegExp(`${escapeRegExp(millions(before))} →(?:thành)? ${escapeRegExp(millions(after))}`);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A grid cell by its row (commune) and column ids. */
const page0Cell = (communeId: string, colId: string) =>
  `.ag-row[row-id="${communeId}"]:not(.ag-row-pinned) .ag-cell[col-id="${colId}"]`;
const screenUrl = (id: string, screen: string) => `${app.url}/plans/${encodeURIComponent(id)}/${screen}`;

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

async function openVersions(page: Page) {
  await page.goto(screenUrl(planId, 'versions'));
  await page.getByRole('heading', { level: 2, name: 'Phiên bản kế hoạch' }).waitFor();
}

describe('versions', () => {
  it(
    'saves a named snapshot, shows a later API change in the diff live, and restores it as a new draft',
    async () => {
      const page = await newPage(browser);
      await openVersions(page);
      const tabs = page.getByRole('navigation', { name: 'Các màn hình của kế hoạch' });
      await poll(() => tabs.getByRole('link', { name: 'Phiên bản' }).getAttribute('aria-current')).toBe(
        'page',
      );

      // Keyboard only: type a name and press Enter.
      await page.getByLabel('Tên phiên bản').fill('Bản trình HĐND 15/8/2022');
      await page.getByLabel('Tên phiên bản').press('Enter');
      await page.getByText('Đã lưu phiên bản “Bản trình HĐND 15/8/2022”.').waitFor();
      const row = page.getByTestId('snapshot-row').filter({ hasText: 'Bản trình HĐND 15/8/2022' });
      await row.waitFor();
      await poll(() => page.getByTestId('diff-changed-cells').textContent()).toBe('0');

      const cell = await firstCell(planId);
      const before = BigInt(cell.amount);
      await setCell(cell, before + DELTA);

      // No reload: the comparison with "now" follows the committed change.
      await poll(() => page.getByTestId('diff-total-delta').textContent()).toBe(`+${millions(DELTA)}`);
      await poll(() => page.getByTestId('diff-changed-cells').textContent()).toBe('1');
      const changed = page.getByTestId('diff-cells').locator('tbody tr');
      await poll(() => changed.count()).toBe(1);
      const changedText = await changed.first().textContent();
      expect(changedText).toContain(cell.communeName);
      expect(changedText).toMatch(change(before, before + DELTA));
      expect(changedText).toContain(`+${millions(DELTA)}`);
      await page.getByRole('button', { name: 'Theo nguồn vốn' }).click();
      await poll(() => page.getByTestId('diff-by-source').locator('tbody tr').count()).toBe(1);
      await screenshot(page, 'versions-diff');

      // Restore: confirm in a dialog, then land on the new draft plan.
      await page
        .getByRole('button', { name: 'Khôi phục “Bản trình HĐND 15/8/2022” thành kế hoạch nháp mới' })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await screenshot(page, 'versions-restore-dialog');
      await dialog.getByRole('button', { name: 'Khôi phục thành kế hoạch mới' }).click();
      await poll(() => new URL(page.url()).pathname).toMatch(/^\/plans\/[^/]+\/grid$/);
      const newPlanId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
      expect(newPlanId).not.toBe(planId);
      await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('khôi phục từ');

      const restored = await app.gql<{ plan: { status: string } }>(
        'query($id: ID!) { plan(id: $id) { status } }',
        {
          id: newPlanId,
        },
      );
      expect(restored.plan.status).toBe('DRAFT');
      expect((await readCell(newPlanId, cell)).amount).toBe(before.toString());
      expect((await readCell(planId, cell)).amount).toBe((before + DELTA).toString());
      await page.context().close();
    },
    SLOW,
  );
});

describe('comparing the grid with a version', () => {
  it(
    'marks the cells that differ from a snapshot with old → new, follows a later change, and lists the totals',
    async () => {
      // The first test left the snapshot and one changed cell; an API edit of a visible cell follows.
      const axes = await app.gql<{
        plan: {
          communes: Array<{ commune: { id: string } }>;
          criteriaSet: {
            groups: Array<{ id: string; position: number }>;
            criteria: Array<{ id: string; number: number; groupId: string }>;
          };
        };
        fundingSources: Array<{ id: string; position: number }>;
      }>(
        `query($id: ID!) { plan(id: $id) { communes { commune { id } }
          criteriaSet { groups { id position } criteria { id number groupId } } }
          fundingSources { id position } }`,
        { id: planId },
      );
      const firstGroup = [...axes.plan.criteriaSet.groups].sort((a, b) => a.position - b.position)[0]!;
      const criterionId = axes.plan.criteriaSet.criteria
        .filter((criterion) => criterion.groupId === firstGroup.id)
        .sort((a, b) => a.number - b.number)[0]!.id;
      const sourceId = [...axes.fundingSources].sort((a, b) => a.position - b.position)[0]!.id;
      const communeId = axes.plan.communes[2]!.commune.id;
      const gridCell = page0Cell(communeId, `cell|${criterionId}|${sourceId}`);

      const page = await newPage(browser);
      await page.goto(screenUrl(planId, 'grid'));
      await poll(() => page.locator(gridCell).count()).toBe(1);
      const picker = page.getByTestId('grid-compare');
      await picker.focus();
      await poll(() => picker.locator('option').count()).toBe(2);
      await picker.selectOption({ label: 'Bản trình HĐND 15/8/2022' });
      const summary = page.getByTestId('grid-compare-summary');
      await poll(() => summary.locator('summary').textContent()).toContain('1 ô khác');
      expect(await page.locator(gridCell).getAttribute('class')).not.toMatch(/cell--changed/);

      const stored = await readCell(planId, { communeId, criterionId, sourceId });
      await setCell(stored, BigInt(stored.amount) + DELTA);
      await poll(() => summary.locator('summary').textContent()).toContain('2 ô khác');
      await poll(() => page.locator(gridCell).getAttribute('class')).toMatch(/cell--changed/);
      await page.locator(gridCell).hover();
      await poll(() => page.locator('.ag-tooltip').textContent()).toBe(
        `Ở “Bản trình HĐND 15/8/2022”: ${withUnit(BigInt(stored.amount))} → nay ${withUnit(BigInt(stored.amount) + DELTA)}`,
      );
      // The totals that moved: both changes add DELTA to the first source.
      await summary.locator('summary').click();
      const bySource = summary.getByTestId('diff-by-source').locator('tbody tr');
      await poll(() => bySource.count()).toBeGreaterThan(0);
      await poll(() => summary.locator('summary').textContent()).toContain(`+${millions(2n * DELTA)}`);
      await screenshot(page, 'grid-compare');

      await picker.selectOption({ label: 'So sánh với phiên bản…' });
      await poll(() => page.locator('.cell--changed').count()).toBe(0);
      expect(await summary.count()).toBe(0);
      await page.context().close();
    },
    SLOW,
  );
});

describe('change history', () => {
  it(
    'lists an API change newest first, reverts it, and explains a revert that meets a newer change',
    async () => {
      const page = await newPage(browser);
      const cell = await firstCell(planId);
      const start = BigInt(cell.amount);
      await setCell(cell, start + DELTA);

      await page.goto(screenUrl(planId, 'history'));
      await page.getByRole('heading', { level: 2, name: 'Lịch sử thay đổi' }).waitFor();
      const rows = page.getByTestId('audit-row');
      await rows.first().waitFor();
      const newest = await rows.first().textContent();
      expect(newest).toContain('Ô phân bổ');
      expect(newest).toContain(cell.communeName);
      expect(newest).toMatch(change(start, start + DELTA));
      await screenshot(page, 'history');

      await rows
        .first()
        .getByRole('button', { name: /^Hoàn tác thay đổi/ })
        .click();
      await page.getByText('Đã hoàn tác 1 thay đổi.').waitFor();
      await poll(async () => (await readCell(planId, cell)).amount).toBe(start.toString());
      // The revert itself is audited and appears on top without a reload.
      await poll(() => rows.first().textContent()).toContain('hoàn tác');

      // Two more changes; reverting the older one meets the newer: nothing is written.
      const afterRevert = await readCell(planId, cell);
      await setCell(afterRevert, start + 1_000_000n);
      const middle = await readCell(planId, cell);
      await setCell(middle, start + 2_000_000n);
      const olderChange = rows.filter({ hasText: change(start, start + 1_000_000n) });
      await olderChange.first().waitFor();
      await olderChange
        .first()
        .getByRole('button', { name: /^Hoàn tác thay đổi/ })
        .click();
      const conflict = page.getByTestId('revert-conflict');
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain('Không hoàn tác được: số liệu đã thay đổi sau đó');
      expect((await readCell(planId, cell)).amount).toBe((start + 2_000_000n).toString());
      await screenshot(page, 'history-revert-conflict');

      // The explanation follows the language switch.
      await page.getByRole('button', { name: 'English' }).click();
      await poll(() => conflict.textContent()).toContain('Could not revert: the figures changed since');
      await page.getByRole('heading', { level: 2, name: 'Change history' }).waitFor();

      // Filters: another source shows none of this cell's changes.
      await page.getByLabel('Changed by').fill('nobody-by-this-name');
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await page.getByText('No change matches the filters.').waitFor();
      await page.context().close();
    },
    SLOW,
  );
});
