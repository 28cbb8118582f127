// Browser tests run the real product: the API (with a fresh database holding the Lục Nam demo)
// serving the built web app, driven by Debian's Chromium through playwright-core.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureAdmin } from '@ntm/api/bootstrap-admin';
import { createLogger } from '@ntm/api/logger';
import { createApp } from '@ntm/api/server';
import { DEMO_LOGINS, seedDemo, seedReference } from '@ntm/db';
import { createTestDb } from '@ntm/db/testing';
import { type Browser, chromium, type Page } from 'playwright-core';

const webDist = fileURLToPath(new URL('../dist', import.meta.url));
/** Screenshots of the main screens, kept by CI as artifacts. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../artifacts/screenshots', import.meta.url));

export async function startE2EApp() {
  const database = await createTestDb();
  await seedReference(database.db);
  const demo = await seedDemo(database.db);
  const createOn = (settings: { ideEnabled: boolean; introspection: boolean }) =>
    createApp({
      db: database.db,
      log: createLogger('silent'),
      webDist,
      ...settings,
      maxBodyBytes: 16 * 1024 * 1024,
      // Several simulated users share 127.0.0.1 here; per-caller limits have their own API tests.
      rateLimit: { perMinute: 0, burst: 1 },
      // Live updates (subscriptions) need the database's NOTIFY listener.
      listen: database.listen,
    });
  const app = createOn({ ideEnabled: true, introspection: true });
  const siblings: Array<ReturnType<typeof createApp>> = [];
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  await ensureAdmin(database.db, E2E_USERS.admin.password);
  signInUrl = url;
  const adminCookie = `ntm_session=${await sessionCookieFor(url, 'admin')}`;
  const authHeaders = { cookie: adminCookie };
  return {
    url,
    /** Headers for the test's own API calls (fetch): they act as the admin. */
    authHeaders,
    /** The test's own GraphQL call, as the admin; GraphQL errors throw. */
    // biome-ignore lint/suspicious/noExplicitAny: a test reads the answer it asked for, untyped unless it says
    async gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'vi', ...authHeaders },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    db: database.db,
    demoPlanId: demo.planId,
    /** Writes one cell through the API, as the admin, based on the version it was read at. */
    async setCell(
      planId: string,
      cell: { communeId: string; criterionId: string; sourceId: string; version: number },
      amount: bigint,
    ): Promise<void> {
      const data = await this.gql<{ setAllocations: { __typename: string } }>(
        `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename } }`,
        {
          input: {
            planId,
            cells: [
              {
                communeId: cell.communeId,
                criterionId: cell.criterionId,
                sourceId: cell.sourceId,
                amount: amount.toString(),
                expectedVersion: cell.version,
              },
            ],
          },
        },
      );
      if (data.setAllocations.__typename !== 'SetAllocationsPayload')
        throw new Error(`setAllocations answered ${data.setAllocations.__typename}`);
    },
    /**
     * Another server over the same database with other switches (e.g. the IDE off); its URL.
     * Cookies do not depend on the port, so pages signed in to the first app are signed in here.
     */
    async startSibling(settings: { ideEnabled: boolean; introspection: boolean }): Promise<string> {
      const sibling = createOn(settings);
      siblings.push(sibling);
      return `http://127.0.0.1:${await sibling.listen(0, '127.0.0.1')}`;
    },
    async close() {
      for (const sibling of siblings) await sibling.stop();
      await app.stop();
      await database.close();
    },
  };
}

/** The database id inside a GraphQL global id ("Plan:7" in base64 → 7). */
export const numericId = (globalId: string) =>
  Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

/** A GraphQL global id from a type and a database id. */
export const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** The accounts a browser test can sign in as: the admin made at start, and the demo users (README). */
export const E2E_USERS = {
  admin: { username: 'admin', password: 'e2e-admin-password' },
  ...DEMO_LOGINS,
};
export type E2EUser = keyof typeof E2E_USERS;

/** The app the test file started: new pages sign in to it. */
let signInUrl: string | undefined;

/** Signs in through the API and returns the session cookie's value. */
async function sessionCookieFor(url: string, user: E2EUser): Promise<string> {
  const { username, password } = E2E_USERS[user];
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename } }',
      variables: { l: username, p: password },
    }),
  });
  const cookie = /ntm_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`Sign-in as ${username} failed: ${await response.text()}`);
  return cookie;
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

/**
 * A new browser page, signed in as the admin unless `as` names another account (or is null for a
 * signed-out page that shows the sign-in form).
 */
export async function newPage(
  browser: Browser,
  options: { locale?: 'vi' | 'en'; as?: E2EUser | null } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: options.locale === 'en' ? 'en-US' : 'vi-VN',
  });
  const user = options.as === undefined ? 'admin' : options.as;
  if (user !== null && signInUrl) {
    const value = await sessionCookieFor(signInUrl, user);
    await context.addCookies([
      { name: 'ntm_session', value, url: signInUrl, httpOnly: true, sameSite: 'Lax' },
    ]);
  }
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: false });
}
