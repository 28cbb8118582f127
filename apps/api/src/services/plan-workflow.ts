// The approval workflow: the planner submits a draft, the council (HĐND) reviewer approves it or
// returns it with a comment, the approved plan is locked, and a locked plan changes only through
// a new revision. Every move is kept (plan_transition), audited and published live.
// Who may take which step is decided by the access rules on the mutations, not here.
import { type Database, inTransaction, type Plan, type PlanStatus } from '@ntm/db';
import { canTransition, DomainError, type PlanWorkflowAction, WORKFLOW_TARGET } from '@ntm/domain';
import { type Kysely, sql } from 'kysely';
import type { Context } from '../context.ts';
import { publishPlanEvent } from '../events/plan-events.ts';
import { recordAudit, toAuditJson } from './audit.ts';
import { consultationAudit } from './consultations.ts';
import { lockPlanRow } from './plan-guard.ts';
import { createRevision } from './plan-revision.ts';
import { updatePlanRow } from './plans.ts';

export const MAX_COMMENT = 2000;
const MAX_LISTED_COMMUNES = 10;

type Transition = Exclude<PlanWorkflowAction, 'openRevision'>;

export async function transitionPlan(
  ctx: Context,
  planId: number,
  action: Transition,
  comment: string | null = null,
): Promise<Plan> {
  const note = comment?.trim() || null;
  if (action === 'return' && !note) throw new DomainError('RETURN_COMMENT_REQUIRED', { field: 'comment' });
  if (note && note.length > MAX_COMMENT) throw new DomainError('INVALID_INPUT', { field: 'comment' });
  const to = WORKFLOW_TARGET[action];
  return inTransaction(ctx.db, async (trx) => {
    const before = await lockPlanRow(trx, planId);
    if (!canTransition(before.status, to)) {
      throw new DomainError('INVALID_STATUS_TRANSITION', { from: before.status, to });
    }
    if (action === 'submit') await requireConsultations(trx, planId);
    const after = await updatePlanRow(trx, ctx, before, { status: to });
    if (action === 'approve') await confirmOwnCaps(trx, ctx, after);
    await recordTransition(trx, ctx, planId, before.status, to, note);
    await publishPlanEvent(trx, {
      kind: 'plan',
      planId,
      actor: ctx.actor,
      status: after.status,
      version: after.version,
    });
    return after;
  });
}

async function recordTransition(
  trx: Kysely<Database>,
  ctx: Context,
  planId: number,
  from: PlanStatus,
  to: PlanStatus,
  comment: string | null,
) {
  const row = await trx
    .insertInto('plan_transition')
    .values({ plan_id: planId, from_status: from, to_status: to, comment, actor: ctx.actor })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, [
    {
      entity: 'plan_transition',
      action: 'insert',
      entityKey: String(row.id),
      planId,
      before: null,
      after: toAuditJson(row),
    },
  ]);
}

/**
 * Program 135 communes that get money in the plan but have no record of an agreed public
 * consultation: the plan cannot be submitted while any remain.
 */
export async function findMissingConsultations(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom('plan_commune as pc')
    .innerJoin('commune as c', 'c.id', 'pc.commune_id')
    .leftJoin('commune_consultation as cc', (join) =>
      join.onRef('cc.plan_id', '=', 'pc.plan_id').onRef('cc.commune_id', '=', 'pc.commune_id'),
    )
    .select(['c.id', 'c.name'])
    .where('pc.plan_id', '=', planId)
    .where('c.is_program135', '=', true)
    .where((eb) => eb.or([eb('cc.outcome', 'is', null), eb('cc.outcome', '=', 'not_agreed')]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('allocation as a')
          .select(sql`1`.as('one'))
          .whereRef('a.plan_id', '=', 'pc.plan_id')
          .whereRef('a.commune_id', '=', 'pc.commune_id')
          .where('a.amount', '>', 0n),
      ),
    )
    .orderBy('c.search_key')
    .execute();
}

async function requireConsultations(trx: Kysely<Database>, planId: number) {
  const missing = await findMissingConsultations(trx, planId);
  if (missing.length === 0) return;
  const listed = missing.slice(0, MAX_LISTED_COMMUNES).map((c) => c.name);
  throw new DomainError('CONSULTATION_MISSING', {
    count: missing.length,
    communes: listed.join(', ') + (missing.length > listed.length ? ', …' : ''),
  });
}

/** The council's approval confirms the plan's own budget caps (district budget for a district plan). */
async function confirmOwnCaps(trx: Kysely<Database>, ctx: Context, plan: Plan) {
  const ownKind = plan.scope_level === 'district' ? 'district' : 'province';
  const pending = await trx
    .selectFrom('funding_cap')
    .innerJoin('funding_source', 'funding_source.id', 'funding_cap.source_id')
    .selectAll('funding_cap')
    .where('funding_cap.plan_id', '=', plan.id)
    .where('funding_source.kind', '=', ownKind)
    .where('funding_cap.is_confirmed', '=', false)
    .execute();
  for (const before of pending) {
    const after = await trx
      .updateTable('funding_cap')
      .set({ is_confirmed: true, version: before.version + 1, updated_at: new Date(), updated_by: ctx.actor })
      .where('plan_id', '=', before.plan_id)
      .where('source_id', '=', before.source_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, [
      {
        entity: 'funding_cap',
        action: 'update',
        entityKey: `${plan.id}:${before.source_id}`,
        planId: plan.id,
        sourceId: before.source_id,
        before: toAuditJson(before),
        after: toAuditJson(after),
      },
    ]);
    await publishPlanEvent(trx, {
      kind: 'cap',
      planId: plan.id,
      actor: ctx.actor,
      sourceId: after.source_id,
      amount: after.amount.toString(),
      isConfirmed: after.is_confirmed,
      version: after.version,
    });
  }
}

/**
 * Opens a new draft revision of a locked plan with its caps, cells, targets and consultation
 * records; the locked plan stays as the council approved it. One draft revision at a time.
 */
export async function openPlanRevision(ctx: Context, planId: number, name: string | null): Promise<Plan> {
  return inTransaction(ctx.db, async (trx) => {
    const basis = await lockPlanRow(trx, planId);
    if (basis.status !== 'locked') throw new DomainError('PLAN_NOT_LOCKED', { status: basis.status });
    const existing = await trx
      .selectFrom('plan')
      .select('name')
      .where('previous_revision_id', '=', planId)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (existing) throw new DomainError('REVISION_EXISTS', { plan: existing.name });
    const revisionName = name?.trim() || basis.name;
    if (revisionName.length > 300) throw new DomainError('INVALID_NAME', { field: 'name', max: 300 });
    const { plan, batchId } = await createRevision(trx, ctx, basis, revisionName, {
      caps: sql`select source_id, amount, is_confirmed, note from funding_cap where plan_id = ${planId}`,
      cells: sql`select commune_id, criterion_id, source_id, amount from allocation where plan_id = ${planId} and amount > 0`,
      provenance: { revisionOf: planId },
    });
    const consultations = await trx
      .insertInto('commune_consultation')
      .columns(['plan_id', 'commune_id', 'held_on', 'outcome', 'minutes_ref', 'note', 'updated_by'])
      .expression(
        trx
          .selectFrom('commune_consultation')
          .select((eb) => [
            eb.val(plan.id).as('plan_id'),
            'commune_id',
            'held_on',
            'outcome',
            'minutes_ref',
            'note',
            eb.val(ctx.actor).as('updated_by'),
          ])
          .where('plan_id', '=', planId),
      )
      .returningAll()
      .execute();
    await recordAudit(
      trx,
      ctx,
      consultations.map((c) => consultationAudit(null, c)),
      batchId,
    );
    return plan;
  });
}
