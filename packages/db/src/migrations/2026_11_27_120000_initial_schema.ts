// Frozen migration: never edit after it has shipped; add a new file instead.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) => t.generatedAlwaysAsIdentity().primaryKey();
  const now = sql`now()`;

  await db.schema
    .createTable('province')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('district')
    .addColumn('id', 'integer', id)
    .addColumn('province_id', 'integer', (c) => c.notNull().references('province.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('abolished_on', 'date')
    .execute();
  await db.schema.createIndex('district_province_idx').on('district').column('province_id').execute();

  await db.schema
    .createTable('commune')
    .addColumn('id', 'integer', id)
    .addColumn('province_id', 'integer', (c) => c.notNull().references('province.id'))
    // Nullable: from 1/7/2025 Vietnam has no district level.
    .addColumn('district_id', 'integer', (c) => c.references('district.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-case, diacritic-free name for search; computed by the domain's normalizer.
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('xa', 'phuong', 'thi_tran')`))
    .addColumn('region', 'text', (c) =>
      c.notNull().check(sql`region in ('TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL')`),
    )
    .addColumn('is_program135', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('ethnic_zone', 'text', (c) => c.check(sql`ethnic_zone in ('I', 'II', 'III')`))
    .addColumn('is_atk', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_border', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_island', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_illustrative', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('commune_district_idx')
    .on('commune')
    .columns(['district_id', 'name'])
    .execute();
  await db.schema
    .createIndex('commune_province_idx')
    .on('commune')
    .columns(['province_id', 'name'])
    .execute();

  await db.schema
    .createTable('criteria_set')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('commune', 'district')`))
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('criteria_group')
    .addColumn('id', 'integer', id)
    .addColumn('criteria_set_id', 'integer', (c) =>
      c.notNull().references('criteria_set.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addUniqueConstraint('criteria_group_set_position_key', ['criteria_set_id', 'position'])
    .execute();

  await db.schema
    .createTable('criterion')
    .addColumn('id', 'integer', id)
    .addColumn('criteria_set_id', 'integer', (c) =>
      c.notNull().references('criteria_set.id').onDelete('cascade'),
    )
    .addColumn('group_id', 'integer', (c) => c.references('criteria_group.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number > 0`))
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addUniqueConstraint('criterion_set_number_key', ['criteria_set_id', 'number'])
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('id', 'integer', id)
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('criterion.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('threshold', 'text', (c) => c.notNull())
    .addColumn('is_uncertain', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('indicator_criterion_code_key', ['criterion_id', 'code'])
    .execute();

  await db.schema
    .createTable('funding_source')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('central', 'province', 'district', 'commune', 'program', 'integrated', 'credit', 'enterprise', 'community')`,
        ),
    )
    // True where the money only counts once a People's Council (HĐND) approves it.
    .addColumn('needs_council_approval', 'boolean', (c) => c.notNull().defaultTo(false))
    // Declarative eligibility rule, interpreted by @ntm/domain (see eligibility.ts).
    .addColumn('eligibility', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope_level', 'text', (c) => c.notNull().check(sql`scope_level in ('district', 'province')`))
    .addColumn('province_id', 'integer', (c) => c.notNull().references('province.id'))
    .addColumn('district_id', 'integer', (c) => c.references('district.id'))
    .addColumn('period_start_year', 'integer', (c) => c.notNull())
    .addColumn('period_end_year', 'integer', (c) => c.notNull())
    .addColumn('criteria_set_id', 'integer', (c) => c.notNull().references('criteria_set.id'))
    .addColumn('district_criteria_set_id', 'integer', (c) => c.references('criteria_set.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'submitted', 'approved', 'locked')`),
    )
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('previous_revision_id', 'integer', (c) => c.references('plan.id'))
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('plan_period_check', sql`period_end_year >= period_start_year`)
    .addCheckConstraint('plan_scope_check', sql`(scope_level = 'district') = (district_id is not null)`)
    .execute();

  // The communes a plan covers (the grid's rows) and which of them it targets.
  await db.schema
    .createTable('plan_commune')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('commune_id', 'integer', (c) => c.notNull().references('commune.id'))
    .addColumn('is_target', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('target_level', 'text', (c) =>
      c.check(sql`target_level in ('dat_chuan', 'nang_cao', 'kieu_mau')`),
    )
    .addColumn('deadline_year', 'integer')
    .addColumn('deadline_quarter', 'integer', (c) => c.check(sql`deadline_quarter between 1 and 4`))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(1).check(sql`priority > 0`))
    .addPrimaryKeyConstraint('plan_commune_pkey', ['plan_id', 'commune_id'])
    .addCheckConstraint(
      'plan_commune_target_check',
      sql`not is_target or (target_level is not null and deadline_year is not null and deadline_quarter is not null)`,
    )
    .execute();

  await db.schema
    .createTable('funding_cap')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('funding_source.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('is_confirmed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('funding_cap_pkey', ['plan_id', 'source_id'])
    .execute();

  await db.schema
    .createTable('allocation')
    .addColumn('plan_id', 'integer', (c) => c.notNull())
    .addColumn('commune_id', 'integer', (c) => c.notNull())
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('criterion.id'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('funding_source.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('allocation_pkey', ['plan_id', 'commune_id', 'criterion_id', 'source_id'])
    .addForeignKeyConstraint(
      'allocation_plan_commune_fkey',
      ['plan_id', 'commune_id'],
      'plan_commune',
      ['plan_id', 'commune_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // The primary key serves per-commune reads; these serve totals by source and by criterion.
  await db.schema
    .createIndex('allocation_plan_source_idx')
    .on('allocation')
    .columns(['plan_id', 'source_id'])
    .execute();
  await db.schema
    .createIndex('allocation_plan_criterion_idx')
    .on('allocation')
    .columns(['plan_id', 'criterion_id'])
    .execute();

  for (const [table, unit] of [
    ['criterion_status', 'commune'],
    ['district_criterion_status', 'district'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn(`${unit}_id`, 'integer', (c) => c.notNull().references(`${unit}.id`))
      .addColumn('criterion_id', 'integer', (c) => c.notNull().references('criterion.id'))
      .addColumn('is_met', 'boolean', (c) => c.notNull())
      .addColumn('assessed_on', 'date')
      .addColumn('note', 'text')
      .addColumn('is_illustrative', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
      .addPrimaryKeyConstraint(`${table}_pkey`, [`${unit}_id`, 'criterion_id'])
      .execute();
  }

  await db.schema
    .createTable('project')
    .addColumn('id', 'integer', id)
    .addColumn('commune_id', 'integer', (c) => c.notNull().references('commune.id'))
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('criterion.id'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('estimated_cost', 'bigint', (c) => c.notNull().check(sql`estimated_cost >= 0`))
    // Required projects are the ones the criterion cannot be met without ("điều kiện cần, đủ").
    .addColumn('is_required', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('planned')
        .check(sql`status in ('planned', 'in_progress', 'completed', 'cancelled')`),
    )
    .addColumn('disbursed', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`disbursed >= 0`))
    .addColumn('is_illustrative', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('project_commune_idx')
    .on('project')
    .columns(['commune_id', 'criterion_id'])
    .execute();

  // Append-only history of every change. No foreign keys: history outlives what it describes.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('batch_id', 'text')
    .addColumn('origin', 'text', (c) =>
      c.notNull().check(sql`origin in ('grid', 'api', 'import', 'optimizer', 'system', 'seed')`),
    )
    .addColumn('entity', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`entity in ('plan', 'plan_commune', 'allocation', 'funding_cap', 'criterion_status', 'district_criterion_status', 'project')`,
        ),
    )
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('insert', 'update', 'delete')`))
    .addColumn('plan_id', 'integer')
    .addColumn('commune_id', 'integer')
    .addColumn('criterion_id', 'integer')
    .addColumn('source_id', 'integer')
    .addColumn('entity_key', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_log_plan_idx').on('audit_log').columns(['plan_id', 'id']).execute();
  await db.schema
    .createIndex('audit_log_cell_idx')
    .on('audit_log')
    .columns(['plan_id', 'commune_id', 'criterion_id', 'source_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'project',
    'district_criterion_status',
    'criterion_status',
    'allocation',
    'funding_cap',
    'plan_commune',
    'plan',
    'funding_source',
    'indicator',
    'criterion',
    'criteria_group',
    'criteria_set',
    'commune',
    'district',
    'province',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
