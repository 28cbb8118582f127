import type { Database, Plan, PlanStatus } from '@ntm/db';
import { DomainError, isPlanWritable } from '@ntm/domain';
import type { Kysely } from 'kysely';

/**
 * Locks the plan row FOR UPDATE for the rest of the transaction (one such writer at a time, so
 * plan-wide checks stay true until commit). Used by status changes, plan settings, caps and
 * reverts. Cell writers (`setAllocations`) take the row FOR SHARE instead, with the same check:
 * they run side by side, each cell guarded by its version, and still wait for — and hold off —
 * every writer here.
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
  return checkWritablePlan(await lockPlanRow(trx, planId));
}

/** The plan when it exists and can still be edited; the typed refusal otherwise. */
export function checkWritablePlan<T extends { status: PlanStatus }>(plan: T | undefined): T {
  if (!plan) throw new DomainError('UNKNOWN_PLAN', { field: 'planId' });
  if (!isPlanWritable(plan.status)) throw new DomainError('PLAN_LOCKED', { status: plan.status });
  return plan;
}
