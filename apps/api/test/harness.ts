// Starts the real HTTP app on a free port over a fresh test database (PGlite in memory, or a
// fresh PostgreSQL database when NTM_TEST_DATABASE_URL is set) with the Lục Nam demo loaded.
import { seedDemo, seedReference } from '@ntm/db';
import { createTestDb } from '@ntm/db/testing';
import { createLogger } from '../src/logger.ts';
import { type AppOptions, createApp } from '../src/server.ts';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

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
  const counter = { statements: 0 };
  const database = await createTestDb({
    onQuery: () => void counter.statements++,
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

  async function gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { locale?: string; headers?: Record<string, string>; baseUrl?: string } = {},
  ): Promise<GqlResult<T>> {
    const response = await fetch(`${options.baseUrl ?? url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': options.locale ?? 'vi',
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
  ): Promise<T> {
    const result = await gql<T>(query, variables, { locale });
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /**
   * Records an agreed public consultation for every Program 135 commune of the plan that has
   * money and none yet, so the plan can be submitted.
   */
  async function recordConsultations(planId: string) {
    const data = await ok(`query($id: ID!) { plan(id: $id) { missingConsultations { id } } }`, {
      id: planId,
    });
    for (const commune of data.plan.missingConsultations as Array<{ id: string }>) {
      const result = await ok(
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

  return {
    url,
    db: database.db,
    recordConsultations,
    counter,
    gql,
    ok,
    startSibling,
    async close() {
      for (const sibling of siblings) await sibling.stop();
      await app.stop();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
