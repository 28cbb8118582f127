// Frozen migration: account changes join the audit trail (users, sessions, API tokens; never a
// password or token hash), and failed sign-ins are counted in the database so the throttle holds
// across API processes and restarts.
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
  'plan_transition',
  'commune_consultation',
];
const ACCOUNT_ENTITIES = ['app_user', 'user_session', 'api_token'];

function entityCheck(entities: string[]) {
  return sql`entity in (${sql.join(entities.map((e) => sql.lit(e)))})`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log drop constraint audit_log_entity_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_check check (${entityCheck([
    ...ENTITIES_BEFORE,
    ...ACCOUNT_ENTITIES,
  ])})`.execute(db);

  // One row per throttled key: an account name or a client address, with its failures in the window.
  await db.schema
    .createTable('login_failure')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('account', 'ip')`))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('blocked_until', 'timestamptz')
    .addPrimaryKeyConstraint('login_failure_pkey', ['kind', 'key'])
    .execute();
  // Pruning deletes the oldest rows first.
  await db.schema.createIndex('login_failure_last_idx').on('login_failure').column('last_failure').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_failure').execute();
  await sql`delete from audit_log where entity in (${sql.join(ACCOUNT_ENTITIES.map((e) => sql.lit(e)))})`.execute(
    db,
  );
  await sql`alter table audit_log drop constraint audit_log_entity_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_check check (${entityCheck(ENTITIES_BEFORE)})`.execute(
    db,
  );
}
