import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing.ts';
import { migrations } from './index.ts';

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

async function listTables(): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%'
    order by table_name`.execute(testDb.db);
  return rows.map((r) => r.table_name);
}

const allTables = [
  'allocation',
  'api_token',
  'app_user',
  'audit_log',
  'commune',
  'commune_consultation',
  'criteria_group',
  'criteria_set',
  'criterion',
  'criterion_status',
  'district',
  'district_criterion_status',
  'funding_cap',
  'funding_source',
  'idempotency_key',
  'indicator',
  'login_failure',
  'plan',
  'plan_commune',
  'plan_snapshot',
  'plan_snapshot_cap',
  'plan_snapshot_cell',
  'plan_transition',
  'project',
  'province',
  'user_session',
];

describe('migrations', () => {
  it('apply cleanly and create every table', async () => {
    expect(await listTables()).toEqual(allTables);
  });

  it('are idempotent: migrating an up-to-date database changes nothing', async () => {
    await testDb.migrate();
    expect(await listTables()).toEqual(allTables);
  });

  it('down reverts every migration, newest first, and up recreates the schema', async () => {
    const migrator = new Migrator({
      db: testDb.db,
      provider: { getMigrations: async () => migrations },
    });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => [r.migrationName, r.direction, r.status])).toEqual(
      Object.keys(migrations)
        .reverse()
        .map((name) => [name, 'Down', 'Success']),
    );
    expect(await listTables()).toEqual([]);

    await testDb.migrate();
    expect(await listTables()).toEqual(allTables);
  });
});
