import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, startE2EApp } from './harness.ts';

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

describe('home', () => {
  it('lists the Lục Nam 2022 plan in Vietnamese, and in English after switching language', async () => {
    const page = await newPage(browser);
    await page.goto(app.url);
    await expect.poll(() => page.getByText('Lục Nam').first().isVisible()).toBe(true);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(/^vi/);
    await screenshot(page, 'home-vi');

    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(/^en/);
    await screenshot(page, 'home-en');
    await page.context().close();
  });

  it('serves the GraphQL IDE from our own bundle, with no request leaving the machine', async () => {
    const page = await newPage(browser);
    const external: string[] = [];
    page.on('request', (request) => {
      const host = new URL(request.url()).hostname;
      if (host !== '127.0.0.1' && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) {
        external.push(request.url());
      }
    });
    await page.goto(`${app.url}/graphiql`);
    await expect
      .poll(() => page.locator('.graphiql-container').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'graphiql');
    expect(external).toEqual([]);
    await page.context().close();
  });
});
