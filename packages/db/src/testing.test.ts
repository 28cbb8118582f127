import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDb } from './testing.ts';

describe('createTestDb', () => {
  it('gives a migrated database and, on a server, drops it on close', async () => {
    const testDb = await createTestDb();
    const row = await testDb.db
      .selectFrom('funding_source')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(row.n)).toBe(0);
    await testDb.close();

    const serverUrl = process.env['NTM_TEST_DATABASE_URL'];
    expect(testDb.backend).toBe(serverUrl ? 'postgres' : 'pglite');
    if (!serverUrl) return;
    expect(testDb.databaseName).toMatch(/^ntm_test_[0-9a-f]+$/);
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
        testDb.databaseName,
      ]);
      expect(rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
