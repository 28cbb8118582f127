// The Excel tab on the Lục Nam demo: the export link downloads the workbook; choosing an edited
// CSV export previews exactly the edited cell (old → new) and applying it writes it to the plan.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, launchBrowser, newPage, screenshot, startE2EApp } from './harness.ts';

const SLOW = 120_000;
let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let planId: string;
let folder: string;

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  planId = globalId('Plan', app.demoPlanId);
  folder = await mkdtemp(join(tmpdir(), 'ntm-e2e-exchange-'));
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('Excel tab', () => {
  it(
    'previews an edited file cell by cell and applies it',
    async () => {
      // The plan's own CSV export with the first commune's first amount changed to 7.654.321 đồng.
      const csv = await (
        await fetch(`${app.url}/export/plan/${encodeURIComponent(planId)}.csv`, { headers: app.authHeaders })
      ).text();
      const lines = csv.split('\r\n');
      const first = lines[4]!.split(',');
      const communeName = first[2]!;
      first[8] = '7654321';
      lines[4] = first.join(',');
      const file = join(folder, 'ke-hoach.csv');
      await writeFile(file, lines.join('\r\n'));

      const page = await newPage(browser);
      await page.goto(`${app.url}/plans/${encodeURIComponent(planId)}/excel`);
      await page.getByRole('heading', { level: 2, name: 'Nhập từ bảng tính' }).waitFor();
      const download = page.getByRole('link', { name: 'Tải xuống' });
      expect(await download.getAttribute('href')).toBe(
        `/export/plan/${encodeURIComponent(planId)}.xlsx?lang=vi&unit=dong`,
      );

      await page.locator('input[type=file]').setInputFiles(file);
      await page.getByRole('button', { name: 'Xem trước' }).click();
      const preview = page.getByTestId('import-preview');
      await preview.getByText('1 ô thay đổi').waitFor();
      await preview.locator('.ag-row').first().getByText('7.654.321').waitFor();
      expect(await preview.locator('.ag-row').count()).toBe(1);
      expect(await preview.locator('.ag-row').first().textContent()).toContain(communeName);
      await screenshot(page, 'excel-import-preview');

      await page.getByRole('button', { name: 'Nhập 1 ô' }).click();
      await page.getByText('Đã nhập 1 ô vào kế hoạch').waitFor();
      const audit = await app.db
        .selectFrom('audit_log')
        .select(['origin', 'after'])
        .where('origin', '=', 'import')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.after).toMatchObject({ amount: '7654321' });
      await page.close();
    },
    SLOW,
  );
});
