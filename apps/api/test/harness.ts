// Starts the real HTTP app on a free port over a fresh test database (PGlite in memory, or a
// fresh PostgreSQL database when NTM_TEST_DATABASE_URL is set) with the Lục Nam demo loaded.
import { DEMO_LOGINS, seedDemo, seedReference } from '@ntm/db';
import { createTestDb } from '@ntm/db/testing';
import { ensureAdmin } from '../src/auth/bootstrap-admin.ts';
import { createLogger } from '../src/logger.ts';
import { type AppOptions, createApp } from '../src/server.ts';
import { useSession } from './auth-session.ts';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Every request spends one SQL statement finding its session or token (auth/principal.ts). */
export const AUTH_STATEMENTS = 1;

/** The test admin's password (the bootstrap admin, as NTM_ADMIN_PASSWORD would set it). */
export const TEST_ADMIN = { username: 'admin', password: 'test-admin-password' } as const;

/** The demo accounts (README), one per scoped role. */
export const DEMO_USERS = DEMO_LOGINS;

/**
 * Who a request is sent as: a user name (signed in once, cookie reused), `{ bearer }` for an API
 * token, or null for an anonymous request. The default is the admin.
 */
export type Caller = string | { bearer: string } | null;

type AppSettings = Omit<AppOptions, 'db' | 'log' | 'listen'> & { log?: AppOptions['log'] };

/** Request limits off (one test client would otherwise hit them); the hardening tests turn them on. */
const testSettings: AppSettings = {
  webDist: '/nonexistent',
  ideEnabled: true,
  introspection: true,
  maxBodyBytes: 16 * 1024 * 1024,
  rateLimit: { perMinute: 0, burst: 1 },
};

export async function startTestApp(overrides: Partial<AppSettings> = {}) {
  const counter: { statements: number; onStatement?: ((sql: string) => void) | undefined } = {
    statements: 0,
  };
  const database = await createTestDb({
    // Live events leave after a write's commit, on their own: a NOTIFY may land while the next
    // request is being counted, so it is not one of that request's statements.
    onQuery: (event) => {
      if (event.query.sql.includes('pg_notify')) return;
      counter.statements++;
      // A test that must act at a given point of a request's work (e.g. drop its connection).
      counter.onStatement?.(event.query.sql);
    },
  });
  await seedReference(database.db);
  await seedDemo(database.db);
  const siblings: Array<{ stop(): Promise<void> }> = [];
  /** Another app (other settings) over the same database; closed with this one. */
  async function startSibling(settings: Partial<AppSettings>) {
    const sibling = createApp({
      log: createLogger('silent'),
      ...testSettings,
      ...settings,
      db: database.db,
      listen: database.listen,
    });
    siblings.push(sibling);
    return `http://127.0.0.1:${await sibling.listen(0, '127.0.0.1')}`;
  }
  const app = createApp({
    log: createLogger('silent'),
    ...testSettings,
    ...overrides,
    db: database.db,
    listen: database.listen,
  });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  await ensureAdmin(database.db, TEST_ADMIN.password);
  const passwords = new Map<string, string>([
    [TEST_ADMIN.username, TEST_ADMIN.password],
    ...Object.values(DEMO_USERS).map((u) => [u.username, u.password] as [string, string]),
  ]);
  const cookies = new Map<string, string>();
  // Raw requests through load-client/auth-session (sessionHeaders()) act as the admin too.
  await useSession(url);

  /** Signs in through the API and returns the session cookie (`name=value`). */
  async function login(username: string, password = passwords.get(username)): Promise<string> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename } }',
        variables: { l: username, p: password },
      }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (!setCookie) throw new Error(`Login as ${username} failed: ${await response.text()}`);
    return setCookie.split(';')[0]!;
  }

  async function authHeaders(caller: Caller): Promise<Record<string, string>> {
    if (caller === null) return {};
    if (typeof caller === 'object') return { authorization: `Bearer ${caller.bearer}` };
    let cookie = cookies.get(caller);
    if (!cookie) {
      cookie = await login(caller);
      cookies.set(caller, cookie);
    }
    return { cookie };
  }

  async function gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { locale?: string; headers?: Record<string, string>; as?: Caller; baseUrl?: string } = {},
  ): Promise<GqlResult<T>> {
    const response = await fetch(`${options.baseUrl ?? url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': options.locale ?? 'vi',
        ...(await authHeaders(options.as === undefined ? TEST_ADMIN.username : options.as)),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GqlResult<T>, 'status'>;
    return { status: response.status, ...body };
  }

  /** Like gql, but fails the test on any GraphQL error. */
  async function ok<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    locale?: string,
    as?: Caller,
  ): Promise<T> {
    const result = await gql<T>(query, variables, { locale, as });
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  return {
    url,
    db: database.db,
    recordConsultations: (planId: string) => recordMissingConsultations(ok, planId),
    counter,
    gql,
    ok,
    login,
    /** Headers that make a raw request (fetch, WebSocket) act as the caller. */
    authHeaders,
    startSibling,
    async close() {
      for (const sibling of siblings) await sibling.stop();
      await app.stop();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * Records an agreed public consultation for every Program 135 commune of the plan that has money
 * and none yet, so the plan can be submitted. `call` is any test's "GraphQL data or throw".
 */
export async function recordMissingConsultations(
  call: (query: string, variables: Record<string, unknown>) => Promise<any>,
  planId: string,
): Promise<void> {
  const data = await call(`query($id: ID!) { plan(id: $id) { missingConsultations { id } } }`, {
    id: planId,
  });
  for (const commune of data.plan.missingConsultations as Array<{ id: string }>) {
    const result = await call(
      `mutation($input: RecordConsultationInput!) { recordConsultation(input: $input) { __typename } }`,
      {
        input: {
          planId,
          communeId: commune.id,
          heldOn: '2022-03-15',
          outcome: 'AGREED',
          minutesRef: 'BB-01/2022',
        },
      },
    );
    if (result.recordConsultation.__typename !== 'ConsultationPayload') {
      throw new Error(`recordConsultation: ${JSON.stringify(result)}`);
    }
  }
}
