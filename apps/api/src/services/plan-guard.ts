import type { Database, Plan } from '@ntm/db';
import { DomainError, isPlanWritable } from '@ntm/domain';
import type { Kysely } from 'kysely';

/**
 * Locks the plan row for the rest of the transaction (writes to one plan are serialized, so
 * totals checked here stay true until commit) and refuses plans that are no longer editable.
 */
export async function lockWritablePlan(trx: Kysely<Database>, planId: number): Promise<Plan> {
  const plan = await trx
    .selectFrom('plan')
    .selectAll()
    .where('id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
  if (!plan) throw new DomainError('UNKNOWN_PLAN', { field: 'planId' });
  if (!isPlanWritable(plan.status)) throw new DomainError('PLAN_LOCKED', { status: plan.status });
  return plan;
}
