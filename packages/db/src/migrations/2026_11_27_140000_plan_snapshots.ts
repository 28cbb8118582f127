// Frozen migration: named snapshots of a plan ("Bản trình HĐND 15/8/2022") — the non-zero cells
// and the caps as they were — and the audit entity for taking one. Also lets the audit trail be
// read by batch (revert a batch, filter the log by batch).
import { type Kysely, sql } from 'kysely';

const ENTITIES_BEFORE = [
  'plan',
  'plan_commune',
  'allocation',
  'funding_cap',
  'criterion_status',
  'district_criterion_status',
  'project',
];

function entityCheck(entities: string[]) {
  return sql`entity in (${sql.join(entities.map((e) => sql.lit(e)))})`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_snapshot')
    .addColumn('id', 'integer', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('cell_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`total >= 0`))
    .execute();
  await db.schema
    .createIndex('plan_snapshot_plan_idx')
    .on('plan_snapshot')
    .columns(['plan_id', 'id'])
    .execute();

  // Only non-zero cells: an absent cell is 0, as in the grid.
  await db.schema
    .createTable('plan_snapshot_cell')
    .addColumn('snapshot_id', 'integer', (c) =>
      c.notNull().references('plan_snapshot.id').onDelete('cascade'),
    )
    .addColumn('commune_id', 'integer', (c) => c.notNull())
    .addColumn('criterion_id', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addPrimaryKeyConstraint('plan_snapshot_cell_pkey', [
      'snapshot_id',
      'commune_id',
      'criterion_id',
      'source_id',
    ])
    .execute();

  await db.schema
    .createTable('plan_snapshot_cap')
    .addColumn('snapshot_id', 'integer', (c) =>
      c.notNull().references('plan_snapshot.id').onDelete('cascade'),
    )
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('is_confirmed', 'boolean', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('plan_snapshot_cap_pkey', ['snapshot_id', 'source_id'])
    .execute();

  await sql`alter table audit_log drop constraint audit_log_entity_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_check check (${entityCheck([
    ...ENTITIES_BEFORE,
    'plan_snapshot',
  ])})`.execute(db);
  await sql`create index audit_log_batch_idx on audit_log (batch_id, id) where batch_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_log_batch_idx`.execute(db);
  await sql`delete from audit_log where entity = 'plan_snapshot'`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_entity_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_check check (${entityCheck(ENTITIES_BEFORE)})`.execute(
    db,
  );
  for (const table of ['plan_snapshot_cap', 'plan_snapshot_cell', 'plan_snapshot']) {
    await db.schema.dropTable(table).execute();
  }
}
