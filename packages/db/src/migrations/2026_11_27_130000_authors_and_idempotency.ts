// Frozen migration: who last changed each versioned row (for conflict reports), and stored
// responses of idempotent mutations.
import { type Kysely, sql } from 'kysely';

const AUTHORED = [
  'plan',
  'allocation',
  'funding_cap',
  'criterion_status',
  'district_criterion_status',
  'project',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of AUTHORED) {
    await db.schema
      .alterTable(table)
      .addColumn('updated_by', 'text', (c) => c.notNull().defaultTo('system'))
      .execute();
  }

  // One row per (actor, key, mutation field): the request's hash and the mutation's result,
  // written in the same transaction as the change it describes.
  await db.schema
    .createTable('idempotency_key')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_key_pkey', ['actor', 'key', 'operation'])
    .execute();
  await db.schema
    .createIndex('idempotency_key_created_idx')
    .on('idempotency_key')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_key').execute();
  for (const table of AUTHORED) {
    await db.schema.alterTable(table).dropColumn('updated_by').execute();
  }
}
