import { type FundingCap, inTransaction } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import type { Context } from '../context.ts';
import { publishPlanEvent } from '../events/plan-events.ts';
import { recordAudit, toAuditJson } from './audit.ts';
import { lockWritablePlan } from './plan-guard.ts';

export async function setFundingCap(
  ctx: Context,
  input: {
    planId: number;
    sourceId: number;
    amount: bigint;
    isConfirmed: boolean;
    note: string | null;
  },
): Promise<FundingCap> {
  return inTransaction(ctx.db, async (trx) => {
    await lockWritablePlan(trx, input.planId);
    const source = await trx
      .selectFrom('funding_source')
      .select('id')
      .where('id', '=', input.sourceId)
      .executeTakeFirst();
    if (!source) throw new DomainError('UNKNOWN_SOURCE', { field: 'sourceId' });
    const before = await trx
      .selectFrom('funding_cap')
      .selectAll()
      .where('plan_id', '=', input.planId)
      .where('source_id', '=', input.sourceId)
      .executeTakeFirst();
    const after = await trx
      .insertInto('funding_cap')
      .values({
        plan_id: input.planId,
        source_id: input.sourceId,
        amount: input.amount,
        is_confirmed: input.isConfirmed,
        note: input.note,
        updated_by: ctx.actor,
      })
      .onConflict((oc) =>
        oc.columns(['plan_id', 'source_id']).doUpdateSet((eb) => ({
          amount: eb.ref('excluded.amount'),
          is_confirmed: eb.ref('excluded.is_confirmed'),
          note: eb.ref('excluded.note'),
          version: eb('funding_cap.version', '+', 1),
          updated_at: new Date(),
          updated_by: ctx.actor,
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, [
      {
        entity: 'funding_cap',
        action: before ? 'update' : 'insert',
        entityKey: `${input.planId}:${input.sourceId}`,
        planId: input.planId,
        sourceId: input.sourceId,
        before: toAuditJson(before),
        after: toAuditJson(after),
      },
    ]);
    await publishPlanEvent(trx, {
      kind: 'cap',
      planId: input.planId,
      actor: ctx.actor,
      sourceId: input.sourceId,
      amount: after.amount.toString(),
      isConfirmed: after.is_confirmed,
      version: after.version,
    });
    return after;
  });
}
