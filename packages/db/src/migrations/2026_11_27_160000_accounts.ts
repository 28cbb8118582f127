// Frozen migration: accounts bound to a scope, login sessions and integrator API tokens.
// Session and token secrets are stored only as sha-256 hashes; passwords as argon2id PHC strings.
import { type Kysely, sql } from 'kysely';

const ROLES = [
  'admin',
  'province_planner',
  'district_planner',
  'commune_officer',
  'council_reviewer',
  'viewer',
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique().check(sql`username ~ '^[a-z0-9._-]{3,64}$'`))
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in (${sql.join(ROLES.map((r) => sql.lit(r)))})`),
    )
    .addColumn('province_id', 'integer', (c) => c.references('province.id'))
    .addColumn('district_id', 'integer', (c) => c.references('district.id'))
    .addColumn('commune_id', 'integer', (c) => c.references('commune.id'))
    .addColumn('is_active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('password_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Exactly the scope the role needs: the admin has none; commune officers a commune; planners
    // their own level; reviewers and viewers a district or a province.
    .addCheckConstraint(
      'app_user_scope_matches_role',
      sql`case role
        when 'admin' then province_id is null and district_id is null and commune_id is null
        when 'province_planner' then province_id is not null and district_id is null and commune_id is null
        when 'district_planner' then district_id is not null and commune_id is null
        when 'commune_officer' then commune_id is not null
        else province_id is not null or district_id is not null or commune_id is not null
      end`,
    )
    .execute();

  await db.schema
    .createTable('user_session')
    .addColumn('id', 'integer', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'integer', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) between 1 and 120`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('access', 'text', (c) => c.notNull().check(sql`access in ('read', 'read_write')`))
    .addColumn('province_id', 'integer', (c) => c.references('province.id'))
    .addColumn('district_id', 'integer', (c) => c.references('district.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addCheckConstraint('api_token_has_scope', sql`province_id is not null or district_id is not null`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_token').execute();
  await db.schema.dropTable('user_session').execute();
  await db.schema.dropTable('app_user').execute();
}
