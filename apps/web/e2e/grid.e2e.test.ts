// The allocation grid in a real browser on the Lục Nam demo: typing, pasting from Excel, fill,
// undo/redo, copy, invalid pastes, persistence across a reload, the three views agreeing, mouse and
// keyboard editing, unsent edits surviving a reload, conflicts between two planners, and no request
// leaving the machine.
import { formatMoney } from '@ntm/domain';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickCell as clickCellOn,
  focusedCell as focusedCellOn,
  gridCell,
  pinnedText,
  revealCell,
  waitSaved as waitSavedOn,
} from './grid-page.ts';
import { globalId, launchBrowser, newPage, numericId, screenshot, startE2EApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let page: Page;
let planId: string;
/** Grid rows in display order, criteria in display order, sources by position. */
let communes: { id: string; name: string; isProgram135: boolean }[];
let firstCriterion: string;
let sources: { id: string; code: string }[];
/** Requests to anywhere but the app itself, from every grid page of this file. */
const external: string[] = [];

function watchRequests(target: Page) {
  target.on('request', (request: Request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).hostname !== '127.0.0.1') external.push(url);
  });
}

async function storedAmount(
  communeId: string,
  sourceId: string,
  criterionId = firstCriterion,
): Promise<bigint> {
  const row = await app.db
    .selectFrom('allocation')
    .select('amount')
    .where('plan_id', '=', app.demoPlanId)
    .where('commune_id', '=', numericId(communeId))
    .where('criterion_id', '=', numericId(criterionId))
    .where('source_id', '=', numericId(sourceId))
    .executeTakeFirst();
  return row ? BigInt(row.amount) : 0n;
}

async function allocationSnapshot(): Promise<string> {
  const rows = await app.db
    .selectFrom('allocation')
    .select(['commune_id', 'criterion_id', 'source_id', 'amount', 'version'])
    .where('plan_id', '=', app.demoPlanId)
    .orderBy(['commune_id', 'criterion_id', 'source_id'])
    .execute();
  return JSON.stringify(rows, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
}

const source = (code: string) => sources.find((s) => s.code === code)!.id;
const colId = (sourceCode: string, criterionId = firstCriterion) =>
  `cell|${criterionId}|${source(sourceCode)}`;

// This file's steps act on its one page unless told otherwise.
const cell = (row: number, col: string, on: Page = page) => gridCell(on, row, col);
const pinned = (kind: 0 | 1 | 2 | 3, col: string) => pinnedText(page, kind, col);
const waitSaved = (on: Page = page) => waitSavedOn(on);
const focusedCell = (on: Page = page) => focusedCellOn(on);
const reveal = (row: number, col: string, on: Page = page) => revealCell(on, row, col);
const clickCell = (row: number, col: string, on: Page = page, options: { shift?: boolean } = {}) =>
  clickCellOn(on, row, col, options);

async function centerOf(row: number, col: string) {
  const box = await cell(row, col).boundingBox();
  if (!box) throw new Error(`cell ${row} ${col} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const money = (amount: bigint) => formatMoney(amount, { unit: 'trieu', withUnit: true });

async function pasteText(text: string) {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}

async function openGrid(on: Page = page) {
  await on.goto(`${app.url}/plans/${encodeURIComponent(planId)}/grid`);
  await expect.poll(() => cell(0, colId('NSTW'), on).count(), { timeout: 30_000 }).toBe(1);
}

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  planId = globalId('Plan', app.demoPlanId);
  const data = await app.gql(
    `query($id: ID!) { plan(id: $id) { communes { commune { id name isProgram135 } }
      criteriaSet { groups { id position } criteria { id number groupId } } }
      fundingSources { id code position } }`,
    { id: planId },
  );
  communes = data.plan.communes.map((c: any) => c.commune);
  const groups = [...data.plan.criteriaSet.groups].sort((a: any, b: any) => a.position - b.position);
  const firstGroup = groups[0].id;
  firstCriterion = data.plan.criteriaSet.criteria
    .filter((c: any) => c.groupId === firstGroup)
    .sort((a: any, b: any) => a.number - b.number)[0].id;
  sources = [...data.fundingSources].sort((a: any, b: any) => a.position - b.position);
  page = await newPage(browser);
  watchRequests(page);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('allocation grid', () => {
  it('shows the communes with pinned columns, criteria groups and the analysis panel', async () => {
    await openGrid();
    // In the grid: the folded consultation records name the commune too.
    await expect
      .poll(() => page.getByTestId('allocation-grid').getByText('Lục Sơn').first().isVisible())
      .toBe(true);
    await expect.poll(() => page.getByTestId('analysis-panel').isVisible()).toBe(true);
    await screenshot(page, 'grid-by-source');
  });

  it('saves a typed value in the displayed unit (triệu) with the grid origin', async () => {
    await cell(0, colId('NSTW')).click();
    await page.keyboard.type('1,5');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(0, colId('NSTW')).textContent()).toBe('1,5');
    await waitSaved();
    expect(await storedAmount(communes[0]!.id, source('NSTW'))).toBe(1_500_000n);
    const audit = await app.db
      .selectFrom('audit_log')
      .select('origin')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.origin).toBe('grid');
  });

  it('pastes a 10×6 block from Excel as one batch and reports the cells that cannot take money', async () => {
    await cell(0, colId('NSTW')).click();
    const block = Array.from({ length: 10 }, (_, r) =>
      Array.from({ length: 6 }, (_, c) => (r === 0 && c === 0 ? ' 1.234 ' : `${r + 1}${c + 1}`)).join('\t'),
    ).join('\r\n');
    const auditBefore = await app.db.selectFrom('audit_log').select(['batch_id']).execute();
    await pasteText(`${block}\r\n`);
    await expect.poll(() => page.getByTestId('grid-notice').textContent()).toMatch(/Đã dán/);
    const nonP135 = communes.slice(0, 10).filter((c) => !c.isProgram135).length;
    if (nonP135 > 0) {
      // CT135 is the 5th source: non-Program-135 communes cannot take it, and the grid says so.
      await expect.poll(() => page.getByTestId('grid-notice').textContent()).toMatch(/không nhận giá trị/);
    }
    await waitSaved();
    expect(await storedAmount(communes[0]!.id, source('NSTW'))).toBe(1_234_000_000n);
    expect(await storedAmount(communes[9]!.id, source('LONG_GHEP'))).toBe(106_000_000n);
    expect(await storedAmount(communes[3]!.id, source('NS_XA'))).toBe(44_000_000n);
    // One paste, one mutation: every new audit row of the paste shares one batch.
    const auditAfter = await app.db.selectFrom('audit_log').select(['batch_id']).execute();
    const newBatches = new Set(auditAfter.slice(auditBefore.length).map((row) => row.batch_id));
    expect(newBatches.size).toBe(1);
    await screenshot(page, 'grid-after-paste');
  });

  it('fills down with Ctrl+D, then undoes and redoes the fill as one step', async () => {
    await clickCell(0, colId('NS_TINH'));
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.getByTestId('grid-status').textContent()).toMatch(/4 × 1/);
    await page.keyboard.press('Control+d');
    for (let r = 1; r <= 3; r++) await expect.poll(() => cell(r, colId('NS_TINH')).textContent()).toBe('12');
    await waitSaved();
    expect(await storedAmount(communes[3]!.id, source('NS_TINH'))).toBe(12_000_000n);

    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(3, colId('NS_TINH')).textContent()).toBe('42');
    await expect.poll(() => cell(1, colId('NS_TINH')).textContent()).toBe('22');
    await waitSaved();
    expect(await storedAmount(communes[3]!.id, source('NS_TINH'))).toBe(42_000_000n);

    await page.keyboard.press('Control+y');
    await expect.poll(() => cell(3, colId('NS_TINH')).textContent()).toBe('12');
    await waitSaved();
    expect(await storedAmount(communes[3]!.id, source('NS_TINH'))).toBe(12_000_000n);
  });

  it('copies a range as tab-separated text that spreadsheets paste', async () => {
    await page.evaluate(() => {
      window.addEventListener('copy', (event) => {
        (window as any).__copied = event.clipboardData?.getData('text/plain');
      });
    });
    await cell(1, colId('NSTW')).click();
    await cell(2, colId('NS_TINH')).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('grid-status').textContent()).toMatch(/2 × 2/);
    await page.keyboard.press('Control+c');
    await expect.poll(() => page.evaluate(() => (window as any).__copied)).toBe('21\t12\r\n31\t12\r\n');
  });

  it('rejects a paste with text or negative numbers, lists the errors and writes nothing', async () => {
    const before = await allocationSnapshot();
    await cell(5, colId('NSTW')).click();
    await pasteText('abc\t-5\r\n7\t8\r\n');
    const alert = page.locator('[data-testid="grid-notice"][role="alert"]');
    await expect.poll(() => alert.textContent()).toMatch(/Không dán/);
    await expect.poll(() => alert.textContent()).toMatch(/abc/);
    await expect.poll(() => alert.textContent()).toMatch(/âm/);
    await expect.poll(() => cell(5, colId('NSTW')).textContent()).toBe('61');
    await page.waitForTimeout(500);
    expect(await allocationSnapshot()).toBe(before);
    await screenshot(page, 'grid-invalid-paste');
  });

  it('keeps values and totals after a reload', async () => {
    const totalBefore = await pinned(0, colId('NSTW'));
    expect(totalBefore).not.toBe('<missing>');
    await page.reload();
    await expect.poll(() => cell(0, colId('NSTW')).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => cell(0, colId('NSTW')).textContent()).toBe('1.234');
    await expect.poll(() => cell(3, colId('NS_TINH')).textContent()).toBe('12');
    await expect.poll(() => pinned(0, colId('NSTW'))).toBe(totalBefore);
  });

  it('agrees on totals in the by-source, total and one-source views', async () => {
    const rows = await app.db
      .selectFrom('allocation')
      .select(['source_id', 'amount'])
      .where('plan_id', '=', app.demoPlanId)
      .where('criterion_id', '=', numericId(firstCriterion))
      .execute();
    const criterionTotal = rows.reduce((sum, row) => sum + BigInt(row.amount), 0n);
    const nstw = await pinned(0, colId('NSTW'));
    expect(nstw).toBe(
      formatMoney(
        rows
          .filter((row) => row.source_id === numericId(source('NSTW')))
          .reduce((sum, row) => sum + BigInt(row.amount), 0n),
        { unit: 'trieu' },
      ),
    );

    await page.getByRole('button', { name: 'Tổng theo tiêu chí' }).click();
    await expect.poll(() => page.getByTestId('allocation-grid').getAttribute('data-view')).toBe('total');
    await expect.poll(() => page.getByText(/Cách xem tổng chỉ để đọc/).isVisible()).toBe(true);
    await expect
      .poll(() => pinned(0, `crit|${firstCriterion}`))
      .toBe(formatMoney(criterionTotal, { unit: 'trieu' }));
    await screenshot(page, 'grid-total-view');

    await page.getByRole('button', { name: 'Một nguồn vốn' }).click();
    await expect.poll(() => page.getByTestId('allocation-grid').getAttribute('data-view')).toBe('oneSource');
    await expect.poll(() => pinned(0, colId('NSTW'))).toBe(nstw);
    await page.getByRole('button', { name: 'Theo nguồn vốn' }).click();
  });

  it('selects a range by dragging the mouse and shows its sum and count in the status line', async () => {
    const third = sources[2]!.code;
    await reveal(1, colId('NSTW'));
    const start = await centerOf(1, colId('NSTW'));
    const middle = await centerOf(2, colId('NS_TINH'));
    const end = await centerOf(3, colId(third));
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(middle.x, middle.y, { steps: 4 });
    await page.mouse.move(end.x, end.y, { steps: 4 });
    await page.mouse.up();
    let sum = 0n;
    for (const commune of communes.slice(1, 4))
      for (const code of ['NSTW', 'NS_TINH', third]) sum += await storedAmount(commune.id, source(code));
    await expect
      .poll(() => page.getByTestId('grid-status').textContent())
      .toContain(`Vùng chọn 3 × 3 · 9 số · Tổng ${money(sum)}`);
    await expect.poll(() => page.locator('.ag-cell.cell--selected').count()).toBe(9);
  });

  it('clears a range with Delete as one undo step', async () => {
    await clickCell(6, colId('NSTW'));
    await clickCell(7, colId('NS_TINH'), page, { shift: true });
    await expect.poll(() => page.getByTestId('grid-status').textContent()).toMatch(/2 × 2/);
    await page.keyboard.press('Delete');
    for (const row of [6, 7])
      for (const code of ['NSTW', 'NS_TINH'])
        await expect.poll(() => cell(row, colId(code)).textContent()).toBe('');
    await waitSaved();
    expect(await storedAmount(communes[7]!.id, source('NS_TINH'))).toBe(0n);

    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(6, colId('NSTW')).textContent()).toBe('71');
    await expect.poll(() => cell(7, colId('NS_TINH')).textContent()).toBe('82');
    await waitSaved();
    expect(await storedAmount(communes[6]!.id, source('NSTW'))).toBe(71_000_000n);
    expect(await storedAmount(communes[7]!.id, source('NS_TINH'))).toBe(82_000_000n);
  });

  it('fills right with Ctrl+R from the first column of the range', async () => {
    const third = sources[2]!.code;
    await clickCell(8, colId('NSTW'));
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => page.getByTestId('grid-status').textContent()).toMatch(/1 × 2/);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => page.getByTestId('grid-status').textContent()).toMatch(/1 × 3/);
    await page.keyboard.press('Control+r');
    await expect.poll(() => cell(8, colId('NS_TINH')).textContent()).toBe('91');
    await expect.poll(() => cell(8, colId(third)).textContent()).toBe('91');
    await waitSaved();
    expect(await storedAmount(communes[8]!.id, source(third))).toBe(91_000_000n);
  });

  it('keeps a range that grows faster than the grid reports focus (held Shift+→ repeating)', async () => {
    await clickCell(9, colId('NSTW'));
    await expect.poll(() => page.getByTestId('grid-status').textContent()).toMatch(/1 × 1/);
    // Key repeat can queue several presses before AG Grid hands over the focus events of the first
    // ones (it does so in a later timeout); those late events must not shrink the range again.
    const status = await page.evaluate(async () => {
      const target = document.activeElement as HTMLElement;
      for (let i = 0; i < 3; i++)
        target.dispatchEvent(
          new KeyboardEvent('keydown', {
            key: 'ArrowRight',
            shiftKey: true,
            bubbles: true,
            cancelable: true,
          }),
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
      return document.querySelector('[data-testid="grid-status"]')?.textContent ?? '';
    });
    expect(status).toMatch(/1 × 4/);
    expect(await focusedCell()).toBe(`9:${colId(sources[3]!.code)}`);
  });

  it('edits with F2, cancels with Escape, commits with Enter (moving down) and Tab (moving right)', async () => {
    const before = await storedAmount(communes[4]!.id, source('NSTW'));
    await clickCell(4, colId('NSTW'));
    await page.keyboard.press('F2');
    const editor = page.locator('input.money-editor');
    await expect.poll(() => editor.inputValue()).toBe('51');
    await page.keyboard.type('999');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => cell(4, colId('NSTW')).textContent()).toBe('51');

    await page.keyboard.press('F2');
    await expect.poll(() => editor.inputValue()).toBe('51');
    await page.keyboard.type('52');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(4, colId('NSTW')).textContent()).toBe('52');
    await expect.poll(() => focusedCell()).toBe(`5:${colId('NSTW')}`);

    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    await expect.poll(() => cell(5, colId('NSTW')).textContent()).toBe('7');
    await expect.poll(() => focusedCell()).toBe(`5:${colId('NS_TINH')}`);
    await waitSaved();
    expect(before).toBe(51_000_000n);
    expect(await storedAmount(communes[4]!.id, source('NSTW'))).toBe(52_000_000n);
    expect(await storedAmount(communes[5]!.id, source('NSTW'))).toBe(7_000_000n);
  });

  it('keeps an unsent edit through a reload and saves it, under the same idempotency key, once the server is back', async () => {
    const keys: string[] = [];
    const isSave = (request: Request) => /mutation SaveAllocations/.test(request.postData() ?? '');
    // Only saves fail: the page still loads the plan after the reload.
    await page.route('**/graphql', async (route) => {
      if (!isSave(route.request())) return route.fallback();
      keys.push((await route.request().headerValue('idempotency-key')) ?? '<none>');
      return route.abort('internetdisconnected');
    });
    await clickCell(9, colId('NSTW'));
    await page.keyboard.type('123');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-pending')).toBe('1');
    await expect.poll(() => keys.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect
      .poll(() =>
        page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('ntm.grid.pending.'))),
      )
      .toBe(true);

    await page.reload();
    await expect.poll(() => cell(9, colId('NSTW')).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => cell(9, colId('NSTW')).textContent()).toBe('123');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-pending')).toBe('1');
    await expect.poll(() => cell(9, colId('NSTW')).getAttribute('class')).toMatch(/cell--pending/);
    expect(await storedAmount(communes[9]!.id, source('NSTW'))).toBe(101_000_000n);

    const sentKeys: string[] = [];
    const onRequest = async (request: Request) => {
      if (isSave(request)) sentKeys.push((await request.headerValue('idempotency-key')) ?? '<none>');
    };
    page.on('request', onRequest);
    await page.unroute('**/graphql');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitSaved();
    page.off('request', onRequest);
    expect(await storedAmount(communes[9]!.id, source('NSTW'))).toBe(123_000_000n);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sentKeys).toEqual([keys[0]]);
    await expect
      .poll(() =>
        page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('ntm.grid.pending.'))),
      )
      .toBe(false);
  });

  it('shows a conflict when another planner changed the cell, and resolves it by taking theirs or keeping mine', async () => {
    const other = await newPage(browser);
    watchRequests(other);
    const row = 10;
    const target = colId('NSTW');
    const stored = () => storedAmount(communes[row]!.id, source('NSTW'));
    const version = async () =>
      (
        await app.db
          .selectFrom('allocation')
          .select('version')
          .where('plan_id', '=', app.demoPlanId)
          .where('commune_id', '=', numericId(communes[row]!.id))
          .where('criterion_id', '=', numericId(firstCriterion))
          .where('source_id', '=', numericId(source('NSTW')))
          .executeTakeFirst()
      )?.version ?? 0;
    await openGrid(other);

    // A starts typing over the old value; B writes the same cell meanwhile; then A commits. (The grid
    // shows B's change live, so A's edit is a conflict only if it was begun before B's arrived.)
    await clickCell(row, target);
    await page.keyboard.type('7');
    await clickCell(row, target, other);
    await other.keyboard.type('5');
    await other.keyboard.press('Enter');
    await waitSaved(other);
    expect(await stored()).toBe(5_000_000n);
    const versionOfB = await version();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => cell(row, target).getAttribute('class'), { timeout: 30_000 })
      .toMatch(/cell--conflict/);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-conflicts')).toBe('1');
    expect(await stored()).toBe(5_000_000n);
    expect(await version()).toBe(versionOfB);

    // The tooltip tells who changed the cell, when, and to what (the mouse must arrive to show it).
    await reveal(row, target);
    await page.mouse.move(5, 5);
    await cell(row, target).hover();
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.ag-tooltip')?.textContent?.trim() ?? ''), {
        timeout: 15_000,
      })
      .toMatch(new RegExp(`^Đã được admin sửa lúc .+: ${money(5_000_000n)}$`));

    await clickCell(row, target);
    const popover = page.getByTestId('conflict-popover');
    await expect.poll(() => popover.isVisible()).toBe(true);
    await expect.poll(() => popover.textContent()).toContain(`Giá trị của bạn: ${money(7_000_000n)}`);
    await screenshot(page, 'grid-conflict');
    await popover.getByRole('button', { name: 'Lấy giá trị của họ' }).click();
    await expect.poll(() => cell(row, target).textContent()).toBe('5');
    await expect.poll(() => cell(row, target).getAttribute('class')).not.toMatch(/cell--conflict/);
    await expect.poll(() => popover.count()).toBe(0);
    expect(await stored()).toBe(5_000_000n);
    expect(await version()).toBe(versionOfB);

    // Again, resolved from the keyboard this time: Enter on the cell opens the choice.
    await clickCell(row, target);
    await page.keyboard.type('8');
    await clickCell(row, target, other);
    await other.keyboard.type('6');
    await other.keyboard.press('Enter');
    await waitSaved(other);
    expect(await stored()).toBe(6_000_000n);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => cell(row, target).getAttribute('class'), { timeout: 30_000 })
      .toMatch(/cell--conflict/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => popover.isVisible()).toBe(true);
    await expect.poll(() => popover.textContent()).toContain(money(6_000_000n));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Giữ giá trị của tôi');
    await page.keyboard.press('Enter');
    await waitSaved();
    expect(await stored()).toBe(8_000_000n);
    await expect.poll(() => cell(row, target).textContent()).toBe('8');
    await expect.poll(() => cell(row, target).getAttribute('class')).not.toMatch(/cell--conflict/);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-conflicts')).toBe('0');
    await other.context().close();
  });

  it('links analysis items to the cells concerned', async () => {
    const item = page.getByTestId('analysis-panel').locator('.analysis-item').first();
    await item.click();
    await expect.poll(() => page.getByTestId('grid-status').textContent()).toMatch(/Vùng chọn \d+ × \d+/);
    await expect.poll(() => page.locator('.ag-cell.cell--selected').count()).toBeGreaterThan(0);
    await screenshot(page, 'grid-analysis-panel');
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => page.getByRole('button', { name: 'By source' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('analysis-panel').textContent()).toMatch(/Analysis/);
    await screenshot(page, 'grid-en');
  });

  it('sends no request off the machine while the grid is used', () => {
    expect(external).toEqual([]);
  });
});
