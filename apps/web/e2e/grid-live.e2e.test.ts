// Two planners on the same plan's grid: a change saved on one page (or by an integrator over the API)
// shows on the other without a reload, briefly highlighted, with its totals moved, and the other
// page's cell history (Alt+H) lists it with who, from where, and before → after.
import { formatMoney } from '@ntm/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickCell, gridCell, pinnedText } from './grid-page.ts';
import { globalId, launchBrowser, newPage, numericId, screenshot, startE2EApp } from './harness.ts';

const SLOW = 120_000;

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let planId: string;
let communes: { id: string }[];
let firstCriterion: string;
let sources: { id: string; code: string }[];

const source = (code: string) => sources.find((s) => s.code === code)!.id;
const colId = (sourceCode: string) => `cell|${firstCriterion}|${source(sourceCode)}`;
const money = (amount: bigint) => formatMoney(amount, { locale: 'vi', unit: 'trieu', withUnit: true });

async function storedCell(row: number, sourceCode: string): Promise<{ amount: bigint; version: number }> {
  const found = await app.db
    .selectFrom('allocation')
    .select(['amount', 'version'])
    .where('plan_id', '=', app.demoPlanId)
    .where('commune_id', '=', numericId(communes[row]!.id))
    .where('criterion_id', '=', numericId(firstCriterion))
    .where('source_id', '=', numericId(source(sourceCode)))
    .executeTakeFirst();
  return found ? { amount: BigInt(found.amount), version: found.version } : { amount: 0n, version: 0 };
}

async function openGridAs(name: string): Promise<Page> {
  const page = await newPage(browser);
  await page.addInitScript((viewerName) => window.localStorage.setItem('ntm.viewerName', viewerName), name);
  await page.goto(`${app.url}/plans/${encodeURIComponent(planId)}/grid`);
  await expect.poll(() => gridCell(page, 0, colId('NSTW')).count(), { timeout: 30_000 }).toBe(1);
  return page;
}

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  planId = globalId('Plan', app.demoPlanId);
  const data = await app.gql(
    `query($id: ID!) { plan(id: $id) { communes { commune { id } }
      criteriaSet { groups { id position } criteria { id number groupId } } }
      fundingSources { id code position } }`,
    { id: planId },
  );
  communes = data.plan.communes.map((c: any) => c.commune);
  const groups = [...data.plan.criteriaSet.groups].sort((a: any, b: any) => a.position - b.position);
  firstCriterion = data.plan.criteriaSet.criteria
    .filter((c: any) => c.groupId === groups[0].id)
    .sort((a: any, b: any) => a.number - b.number)[0].id;
  sources = [...data.fundingSources].sort((a: any, b: any) => a.position - b.position);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('allocation grid, live', () => {
  it(
    "shows another planner's edit without a reload, highlighted, with totals moved, and lists it in the cell history",
    async () => {
      const lan = await openGridAs('Lan Nguyễn');
      const minh = await openGridAs('Minh Trần');
      const row = 4;
      const target = colId('NSTW');
      const before = await storedCell(row, 'NSTW');
      const totalBefore = await pinnedText(lan, 0, target);
      expect(totalBefore).not.toBe('<missing>');
      // Both pages are live before Minh edits.
      await expect
        .poll(() => lan.getByTestId('presence-bar').textContent(), { timeout: 15_000 })
        .toContain('Minh Trần');

      await clickCell(minh, row, target);
      await minh.keyboard.type('77');
      await minh.keyboard.press('Enter');
      await expect
        .poll(() => storedCell(row, 'NSTW').then((c) => c.amount), { timeout: 30_000 })
        .toBe(77_000_000n);

      // Lan's page: the new value, highlighted, and the column total moved by the difference.
      await expect.poll(() => gridCell(lan, row, target).textContent(), { timeout: 15_000 }).toBe('77');
      await expect.poll(() => gridCell(lan, row, target).getAttribute('class')).toMatch(/cell--live/);
      await screenshot(lan, 'grid-live-highlight');
      await expect.poll(() => pinnedText(lan, 0, target)).not.toBe(totalBefore);
      expect(await pinnedText(lan, 0, target)).toBe(await pinnedText(minh, 0, target));
      // The highlight is brief.
      await expect
        .poll(() => gridCell(lan, row, target).getAttribute('class'), { timeout: 10_000 })
        .not.toMatch(/cell--live/);
      // Minh's own save is not replayed on Minh's page as someone else's change.
      expect(await gridCell(minh, row, target).getAttribute('class')).not.toMatch(/cell--live/);

      // An integrator writes another cell over the API: Lan sees it too.
      const other = await storedCell(row + 1, 'NSTW');
      await app.gql(
        `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename } }`,
        {
          input: {
            planId,
            cells: [
              {
                communeId: communes[row + 1]!.id,
                criterionId: firstCriterion,
                sourceId: source('NSTW'),
                amount: '42000000',
                expectedVersion: other.version,
              },
            ],
          },
        },
      );
      await expect.poll(() => gridCell(lan, row + 1, target).textContent(), { timeout: 15_000 }).toBe('42');
      await expect.poll(() => gridCell(minh, row + 1, target).textContent(), { timeout: 15_000 }).toBe('42');

      // Lan opens the history of Minh's cell from the keyboard: Minh's change is listed first.
      await clickCell(lan, row, target);
      await lan.keyboard.press('Alt+KeyH');
      const history = lan.getByTestId('cell-history');
      await expect.poll(() => history.isVisible()).toBe(true);
      const entries = lan.getByTestId('cell-history-entry');
      await expect.poll(() => entries.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const newest = (await entries.first().textContent()) ?? '';
      expect(newest).toContain('Bảng phân bổ');
      expect(newest).toContain(`→ ${money(77_000_000n)}`);
      expect(newest).toContain(before.amount === 0n ? '—' : money(before.amount));
      await screenshot(lan, 'grid-cell-history');
      // Escape closes it and gives focus back to the cell.
      await lan.keyboard.press('Escape');
      await expect.poll(() => history.count()).toBe(0);
      await expect
        .poll(() =>
          lan.evaluate(() => {
            const focused = document.activeElement?.closest('.ag-cell');
            return `${focused?.closest('.ag-row')?.getAttribute('row-index')}:${focused?.getAttribute('col-id')}`;
          }),
        )
        .toBe(`${row}:${target}`);

      // The integrator's change is listed with its origin, in English after a language switch.
      await lan.getByRole('button', { name: /English/ }).click();
      await clickCell(lan, row + 1, target);
      await lan.getByRole('button', { name: 'Cell history' }).click();
      await expect.poll(() => entries.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await entries.first().textContent()).toContain('admin · API');
      await history.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => history.count()).toBe(0);

      await minh.context().close();
      await lan.context().close();
    },
    SLOW,
  );
  it(
    'rereads the grid after a batch too large to stream, keeping an unsent edit, which then meets the change as a conflict',
    async () => {
      const lan = await openGridAs('Lan Nguyễn');
      await expect
        .poll(() => lan.getByTestId('presence-bar').textContent(), { timeout: 15_000 })
        .toContain('Cập nhật trực tiếp');
      // Lan's saves cannot get through for now: her edit waits, unsent.
      await lan.route('**/graphql', (route) =>
        /mutation SaveAllocations/.test(route.request().postData() ?? '')
          ? route.abort('internetdisconnected')
          : route.fallback(),
      );
      const row = 8;
      await clickCell(lan, row, colId('NSTW'));
      await lan.keyboard.type('9');
      await lan.keyboard.press('Enter');
      await expect.poll(() => lan.getByTestId('save-status').getAttribute('data-pending')).toBe('1');

      // An integrator writes 48 cells at once (more than a live event carries), Lan's cell among them.
      const codes = ['NSTW', 'NS_TINH', 'NS_HUYEN', 'NS_XA'];
      const cells = Array.from({ length: 12 }, (_, index) =>
        codes.map((code) => ({
          communeId: communes[index]!.id,
          criterionId: firstCriterion,
          sourceId: source(code),
          amount: '11000000',
        })),
      ).flat();
      const answer = await app.gql(
        `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) {
          __typename ... on SetAllocationsPayload { changedCount } } }`,
        { input: { planId, cells } },
      );
      expect(answer.setAllocations.__typename).toBe('SetAllocationsPayload');

      // Lan's grid rereads quietly: the others' values are in, her unsent value stays.
      await expect
        .poll(() => gridCell(lan, 0, colId('NS_TINH')).textContent(), { timeout: 15_000 })
        .toBe('11');
      await expect.poll(() => gridCell(lan, 3, colId('NS_XA')).textContent()).toBe('11');
      expect(await gridCell(lan, row, colId('NSTW')).textContent()).toBe('9');
      expect(await gridCell(lan, row, colId('NSTW')).getAttribute('class')).toMatch(/cell--pending/);
      expect(await lan.getByTestId('save-status').getAttribute('data-pending')).toBe('1');

      // Back online: her edit was based on the older version, so it is a conflict, not an overwrite.
      await lan.unroute('**/graphql');
      await lan.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect
        .poll(() => gridCell(lan, row, colId('NSTW')).getAttribute('class'), { timeout: 30_000 })
        .toMatch(/cell--conflict/);
      await expect.poll(() => lan.getByTestId('save-status').getAttribute('data-conflicts')).toBe('1');
      expect((await storedCell(row, 'NSTW')).amount).toBe(11_000_000n);
      await lan.context().close();
    },
    SLOW,
  );
  it(
    'turns read-only at once when the plan is submitted elsewhere, with the header badge updated',
    async () => {
      const lan = await openGridAs('Lan Nguyễn');
      await expect
        .poll(() => lan.getByTestId('presence-bar').textContent(), { timeout: 15_000 })
        .toContain('Cập nhật trực tiếp');
      expect(await lan.getByTestId('plan-status').textContent()).toBe('Nháp');
      // Submitting needs the Program 135 communes' public consultations on record.
      const { plan } = await app.gql(`query($id: ID!) { plan(id: $id) { missingConsultations { id } } }`, {
        id: planId,
      });
      for (const commune of plan.missingConsultations) {
        await app.gql(
          `mutation($i: RecordConsultationInput!) { recordConsultation(input: $i) { __typename } }`,
          {
            i: {
              planId,
              communeId: commune.id,
              heldOn: '2022-03-15',
              outcome: 'AGREED',
              minutesRef: 'BB-01/2022',
            },
          },
        );
      }
      const step = async (mutation: 'submitPlan' | 'returnPlan') => {
        const comment = mutation === 'returnPlan' ? ', comment: "Giảm vốn xã Lục Sơn"' : '';
        const answer = await app.gql(
          `mutation($planId: ID!) { ${mutation}(planId: $planId${comment}) { __typename } }`,
          { planId },
        );
        expect(answer[mutation].__typename).toBe('PlanPayload');
      };
      const row = 6;
      const target = colId('NSTW');
      const before = await storedCell(row, 'NSTW');

      await step('submitPlan');
      await expect
        .poll(() => lan.getByTestId('plan-status').textContent(), { timeout: 15_000 })
        .toBe('Đã trình');
      await expect.poll(() => lan.getByTestId('grid-locked').isVisible()).toBe(true);
      // Typing into a cell opens no editor and saves nothing.
      await clickCell(lan, row, target);
      await lan.keyboard.type('5');
      await lan.keyboard.press('Enter');
      expect(await lan.locator('.ag-cell-inline-editing').count()).toBe(0);
      expect(await lan.getByTestId('save-status').getAttribute('data-pending')).toBe('0');
      expect(await gridCell(lan, row, target).getAttribute('class')).toMatch(/cell--readonly/);
      await screenshot(lan, 'grid-locked-live');

      // Returned to draft: editable again without a reload.
      await step('returnPlan');
      await expect.poll(() => lan.getByTestId('plan-status').textContent(), { timeout: 15_000 }).toBe('Nháp');
      await expect.poll(() => lan.getByTestId('grid-locked').count()).toBe(0);
      expect(await storedCell(row, 'NSTW')).toEqual(before);
      await lan.context().close();
    },
    SLOW,
  );
});
