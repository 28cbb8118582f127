// Criterion statuses belong to a unit (commune or district), not to a plan: a plan reads the
// unit's current status. Both kinds share one write path.
import { type CriterionStatus, type Database, inTransaction } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import type { Kysely } from 'kysely';
import type { Context } from '../context.ts';
import { publishPlanEvent } from '../events/plan-events.ts';
import { recordAudit, toAuditJson } from './audit.ts';
import { requireCriterionOfLevel } from './criterion-guard.ts';

export interface StatusInput {
  criterionId: number;
  isMet: boolean;
  assessedOn: string | null;
  note: string | null;
}

const UNIT = {
  commune: {
    table: 'criterion_status',
    unitColumn: 'commune_id',
    unknown: 'UNKNOWN_COMMUNE',
  },
  district: {
    table: 'district_criterion_status',
    unitColumn: 'district_id',
    unknown: 'UNKNOWN_DISTRICT',
  },
} as const;

export type UnitLevel = keyof typeof UNIT;

/** The row as stored; `unit_id` is the commune_id or district_id. */
export type StatusRow = Omit<CriterionStatus, 'commune_id'> & {
  commune_id?: number;
  district_id?: number;
};

export async function setUnitCriterionStatus(
  ctx: Context,
  level: UnitLevel,
  unitId: number,
  input: StatusInput,
): Promise<StatusRow> {
  const { table, unitColumn, unknown } = UNIT[level];
  return inTransaction(ctx.db, async (trx) => {
    // A dynamic table name: Kysely's per-table typing cannot follow it, the shapes are identical.
    const db = trx as unknown as Kysely<Pick<Database, 'criterion_status'>>;
    const unitTable = level === 'commune' ? 'commune' : 'district';
    const unit = await trx.selectFrom(unitTable).select('id').where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw new DomainError(unknown, { field: `${level}Id` });
    await requireCriterionOfLevel(trx, input.criterionId, level);

    const before = await db
      .selectFrom(table as 'criterion_status')
      .selectAll()
      .where(unitColumn as 'commune_id', '=', unitId)
      .where('criterion_id', '=', input.criterionId)
      .forUpdate()
      .executeTakeFirst();
    const values = {
      updated_by: ctx.actor,
      is_met: input.isMet,
      assessed_on: input.assessedOn,
      note: input.note,
      is_illustrative: false,
    };
    const after = before
      ? await db
          .updateTable(table as 'criterion_status')
          .set({
            ...values,
            version: before.version + 1,
            updated_at: new Date(),
            updated_by: ctx.actor,
          })
          .where(unitColumn as 'commune_id', '=', unitId)
          .where('criterion_id', '=', input.criterionId)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await db
          .insertInto(table as 'criterion_status')
          .values({
            [unitColumn as 'commune_id']: unitId,
            criterion_id: input.criterionId,
            ...values,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, [
      {
        entity: table,
        action: before ? 'update' : 'insert',
        entityKey: `${unitId}:${input.criterionId}`,
        communeId: level === 'commune' ? unitId : null,
        criterionId: input.criterionId,
        before: toAuditJson(before),
        after: toAuditJson(after),
      },
    ]);
    await publishPlanEvent(trx, {
      kind: 'status',
      planId: null,
      actor: ctx.actor,
      communeId: level === 'commune' ? unitId : null,
      districtId: level === 'district' ? unitId : null,
      criterionId: input.criterionId,
      isMet: after.is_met,
      version: after.version,
    });
    return after as StatusRow;
  });
}
