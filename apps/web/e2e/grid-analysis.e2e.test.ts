// The grid's analysis is seconds of server work on a large plan and the server stops it when its
// request is aborted: a grid that goes (another screen, a large plan's region read) must abort it
// rather than leave it running beside whatever the page asks next.
import type { Browser, Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, startE2EApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startE2EApp>>;
let browser: Browser;
let page: Page;

const isAnalysis = (request: Request) => (request.postData() ?? '').includes('query GridAnalysis');

beforeAll(async () => {
  app = await startE2EApp();
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('grid analysis', () => {
  it('is aborted when the page leaves the grid before the answer', async () => {
    // The analysis request is held, as a slow one would be; everything else goes through.
    const held: Route[] = [];
    await page.route('**/graphql', (route) =>
      isAnalysis(route.request()) ? held.push(route) : route.continue(),
    );
    try {
      const planId = Buffer.from(`Plan:${app.demoPlanId}`).toString('base64');
      await page.goto(`${app.url}/plans/${encodeURIComponent(planId)}/grid`);
      await expect.poll(() => held.length, { timeout: 30_000 }).toBe(1);
      const failed = page.waitForEvent('requestfailed', { predicate: isAnalysis, timeout: 10_000 });
      // Leave within the app (no page unload, which would abort every request anyway).
      await page.evaluate(() => {
        window.history.pushState(null, '', '/');
        window.dispatchEvent(new PopStateEvent('popstate'));
      });
      expect((await failed).failure()?.errorText).toMatch(/ABORTED/);
    } finally {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });
});
