// Plans: create (with its communes from the scope), edit, targets. Status moves: plan-workflow.ts.
import { type Database, inTransaction, type NtmLevel, type Plan, type PlanUpdate } from '@ntm/db';
import { DomainError, parseQuarter } from '@ntm/domain';
import type { Kysely } from 'kysely';
import type { Context } from '../context.ts';
import { recordAudit, toAuditJson } from './audit.ts';
import { lockWritablePlan } from './plan-guard.ts';

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;
const MAX_NAME = 300;

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME) {
    throw new DomainError('INVALID_NAME', { field: 'name', max: MAX_NAME });
  }
  return trimmed;
}

function checkPeriod(start: number, end: number): void {
  const ok = (y: number) => Number.isInteger(y) && y >= YEAR_MIN && y <= YEAR_MAX;
  if (!ok(start) || !ok(end) || end < start) {
    throw new DomainError('INVALID_PERIOD', { field: 'periodEndYear', from: start, to: end });
  }
}

export interface CreatePlanInput {
  name: string;
  provinceId: number | null;
  districtId: number | null;
  periodStartYear: number;
  periodEndYear: number;
  criteriaSetId: number;
  districtCriteriaSetId: number | null;
  note: string | null;
}

export async function createPlan(ctx: Context, input: CreatePlanInput): Promise<Plan> {
  const name = checkName(input.name);
  checkPeriod(input.periodStartYear, input.periodEndYear);
  if ((input.provinceId === null) === (input.districtId === null)) {
    throw new DomainError('INVALID_SCOPE', { field: 'districtId' });
  }
  return inTransaction(ctx.db, async (trx) => {
    const district =
      input.districtId === null
        ? null
        : await trx.selectFrom('district').selectAll().where('id', '=', input.districtId).executeTakeFirst();
    if (input.districtId !== null && !district)
      throw new DomainError('UNKNOWN_DISTRICT', { field: 'districtId' });
    const provinceId = district ? district.province_id : input.provinceId!;
    const province = await trx
      .selectFrom('province')
      .select('id')
      .where('id', '=', provinceId)
      .executeTakeFirst();
    if (!province) throw new DomainError('INVALID_SCOPE', { field: 'provinceId' });

    const sets = await trx
      .selectFrom('criteria_set')
      .select(['id', 'level'])
      .where('id', 'in', [input.criteriaSetId, input.districtCriteriaSetId ?? -1])
      .execute();
    const level = (id: number | null) => sets.find((s) => s.id === id)?.level;
    if (level(input.criteriaSetId) !== 'commune') {
      throw new DomainError('UNKNOWN_CRITERIA_SET', {
        field: 'criteriaSetId',
      });
    }
    if (input.districtCriteriaSetId !== null && level(input.districtCriteriaSetId) !== 'district') {
      throw new DomainError('UNKNOWN_CRITERIA_SET', {
        field: 'districtCriteriaSetId',
      });
    }

    const plan = await trx
      .insertInto('plan')
      .values({
        name,
        scope_level: district ? 'district' : 'province',
        province_id: provinceId,
        district_id: district?.id ?? null,
        period_start_year: input.periodStartYear,
        period_end_year: input.periodEndYear,
        criteria_set_id: input.criteriaSetId,
        district_criteria_set_id: input.districtCriteriaSetId,
        note: input.note,
        updated_by: ctx.actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    const inScope = trx
      .selectFrom('commune')
      .where(district ? 'district_id' : 'province_id', '=', district ? district.id : provinceId)
      .select((eb) => [eb.val(plan.id).as('plan_id'), 'id as commune_id']);
    await trx.insertInto('plan_commune').columns(['plan_id', 'commune_id']).expression(inScope).execute();

    await recordAudit(trx, ctx, [
      {
        entity: 'plan',
        action: 'insert',
        entityKey: String(plan.id),
        planId: plan.id,
        before: null,
        after: toAuditJson(plan),
      },
    ]);
    return plan;
  });
}

export interface UpdatePlanInput {
  name?: string | null;
  note?: string | null;
  periodStartYear?: number | null;
  periodEndYear?: number | null;
}

export async function updatePlan(ctx: Context, planId: number, input: UpdatePlanInput): Promise<Plan> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await lockWritablePlan(trx, planId);
    const name = input.name === undefined || input.name === null ? before.name : checkName(input.name);
    const start = input.periodStartYear ?? before.period_start_year;
    const end = input.periodEndYear ?? before.period_end_year;
    checkPeriod(start, end);
    return updatePlanRow(trx, ctx, before, {
      name,
      note: input.note === undefined ? before.note : input.note,
      period_start_year: start,
      period_end_year: end,
    });
  });
}

export interface TargetInput {
  communeId: number;
  isTarget: boolean;
  targetLevel: NtmLevel | null;
  deadline: string | null;
  priority: number | null;
}

export async function setPlanTargets(ctx: Context, planId: number, targets: TargetInput[]): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    await lockWritablePlan(trx, planId);
    const rows = await trx
      .selectFrom('plan_commune')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('commune_id', 'in', targets.length ? targets.map((t) => t.communeId) : [-1])
      .execute();
    const existing = new Map(rows.map((r) => [r.commune_id, r]));
    const audit = [];
    for (const target of targets) {
      const before = existing.get(target.communeId);
      if (!before)
        throw new DomainError('COMMUNE_NOT_IN_PLAN', { field: 'communeId', commune: target.communeId });
      const quarter = target.deadline ? parseQuarter(target.deadline) : null;
      if (target.deadline && !quarter)
        throw new DomainError('INVALID_QUARTER', {
          field: 'deadline',
          input: target.deadline,
        });
      if (target.isTarget && !quarter) {
        throw new DomainError('INVALID_TARGET', {
          field: 'deadline',
        });
      }
      if (
        target.priority !== null &&
        (!Number.isInteger(target.priority) || target.priority < 1 || target.priority > 100)
      ) {
        throw new DomainError('INVALID_TARGET', { field: 'priority' });
      }
      const after = await trx
        .updateTable('plan_commune')
        .set({
          is_target: target.isTarget,
          target_level: target.isTarget ? (target.targetLevel ?? 'dat_chuan') : target.targetLevel,
          deadline_year: quarter?.year ?? null,
          deadline_quarter: quarter?.quarter ?? null,
          priority: target.priority ?? before.priority,
        })
        .where('plan_id', '=', planId)
        .where('commune_id', '=', target.communeId)
        .returningAll()
        .executeTakeFirstOrThrow();
      audit.push({
        entity: 'plan_commune' as const,
        action: 'update' as const,
        entityKey: `${planId}:${target.communeId}`,
        planId,
        communeId: target.communeId,
        before: toAuditJson(before),
        after: toAuditJson(after),
      });
    }
    await recordAudit(trx, ctx, audit);
  });
}

/** Writes plan fields with a new version and author, audited in the same transaction. */
export async function updatePlanRow(
  trx: Kysely<Database>,
  ctx: Context,
  before: Plan,
  changes: Pick<PlanUpdate, 'name' | 'note' | 'period_start_year' | 'period_end_year' | 'status'>,
): Promise<Plan> {
  const after = await trx
    .updateTable('plan')
    .set({ ...changes, version: before.version + 1, updated_at: new Date(), updated_by: ctx.actor })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, [
    {
      entity: 'plan',
      action: 'update',
      entityKey: String(before.id),
      planId: before.id,
      before: toAuditJson(before),
      after: toAuditJson(after),
    },
  ]);
  return after;
}
