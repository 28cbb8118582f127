// Each demo role signs in through the real form and sees what it may do: who they are in the
// header, and a grid that is editable, read-only, or editable for their own commune only.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_USERS, type E2EUser, launchBrowser, newPage, screenshot, startE2EApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let gridPath: string;

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  gridPath = `/plans/${encodeURIComponent(Buffer.from(`Plan:${app.demoPlanId}`).toString('base64'))}/grid`;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function signIn(user: E2EUser): Promise<Page> {
  const page = await newPage(browser, { as: null });
  await page.goto(`${app.url}${gridPath}`);
  await page.getByLabel('Tên đăng nhập hoặc email').fill(E2E_USERS[user].username);
  await page.getByLabel('Mật khẩu').fill(E2E_USERS[user].password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect.poll(() => page.getByTestId('user-menu').isVisible(), { timeout: 15_000 }).toBe(true);
  return page;
}

const ROLE_VIEWS: Array<{ user: E2EUser; role: RegExp; grid: 'editable' | 'readOnly' | 'ownCommune' }> = [
  { user: 'admin', role: /^Quản trị$/, grid: 'editable' },
  { user: 'provincePlanner', role: /^Cán bộ kế hoạch tỉnh · Bắc Giang$/, grid: 'editable' },
  { user: 'districtPlanner', role: /^Cán bộ kế hoạch huyện · Lục Nam$/, grid: 'editable' },
  { user: 'communeOfficer', role: /^Cán bộ xã · Lục Sơn$/, grid: 'ownCommune' },
  { user: 'councilReviewer', role: /^Đại biểu HĐND \(thẩm tra\) · Lục Nam$/, grid: 'readOnly' },
  { user: 'viewer', role: /^Người xem · Lục Nam$/, grid: 'readOnly' },
];

describe('signing in as each demo role', () => {
  it('shows the sign-in form to a signed-out visitor, and refuses a wrong password', async () => {
    const page = await newPage(browser, { as: null });
    await page.goto(app.url);
    await page.getByLabel('Tên đăng nhập hoặc email').fill('lucnam.xem');
    await page.getByLabel('Mật khẩu').fill('not the password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    await screenshot(page, 'login-vi');
    await page.context().close();
  });

  for (const view of ROLE_VIEWS) {
    it(`${view.user}: sees their role and a ${view.grid} grid`, async () => {
      const page = await signIn(view.user);
      await expect.poll(() => page.getByTestId('user-role').textContent()).toMatch(view.role);
      await expect
        .poll(() => page.getByTestId('allocation-grid').getByText('Lục Sơn').first().isVisible(), {
          timeout: 15_000,
        })
        .toBe(true);
      const readOnly = page.getByTestId('grid-read-only');
      const ownCommune = page.getByText('Bạn chỉ sửa được các ô của xã Lục Sơn.');
      await expect.poll(() => readOnly.isVisible()).toBe(view.grid === 'readOnly');
      await expect.poll(() => ownCommune.isVisible()).toBe(view.grid === 'ownCommune');
      if (view.user === 'communeOfficer') await screenshot(page, 'grid-commune-officer');
      await page.context().close();
    });
  }

  it('signs out back to the sign-in form', async () => {
    const page = await signIn('viewer');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    await page.context().close();
  });
});
