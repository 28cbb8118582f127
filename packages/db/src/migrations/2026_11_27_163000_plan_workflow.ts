// Frozen migration: the approval workflow. Each move of a plan along draft → submitted →
// approved → locked is kept with its actor and comment (a return to draft must say why), and
// Program 135 communes get the record of the public consultation that must exist before a plan
// with money for them is submitted.
import { type Kysely, sql } from 'kysely';

const ENTITIES_BEFORE = [
  'plan',
  'plan_commune',
  'allocation',
  'funding_cap',
  'criterion_status',
  'district_criterion_status',
  'project',
  'plan_snapshot',
];

function entityCheck(entities: string[]) {
  return sql`entity in (${sql.join(entities.map((e) => sql.lit(e)))})`;
}

const STATUSES = sql`('draft', 'submitted', 'approved', 'locked')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_transition')
    .addColumn('id', 'integer', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull().check(sql`from_status in ${STATUSES}`))
    .addColumn('to_status', 'text', (c) => c.notNull().check(sql`to_status in ${STATUSES}`))
    .addColumn('comment', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'plan_transition_return_comment_check',
      sql`to_status <> 'draft' or length(trim(coalesce(comment, ''))) > 0`,
    )
    .execute();
  await db.schema
    .createIndex('plan_transition_plan_idx')
    .on('plan_transition')
    .columns(['plan_id', 'id'])
    .execute();

  // One record per commune of a plan; a revision copies it (same investments, same consultation).
  await db.schema
    .createTable('commune_consultation')
    .addColumn('plan_id', 'integer', (c) => c.notNull())
    .addColumn('commune_id', 'integer', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('agreed', 'agreed_with_changes', 'not_agreed')`),
    )
    .addColumn('minutes_ref', 'text', (c) => c.notNull().check(sql`length(trim(minutes_ref)) > 0`))
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull().defaultTo('system'))
    .addPrimaryKeyConstraint('commune_consultation_pkey', ['plan_id', 'commune_id'])
    .addForeignKeyConstraint(
      'commune_consultation_plan_commune_fkey',
      ['plan_id', 'commune_id'],
      'plan_commune',
      ['plan_id', 'commune_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await sql`create index plan_previous_revision_idx on plan (previous_revision_id) where previous_revision_id is not null`.execute(
    db,
  );
  await sql`alter table audit_log drop constraint audit_log_entity_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_check check (${entityCheck([
    ...ENTITIES_BEFORE,
    'plan_transition',
    'commune_consultation',
  ])})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from audit_log where entity in ('plan_transition', 'commune_consultation')`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_entity_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_check check (${entityCheck(ENTITIES_BEFORE)})`.execute(
    db,
  );
  await sql`drop index plan_previous_revision_idx`.execute(db);
  await db.schema.dropTable('commune_consultation').execute();
  await db.schema.dropTable('plan_transition').execute();
}
