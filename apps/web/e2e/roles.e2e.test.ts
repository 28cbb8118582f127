// Each demo role signs in through the real form and sees what it may do: who they are in the
// header, and a grid that is editable, read-only, or editable for their own commune only. Then
// every role watches the Lục Nam plan go draft → submitted → approved → locked, and sees exactly
// the workflow steps, caps editing and consultation forms its role allows, without reloading.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  E2E_USERS,
  type E2EUser,
  globalId,
  launchBrowser,
  newPage,
  screenshot,
  startE2EApp,
} from './harness.ts';

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let gridPath: string;
let planId: string;

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  planId = globalId('Plan', app.demoPlanId);
  gridPath = `/plans/${encodeURIComponent(planId)}/grid`;
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

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** The test's own API calls, as the admin. */

const ROLES = [
  'admin',
  'provincePlanner',
  'districtPlanner',
  'communeOfficer',
  'councilReviewer',
  'viewer',
] as const satisfies readonly E2EUser[];
type Role = (typeof ROLES)[number];
const PLANNERS: readonly Role[] = ['admin', 'provincePlanner', 'districtPlanner'];

const steps = (page: Page) => page.locator('.workflow__actions button').allTextContents();
const badge = (page: Page) => page.getByTestId('plan-status').textContent();
const consultationForms = (page: Page) =>
  page
    .locator('form.consultation-form')
    .evaluateAll((forms) =>
      forms.map((form) => form.getAttribute('aria-label')?.replace('Ghi biên bản lấy ý kiến của ', '')),
    );
const capsReadOnly = (page: Page) => page.getByTestId('caps-read-only');
const capAmount = (page: Page) => page.locator('.cap-input--amount').first();

describe('each role on the Lục Nam plan, as its status changes', () => {
  const pages = new Map<Role, Page>();
  const pageOf = (role: Role) => pages.get(role)!;
  /** What every role must see, checked on all six pages (which never reload). */
  async function expectEveryRole(expected: {
    status: string;
    steps: (role: Role) => string[];
    capsEditable: (role: Role) => boolean;
    forms: (role: Role) => string[];
  }) {
    for (const role of ROLES) {
      const page = pageOf(role);
      await poll(() => badge(page)).toBe(expected.status);
      await poll(async () => ({ role, steps: await steps(page) })).toEqual({
        role,
        steps: expected.steps(role),
      });
      const editable = expected.capsEditable(role);
      await poll(async () => ({ role, editable: await capAmount(page).isEditable() })).toEqual({
        role,
        editable,
      });
      expect(await capsReadOnly(page).isVisible()).toBe(!editable);
      await poll(async () => ({ role, forms: (await consultationForms(page)).sort() })).toEqual({
        role,
        forms: expected.forms(role),
      });
    }
  }

  let p135: string[];

  beforeAll(async () => {
    const data = await app.gql(
      `query($id: ID!) { plan(id: $id) { communes { commune { name isProgram135 } } } }`,
      {
        id: planId,
      },
    );
    p135 = data.plan.communes
      .filter((c: any) => c.commune.isProgram135)
      .map((c: any) => c.commune.name as string)
      .sort();
    await Promise.all(
      ROLES.map(async (role) => {
        const page = await newPage(browser, { as: role });
        await page.goto(`${app.url}/plans/${encodeURIComponent(planId)}/caps`);
        pages.set(role, page);
      }),
    );
  });
  afterAll(async () => {
    for (const page of pages.values()) await page.context().close();
  });

  it('draft: planners submit and edit caps; consultations by scope; the others only read', async () => {
    expect(p135).toContain('Lục Sơn');
    await expectEveryRole({
      status: 'Nháp',
      steps: (role) => (PLANNERS.includes(role) ? ['Trình phê duyệt'] : []),
      capsEditable: (role) => PLANNERS.includes(role),
      forms: (role) => (PLANNERS.includes(role) ? p135 : role === 'communeOfficer' ? ['Lục Sơn'] : []),
    });
    expect(await capsReadOnly(pageOf('viewer')).textContent()).toBe(
      'Tài khoản của bạn chỉ được xem kế hoạch này.',
    );
    for (const role of ROLES) {
      const ideLink = pageOf(role).getByRole('link', { name: 'GraphQL IDE' });
      expect({ role, ide: await ideLink.isVisible() }).toEqual({ role, ide: true });
    }
    await screenshot(pageOf('councilReviewer'), 'roles-reviewer-draft');
  });

  it('the commune officer records their own commune’s consultation through the form', async () => {
    const officer = pageOf('communeOfficer');
    await officer.getByText('Lấy ý kiến nhân dân (xã thuộc Chương trình 135)').click();
    const form = officer.getByRole('form', { name: 'Ghi biên bản lấy ý kiến của Lục Sơn' });
    await form.getByLabel('Ngày họp').fill('2022-03-10');
    await form.getByLabel('Kết quả').selectOption('AGREED');
    await form.getByLabel('Số biên bản').fill('BB-LS/2022');
    await form.getByRole('button', { name: 'Lưu biên bản' }).click();
    await poll(() => officer.locator('tr', { hasText: 'Lục Sơn' }).textContent()).toMatch(/BB-LS\/2022/);
  });

  it('submitted by the district planner: the reviewer (and admin) approve or return; nobody edits', async () => {
    // The consultations the commune officer could not record (other communes), as the admin.
    const missing = await app.gql(`query($id: ID!) { plan(id: $id) { missingConsultations { id } } }`, {
      id: planId,
    });
    for (const commune of missing.plan.missingConsultations) {
      await app.gql(
        `mutation($input: RecordConsultationInput!) { recordConsultation(input: $input) { __typename } }`,
        {
          input: {
            planId,
            communeId: commune.id,
            heldOn: '2022-03-15',
            outcome: 'AGREED',
            minutesRef: 'BB-1',
          },
        },
      );
    }
    await pageOf('districtPlanner')
      .locator('.workflow__actions')
      .getByRole('button', { name: 'Trình phê duyệt', exact: true })
      .click();
    await expectEveryRole({
      status: 'Đã trình',
      steps: (role) => (role === 'admin' || role === 'councilReviewer' ? ['Phê duyệt', 'Trả lại'] : []),
      capsEditable: () => false,
      forms: () => [],
    });
    expect(await capsReadOnly(pageOf('districtPlanner')).textContent()).toBe(
      'Kế hoạch không còn ở trạng thái nháp nên không sửa được trần nguồn vốn.',
    );
    await screenshot(pageOf('councilReviewer'), 'roles-reviewer-submitted');
  });

  it('approved by the reviewer: the reviewer (and admin) lock', async () => {
    await pageOf('councilReviewer')
      .locator('.workflow__actions')
      .getByRole('button', { name: 'Phê duyệt', exact: true })
      .click();
    await expectEveryRole({
      status: 'Đã phê duyệt',
      steps: (role) => (role === 'admin' || role === 'councilReviewer' ? ['Khóa kế hoạch'] : []),
      capsEditable: () => false,
      forms: () => [],
    });
  });

  it('locked by the reviewer: planners may open a revision; nobody else has a step', async () => {
    await pageOf('councilReviewer')
      .locator('.workflow__actions')
      .getByRole('button', { name: 'Khóa kế hoạch', exact: true })
      .click();
    await expectEveryRole({
      status: 'Đã khóa',
      steps: (role) => (PLANNERS.includes(role) ? ['Mở bản điều chỉnh'] : []),
      capsEditable: () => false,
      forms: () => [],
    });
    // The approval confirmed the district's caps; a locked plan's caps cannot be put back.
    const admin = pageOf('admin');
    await admin.goto(`${app.url}/plans/${encodeURIComponent(planId)}/history`);
    const capRows = admin.getByTestId('audit-row').filter({ hasText: 'Trần nguồn vốn' });
    await poll(() => capRows.count()).toBeGreaterThan(0);
    expect(await admin.getByRole('button', { name: /^Hoàn tác/ }).count()).toBe(0);
  });

  it('criteria status, optimizer and import: planners change them, the commune officer only their commune', async () => {
    const optimizerTab = (page: Page) =>
      page.getByRole('navigation', { name: 'Các màn hình của kế hoạch' }).getByRole('link', {
        name: 'Tối ưu phân bổ',
      });
    for (const role of ROLES) {
      const page = pageOf(role);
      const isPlanner = PLANNERS.includes(role);
      expect({ role, optimizer: await optimizerTab(page).isVisible() }).toEqual({
        role,
        optimizer: isPlanner,
      });
      await page.goto(`${app.url}/plans/${encodeURIComponent(planId)}/status`);
      const access = isPlanner
        ? 'Dùng phím mũi tên để di chuyển; Space hoặc Enter để đổi đạt / chưa đạt.'
        : role === 'communeOfficer'
          ? 'Bạn chỉ cập nhật được tiêu chí của xã Lục Sơn: Space hoặc Enter để đổi đạt / chưa đạt.'
          : 'Tài khoản của bạn chỉ được xem trạng thái tiêu chí.';
      await poll(() => page.getByTestId('status-access').textContent()).toBe(access);
      // The district's own criteria are the district's and the province's business.
      const district = page.locator('.status-district');
      await poll(() => district.locator('.toggle-status').count()).toBeGreaterThan(0);
      expect({ role, toggles: (await district.locator('button.toggle-status').count()) > 0 }).toEqual({
        role,
        toggles: isPlanner,
      });

      await page.goto(`${app.url}/plans/${encodeURIComponent(planId)}/excel`);
      await poll(() => page.getByRole('heading', { name: 'Nhập từ bảng tính' }).isVisible()).toBe(true);
      expect({ role, importAllowed: await page.getByTestId('import-drop-zone').isVisible() }).toEqual({
        role,
        importAllowed: isPlanner,
      });
      expect(await page.getByTestId('import-not-allowed').isVisible()).toBe(!isPlanner);

      await page.goto(`${app.url}/plans/${encodeURIComponent(planId)}/optimize`);
      await poll(() => page.getByTestId('plan-status').isVisible()).toBe(true);
      expect({ role, refused: await page.getByTestId('screen-not-allowed').isVisible() }).toEqual({
        role,
        refused: !isPlanner,
      });
    }
  });

  it('shows no GraphQL IDE link when the server does not serve the IDE', async () => {
    const ideOff = await app.startSibling({ ideEnabled: false, introspection: false });
    const introspectionOff = await app.startSibling({ ideEnabled: true, introspection: false });
    for (const url of [ideOff, introspectionOff]) {
      const page = await newPage(browser, { as: 'viewer' });
      await page.goto(url);
      await poll(() => page.getByTestId('user-menu').isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'GraphQL IDE' }).count()).toBe(0);
      await page.context().close();
    }
  });
});
