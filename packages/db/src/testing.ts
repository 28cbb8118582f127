// Test harness: one migrated database per test file. With NTM_TEST_DATABASE_URL (a server URL,
// e.g. postgres://postgres@127.0.0.1:5432/postgres) every call creates a uniquely named
// database on that server and drops it on close(); otherwise an in-memory PGlite is used.
// The same suites therefore run on both back ends.
import { randomBytes } from 'node:crypto';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { createDb, type Db } from './create-db.ts';

export interface CreateTestDbOptions {
  onQuery?: ((event: LogEvent) => void) | undefined;
  /** A PostgreSQL server URL to create the database on, overriding NTM_TEST_DATABASE_URL (tests that need real PostgreSQL). */
  serverUrl?: string | undefined;
}

export type TestDb = Db & { databaseName?: string };

export async function createTestDb(options: CreateTestDbOptions = {}): Promise<TestDb> {
  const serverUrl = options.serverUrl ?? process.env['NTM_TEST_DATABASE_URL'];
  if (!serverUrl) {
    const db = await createDb({ onQuery: options.onQuery });
    await db.migrate();
    return db;
  }

  const databaseName = `ntm_test_${randomBytes(6).toString('hex')}`;
  await runAdmin(serverUrl, `create database ${databaseName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const db = await createDb({
    databaseUrl: url.toString(),
    onQuery: options.onQuery,
    maxConnections: 4,
  });
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    await runAdmin(serverUrl, `drop database if exists ${databaseName} with (force)`);
    throw error;
  }
  return {
    ...db,
    databaseName,
    async close() {
      try {
        await db.close();
      } finally {
        await runAdmin(serverUrl, `drop database if exists ${databaseName} with (force)`);
      }
    },
  };
}

/** `create/drop database` cannot run inside a transaction or on the database itself: use a separate connection. */
async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
