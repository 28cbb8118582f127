// Starts the real HTTP app on a free port over a fresh test database (PGlite in memory, or a
// fresh PostgreSQL database when NTM_TEST_DATABASE_URL is set) with the Lục Nam demo loaded.
import { seedDemo, seedReference } from '@ntm/db';
import { createTestDb } from '@ntm/db/testing';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/server.ts';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function startTestApp() {
  const counter = { statements: 0 };
  const database = await createTestDb({
    onQuery: () => void counter.statements++,
  });
  await seedReference(database.db);
  await seedDemo(database.db);
  const app = createApp({
    db: database.db,
    log: createLogger('silent'),
    webDist: '/nonexistent',
    ideEnabled: true,
    maxBodyBytes: 16 * 1024 * 1024,
    listen: database.listen,
  });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  async function gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { locale?: string; headers?: Record<string, string> } = {},
  ): Promise<GqlResult<T>> {
    const response = await fetch(`${url}/graphql`, {
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

  return {
    url,
    db: database.db,
    counter,
    gql,
    ok,
    async close() {
      await app.stop();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
