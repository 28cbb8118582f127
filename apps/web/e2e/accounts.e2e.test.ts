// Account screens in a real browser: the admin makes a district planner who can then sign in,
// changes a role, and is told why the last admin cannot be demoted; a planner makes an integrator
// token whose secret works once shown and stops working once revoked; a user changes their
// password; a viewer sees neither the user list nor token creation.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_USERS, type E2EUser, launchBrowser, newPage, screenshot, startE2EApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const NEW_PLANNER = { username: 'e2e.huyen', password: 'mat-khau-ban-dau', name: 'Cán bộ thử nghiệm' };

async function signInWith(username: string, password: string): Promise<Page> {
  const page = await newPage(browser, { as: null });
  await page.goto(app.url);
  await page.getByLabel('Tên đăng nhập hoặc email').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect.poll(() => page.getByTestId('user-menu').isVisible(), { timeout: 15_000 }).toBe(true);
  return page;
}

async function openAs(user: E2EUser, path: string): Promise<Page> {
  const page = await newPage(browser, { as: user });
  await page.goto(`${app.url}${path}`);
  return page;
}

const userRow = (page: Page, username: string): Locator =>
  page.getByTestId('users-table').locator(`tr[data-username="${username}"]`);

/** A GraphQL call as an integrator would make it: only the bearer token, no cookie. */
async function callWithToken(
  secret: string,
): Promise<{ data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: '{ plans { edges { node { id name } } } }' }),
  });
  return (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
}

describe('users (admin)', () => {
  it('creates a district planner in the UI, who can then sign in', async () => {
    const page = await openAs('admin', '/');
    // The header menu leads admins to the user list.
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Người dùng', level: 1 }).isVisible())
      .toBe(true);
    await expect.poll(() => userRow(page, 'lucnam.kehoach').isVisible()).toBe(true);

    const form = page.getByRole('form', { name: 'Tạo người dùng' });
    await form.getByLabel('Tên đăng nhập').fill(NEW_PLANNER.username);
    await form.getByLabel('Họ tên').fill(NEW_PLANNER.name);
    await form.getByLabel('Mật khẩu ban đầu').fill(NEW_PLANNER.password);
    await form.getByLabel('Vai trò').selectOption({ label: 'Cán bộ kế hoạch huyện' });
    await form.getByLabel('Tỉnh').selectOption({ label: 'Bắc Giang' });
    await form.getByLabel('Huyện').selectOption({ label: 'Lục Nam' });
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Đã tạo tài khoản e2e.huyen.');
    const row = userRow(page, NEW_PLANNER.username);
    await expect.poll(() => row.textContent()).toContain('Cán bộ kế hoạch huyện');
    await expect.poll(() => row.textContent()).toContain('Lục Nam');
    await screenshot(page, 'users-vi');
    await page.context().close();

    const planner = await signInWith(NEW_PLANNER.username, NEW_PLANNER.password);
    await expect
      .poll(() => planner.getByTestId('user-role').textContent())
      .toBe('Cán bộ kế hoạch huyện · Lục Nam');
    await planner.context().close();
  });

  it('picks a commune for a commune officer, and the API checks the scope fits the role', async () => {
    const page = await openAs('admin', '/admin/users');
    const form = page.getByRole('form', { name: 'Tạo người dùng' });
    await form.getByLabel('Tên đăng nhập').fill('e2e.xa');
    await form.getByLabel('Họ tên').fill('Cán bộ xã thử nghiệm');
    await form.getByLabel('Mật khẩu ban đầu').fill('mat-khau-can-bo-xa');
    await form.getByLabel('Vai trò').selectOption({ label: 'Cán bộ xã' });
    await form.getByLabel('Tỉnh').selectOption({ label: 'Bắc Giang' });
    await form.getByLabel('Huyện').selectOption({ label: 'Lục Nam' });
    // The district's communes load once it is picked.
    await form.getByLabel('Xã').selectOption({ label: 'Lục Sơn' });
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect.poll(() => userRow(page, 'e2e.xa').textContent()).toContain('Lục Sơn');

    // Taken user names come back as the API's typed error, in Vietnamese.
    await form.getByLabel('Tên đăng nhập').fill('e2e.xa');
    await form.getByLabel('Họ tên').fill('Trùng tên');
    await form.getByLabel('Mật khẩu ban đầu').fill('mat-khau-can-bo-xa');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('đã được dùng');
    await page.context().close();
  });

  it('changes a user’s role, keeping their district', async () => {
    const page = await openAs('admin', '/admin/users');
    await page.getByRole('button', { name: `Sửa tài khoản ${NEW_PLANNER.username}` }).click();
    const form = page.getByRole('form', { name: `Sửa tài khoản ${NEW_PLANNER.username}` });
    await form.getByLabel('Vai trò').selectOption({ label: 'Người xem' });
    await expect.poll(() => form.getByLabel('Cấp').inputValue()).toBe('district');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect
      .poll(() => page.getByText(`Đã lưu tài khoản ${NEW_PLANNER.username}.`).isVisible())
      .toBe(true);
    await expect
      .poll(() => userRow(page, NEW_PLANNER.username).getByTestId('user-role-cell').textContent())
      .toBe('Người xem');
    const { users } = await app.gql<{
      users: Array<{ username: string; role: string; district: { name: string } | null }>;
    }>('{ users { username role district { name } } }');
    expect(users.find((u) => u.username === NEW_PLANNER.username)).toMatchObject({
      role: 'VIEWER',
      district: { name: 'Lục Nam' },
    });
    await page.context().close();
  });

  it('refuses to demote the last admin and says why', async () => {
    const { users } = await app.gql<{ users: Array<{ role: string }> }>('{ users { role } }');
    expect(users.filter((u) => u.role === 'ADMIN')).toHaveLength(1);
    const page = await openAs('admin', '/admin/users');
    await page.getByRole('button', { name: `Sửa tài khoản ${E2E_USERS.admin.username}` }).click();
    const form = page.getByRole('form', { name: `Sửa tài khoản ${E2E_USERS.admin.username}` });
    await form.getByLabel('Vai trò').selectOption({ label: 'Người xem' });
    await form.getByLabel('Tỉnh').selectOption({ label: 'Bắc Giang' });
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('quản trị viên cuối cùng');
    // In English the same refusal reads in English (the API words it by Accept-Language).
    await page.getByRole('button', { name: 'English' }).click();
    const formEn = page.getByRole('form', { name: `Edit ${E2E_USERS.admin.username}` });
    await formEn.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => formEn.getByRole('alert').textContent()).toContain('the last active admin');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect
      .poll(() => userRow(page, 'admin').getByTestId('user-role-cell').textContent())
      .toBe('Quản trị');
    await page.context().close();
  });
});

describe('my account', () => {
  it('a planner makes a token, sees its secret once, uses it, and revokes it', async () => {
    const page = await openAs('districtPlanner', '/');
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Tài khoản của tôi' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('sessions-table').textContent()).toContain('Trình duyệt này');

    const form = page.getByRole('form', { name: 'Tạo mã truy cập' });
    await expect.poll(() => form.textContent()).toContain('Phạm vi: Lục Nam');
    await form.getByLabel('Tên').fill('Cổng dữ liệu huyện');
    await form.getByLabel('Quyền').selectOption({ label: 'Chỉ đọc' });
    await form.getByLabel('Thời hạn').selectOption({ label: '30 ngày' });
    await form.getByRole('button', { name: 'Tạo mã' }).click();
    const secretBox = page.getByTestId('token-secret-box');
    await expect.poll(() => secretBox.isVisible()).toBe(true);
    await expect.poll(() => secretBox.textContent()).toContain('bạn sẽ không xem lại được nó');
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(page, 'account-vi');

    const allowed = await callWithToken(secret);
    expect(allowed.errors).toBeUndefined();

    // Closed, the secret is gone for good: the list shows only its first characters.
    await page.getByRole('button', { name: 'Tôi đã lưu mã, đóng lại' }).click();
    await expect.poll(() => secretBox.count()).toBe(0);
    const row = page.getByTestId('tokens-table').getByRole('row', { name: /Cổng dữ liệu huyện/ });
    await expect.poll(() => row.textContent()).toContain('Đang dùng được');
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await expect.poll(() => row.textContent()).toContain('Thu hồi mã “Cổng dữ liệu huyện”?');
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await expect.poll(() => row.textContent()).toContain('Đã thu hồi');

    const refused = await callWithToken(secret);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await page.context().close();
  });

  it('ends another of my sessions', async () => {
    const other = await newPage(browser, { as: 'districtPlanner' });
    const page = await openAs('districtPlanner', '/account');
    const sessions = page.getByTestId('sessions-table').locator('tbody tr');
    await expect.poll(() => sessions.count()).toBeGreaterThan(1);
    const before = await sessions.count();
    const notCurrent = sessions.filter({ hasNot: page.getByText('Trình duyệt này') }).first();
    await notCurrent.getByRole('button', { name: 'Đăng xuất phiên' }).click();
    await notCurrent.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await expect.poll(() => sessions.count()).toBe(before - 1);
    await other.context().close();
    await page.context().close();
  });

  it('a user changes their password and signs in with the new one', async () => {
    const made = await app.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { __typename } }`, {
      i: {
        username: 'e2e.matkhau',
        displayName: 'Đổi mật khẩu',
        password: 'mat-khau-cu-123',
        role: 'VIEWER',
        provinceId: (await app.gql('{ provinces { id } }')).provinces[0].id,
      },
    });
    expect(made.createUser.__typename).toBe('UserPayload');
    const page = await signInWith('e2e.matkhau', 'mat-khau-cu-123');
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    const form = page.getByRole('form', { name: 'Đổi mật khẩu' });
    await form.getByLabel('Mật khẩu hiện tại').fill('sai-mat-khau-000');
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-456');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-456');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('Mật khẩu hiện tại không đúng.');

    await form.getByLabel('Mật khẩu hiện tại').fill('mat-khau-cu-123');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Đã đổi mật khẩu');
    await page.context().close();

    const again = await signInWith('e2e.matkhau', 'mat-khau-moi-456');
    await expect.poll(() => again.getByTestId('user-role').textContent()).toContain('Người xem');
    await again.context().close();
  });

  it('a viewer sees neither the user list nor token creation', async () => {
    const page = await openAs('viewer', '/account');
    await expect.poll(() => page.getByRole('heading', { name: 'Tài khoản của tôi' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Đổi mật khẩu' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Mã truy cập cho hệ thống tích hợp' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Tạo mã truy cập' }).count()).toBe(0);
    await page.goto(`${app.url}/admin/users`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Chỉ quản trị viên mới quản lý được người dùng.');
    await page.context().close();
  });
});
