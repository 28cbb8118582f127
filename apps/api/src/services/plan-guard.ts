import type { Database, Plan } from '@ntm/db';
import { DomainError, isPlanWritable } from '@ntm/domain';
import type { Kysely } from 'kysely';

/**
 * Locks the plan row for the rest of the transaction: writes to one plan (and its status
 * changes) are serialized, so whatever is checked after this stays true until commit.
 */
export async function lockPlanRow(trx: Kysely<Database>, planId: number): Promise<Plan> {
  const plan = await trx
    .selectFrom('plan')
    .selectAll()
    .where('id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
  if (!plan) throw new DomainError('UNKNOWN_PLAN', { field: 'planId' });
  return plan;
}

/** Every write to a plan's figures, caps, targets or consultations goes through here: drafts only. */
export async function lockWritablePlan(trx: Kysely<Database>, planId: number): Promise<Plan> {
  const plan = await lockPlanRow(trx, planId);
  if (!isPlanWritable(plan.status)) throw new DomainError('PLAN_LOCKED', { status: plan.status });
  return plan;
}
