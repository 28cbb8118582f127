// Browser tests run the real product: the API (with a fresh database holding the Lục Nam demo)
// serving the built web app, driven by Debian's Chromium through playwright-core.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@ntm/api/logger';
import { createApp } from '@ntm/api/server';
import { seedDemo, seedReference } from '@ntm/db';
import { createTestDb } from '@ntm/db/testing';
import { type Browser, chromium, type Page } from 'playwright-core';

const webDist = fileURLToPath(new URL('../dist', import.meta.url));
/** Screenshots of the main screens, kept by CI as artifacts. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../artifacts/screenshots', import.meta.url));

export async function startE2EApp() {
  const database = await createTestDb();
  await seedReference(database.db);
  const demo = await seedDemo(database.db);
  const app = createApp({
    db: database.db,
    log: createLogger('silent'),
    webDist,
    ideEnabled: true,
    introspection: true,
    maxBodyBytes: 16 * 1024 * 1024,
    // Several simulated users share 127.0.0.1 here; per-caller limits have their own API tests.
    rateLimit: { perMinute: 0, burst: 1 },
    // Live updates (subscriptions) need the database's NOTIFY listener.
    listen: database.listen,
  });
  const port = await app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    db: database.db,
    demoPlanId: demo.planId,
    async close() {
      await app.stop();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    // This machine has no network: keep Chromium from trying to phone home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, options: { locale?: 'vi' | 'en' } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: options.locale === 'en' ? 'en-US' : 'vi-VN',
  });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: false });
}
