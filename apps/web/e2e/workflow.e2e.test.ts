// The approval workflow in the browser on the Lục Nam demo: submitting is refused until the
// Program 135 communes with money have a consultation record; then submit → return with a
// comment → resubmit → approve → lock → open a revision, which opens the new draft plan.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, startE2EApp } from './harness.ts';

const SLOW = 180_000;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [app, browser] = await Promise.all([startE2EApp(), launchBrowser()]);
  page = await newPage(browser);
}, SLOW);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const workflow = () => page.getByRole('region', { name: 'Quy trình phê duyệt' });
const badge = () => page.locator('.plan-header__meta .badge');
const step = (name: string) => workflow().getByRole('button', { name, exact: true });

describe('plan workflow in the browser', () => {
  it(
    'runs draft → submit → return → resubmit → approve → lock → open revision',
    async () => {
      const data = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...app.authHeaders },
        body: JSON.stringify({ query: '{ plans { edges { node { id } } } }' }),
      }).then((r) => r.json() as Promise<any>);
      const planId: string = data.data.plans.edges[0].node.id;
      await page.goto(`${app.url}/plans/${encodeURIComponent(planId)}/caps`);
      await poll(() => badge().textContent()).toBe('Nháp');

      // Refused with the typed error naming what is missing.
      await step('Trình phê duyệt').click();
      await poll(() => workflow().getByRole('alert').textContent()).toMatch(/lấy ý kiến nhân dân/);
      expect(await badge().textContent()).toBe('Nháp');

      // Record the consultation of every commune that still needs one.
      await workflow().getByText('Lấy ý kiến nhân dân (xã thuộc Chương trình 135)').click();
      const missingRows = () => workflow().locator('tr', { hasText: 'Chưa có biên bản đồng thuận' });
      const missing = await missingRows().count();
      expect(missing).toBeGreaterThan(0);
      for (let i = 0; i < missing; i++) {
        const form = missingRows().first().getByRole('form');
        await form.getByLabel('Ngày họp').fill('2022-03-15');
        await form.getByLabel('Kết quả').selectOption('AGREED');
        await form.getByLabel('Số biên bản').fill(`BB-${i + 1}/2022`);
        await form.getByRole('button', { name: 'Lưu biên bản' }).click();
        await poll(() => missingRows().count()).toBe(missing - i - 1);
      }
      await screenshot(page, 'workflow-consultations');

      await step('Trình phê duyệt').click();
      await poll(() => badge().textContent()).toBe('Đã trình');

      await step('Trả lại').click();
      await workflow().getByLabel('Ý kiến khi trả lại (bắt buộc)').fill('Giảm vốn xã Lục Sơn');
      await workflow().getByRole('button', { name: 'Trả lại kế hoạch' }).click();
      await poll(() => badge().textContent()).toBe('Nháp');
      await poll(() => workflow().locator('.workflow__comment').textContent()).toMatch(/Giảm vốn xã Lục Sơn/);

      await step('Trình phê duyệt').click();
      await poll(() => badge().textContent()).toBe('Đã trình');
      await step('Phê duyệt').click();
      await poll(() => badge().textContent()).toBe('Đã phê duyệt');
      await step('Khóa kế hoạch').click();
      await poll(() => badge().textContent()).toBe('Đã khóa');
      await screenshot(page, 'workflow-locked');

      await step('Mở bản điều chỉnh').click();
      await poll(() => decodeURIComponent(page.url())).not.toContain(planId);
      await poll(() => badge().textContent()).toBe('Nháp');
      // The new draft's own steps, never the locked plan's (each screen waits for its own answer).
      await poll(() => step('Trình phê duyệt').isVisible()).toBe(true);
      expect(await step('Mở bản điều chỉnh').count()).toBe(0);
      const revisions = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...app.authHeaders },
        body: JSON.stringify({
          query: 'query($id: ID!) { plan(id: $id) { status revisions { id status revision } } }',
          variables: { id: planId },
        }),
      }).then((r) => r.json() as Promise<any>);
      expect(revisions.data.plan.status).toBe('LOCKED');
      expect(revisions.data.plan.revisions).toHaveLength(1);
      expect(decodeURIComponent(page.url())).toContain(revisions.data.plan.revisions[0].id);
    },
    SLOW,
  );
});
