// A new draft revision of a plan (điều chỉnh kế hoạch): same scope, period, criteria sets,
// communes and targets, linked to the plan it revises, with caps and cells copied from a given
// source (a snapshot when restoring a version, the plan itself when revising a locked plan).
// Every row written is audited under one batch id, so the audit trail alone rebuilds the plan.
import { randomUUID } from 'node:crypto';
import type { Database, Plan } from '@ntm/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Context } from '../context.ts';
import { recordAudit, toAuditJson } from './audit.ts';

export interface RevisionSource {
  /** Rows (source_id, amount, is_confirmed, note) to become the new plan's caps. */
  caps: RawBuilder<unknown>;
  /** Rows (commune_id, criterion_id, source_id, amount) to become the new plan's cells. */
  cells: RawBuilder<unknown>;
  /** Where the copy came from, kept in every audit entry, e.g. { restoredFrom: 7 }. */
  provenance: Record<string, number>;
}

export async function createRevision(
  trx: Kysely<Database>,
  ctx: Context,
  basis: Plan,
  name: string,
  source: RevisionSource,
): Promise<{ plan: Plan; batchId: string }> {
  const plan = await trx
    .insertInto('plan')
    .values({
      name,
      scope_level: basis.scope_level,
      province_id: basis.province_id,
      district_id: basis.district_id,
      period_start_year: basis.period_start_year,
      period_end_year: basis.period_end_year,
      criteria_set_id: basis.criteria_set_id,
      district_criteria_set_id: basis.district_criteria_set_id,
      revision: basis.revision + 1,
      previous_revision_id: basis.id,
      note: basis.note,
      updated_by: ctx.actor,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('plan_commune')
    .columns([
      'plan_id',
      'commune_id',
      'is_target',
      'target_level',
      'deadline_year',
      'deadline_quarter',
      'priority',
    ])
    .expression(
      trx
        .selectFrom('plan_commune')
        .select((eb) => [
          eb.val(plan.id).as('plan_id'),
          'commune_id',
          'is_target',
          'target_level',
          'deadline_year',
          'deadline_quarter',
          'priority',
        ])
        .where('plan_id', '=', basis.id),
    )
    .execute();
  const batchId = randomUUID();
  const audit = { actor: ctx.actor, requestId: ctx.requestId, origin: ctx.origin };
  const [provenanceKey, provenanceId] = Object.entries(source.provenance)[0] ?? ['copiedFrom', basis.id];
  await sql`
    with caps as (
      insert into funding_cap (plan_id, source_id, amount, is_confirmed, note, updated_by)
      select ${plan.id}, s.source_id, s.amount, s.is_confirmed, s.note, ${ctx.actor}
      from (${source.caps}) s
      returning *
    )
    insert into audit_log (actor, request_id, batch_id, origin, entity, action, plan_id, source_id,
                           entity_key, before, after)
    select ${audit.actor}, ${audit.requestId}, ${batchId}, ${audit.origin}, 'funding_cap', 'insert',
           ${plan.id}, c.source_id, concat_ws(':', ${plan.id}::int, c.source_id), null,
           jsonb_build_object('amount', c.amount::text, 'is_confirmed', c.is_confirmed, 'note', c.note,
                              'version', c.version, ${provenanceKey}::text, ${provenanceId}::int)
    from caps c`.execute(trx);
  await sql`
    with cells as (
      insert into allocation (plan_id, commune_id, criterion_id, source_id, amount, updated_by)
      select ${plan.id}, s.commune_id, s.criterion_id, s.source_id, s.amount, ${ctx.actor}
      from (${source.cells}) s
      returning commune_id, criterion_id, source_id, amount, version
    )
    insert into audit_log (actor, request_id, batch_id, origin, entity, action, plan_id, commune_id,
                           criterion_id, source_id, entity_key, before, after)
    select ${audit.actor}, ${audit.requestId}, ${batchId}, ${audit.origin}, 'allocation', 'insert',
           ${plan.id}, c.commune_id, c.criterion_id, c.source_id,
           concat_ws(':', ${plan.id}::int, c.commune_id, c.criterion_id, c.source_id), null,
           jsonb_build_object('amount', c.amount::text, 'version', c.version)
    from cells c`.execute(trx);
  await recordAudit(
    trx,
    ctx,
    [
      {
        entity: 'plan',
        action: 'insert',
        entityKey: String(plan.id),
        planId: plan.id,
        before: null,
        after: { ...toAuditJson(plan), ...source.provenance },
      },
    ],
    batchId,
  );
  return { plan, batchId };
}
