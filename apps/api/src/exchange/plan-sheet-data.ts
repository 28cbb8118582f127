// Everything an export or an import needs to know about one plan, read in a fixed number of
// statements: the axes in the grid's display order, the stored cells with their versions, the
// criteria statuses and the plan analysis.
import type { CommuneKind, Database, NtmLevel, Plan } from '@ntm/db';
import { DomainError, type PlanAnalysis, type Quarter, quarterOf } from '@ntm/domain';
import type { Kysely } from 'kysely';
import { analyzePlanFromDb, loadGridAxes } from '../services/plan-read.ts';

export interface SheetCommune {
  id: number;
  code: string;
  name: string;
  kind: CommuneKind;
  isProgram135: boolean;
  isTarget: boolean;
  targetLevel: NtmLevel | null;
  deadline: Quarter | null;
  criteriaMet: number;
}

export interface SheetCriterion {
  id: number;
  number: number;
  nameVi: string;
  nameEn: string;
  groupId: number | null;
}

export interface SheetGroup {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface SheetSource {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface StoredCell {
  amount: bigint;
  version: number;
}

export interface PlanSheetData {
  plan: Plan;
  /** The district's or province's name, for titles. */
  scopeName: string;
  communes: SheetCommune[];
  criteria: SheetCriterion[];
  groups: SheetGroup[];
  sources: SheetSource[];
  /** By cellKey(commune, criterion, source); cells never written are absent. */
  cells: Map<string, StoredCell>;
  /** `${communeId}:${criterionId}` of met criteria. */
  met: Set<string>;
  analysis: PlanAnalysis;
}

export async function loadPlanSheetData(
  db: Kysely<Database>,
  planId: number,
  asOf: Quarter = quarterOf(new Date()),
): Promise<PlanSheetData> {
  const plan = await db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) throw new DomainError('UNKNOWN_PLAN', { field: 'planId' });
  const inPlan = db.selectFrom('plan_commune').select('commune_id').where('plan_id', '=', plan.id);
  const [axes, scope, communeRows, criterionRows, groupRows, sourceRows, cellRows, metRows, analysis] =
    await Promise.all([
      loadGridAxes(db, plan.id, plan.criteria_set_id),
      plan.district_id === null
        ? db.selectFrom('province').select('name').where('id', '=', plan.province_id).executeTakeFirst()
        : db.selectFrom('district').select('name').where('id', '=', plan.district_id).executeTakeFirst(),
      db
        .selectFrom('plan_commune')
        .innerJoin('commune', 'commune.id', 'plan_commune.commune_id')
        .select([
          'commune.id',
          'commune.code',
          'commune.name',
          'commune.kind',
          'commune.is_program135',
          'plan_commune.is_target',
          'plan_commune.target_level',
          'plan_commune.deadline_year',
          'plan_commune.deadline_quarter',
        ])
        .where('plan_commune.plan_id', '=', plan.id)
        .execute(),
      db
        .selectFrom('criterion')
        .select(['id', 'number', 'name_vi', 'name_en', 'group_id'])
        .where('criteria_set_id', '=', plan.criteria_set_id)
        .execute(),
      db
        .selectFrom('criteria_group')
        .select(['id', 'code', 'name_vi', 'name_en'])
        .where('criteria_set_id', '=', plan.criteria_set_id)
        .orderBy('position')
        .execute(),
      db.selectFrom('funding_source').select(['id', 'code', 'name_vi', 'name_en']).execute(),
      db
        .selectFrom('allocation')
        .select(['commune_id', 'criterion_id', 'source_id', 'amount', 'version'])
        .where('plan_id', '=', plan.id)
        .execute(),
      db
        .selectFrom('criterion_status')
        .select(['commune_id', 'criterion_id'])
        .where('is_met', '=', true)
        .where('commune_id', 'in', inPlan)
        .execute(),
      analyzePlanFromDb(db, plan, asOf),
    ]);
  const criterionIds = new Set(criterionRows.map((c) => c.id));
  const met = new Set(
    metRows.filter((m) => criterionIds.has(m.criterion_id)).map((m) => `${m.commune_id}:${m.criterion_id}`),
  );
  const metCount = new Map<number, number>();
  for (const key of met) {
    const communeId = Number(key.split(':')[0]);
    metCount.set(communeId, (metCount.get(communeId) ?? 0) + 1);
  }
  const communeById = new Map(communeRows.map((c) => [c.id, c]));
  const criterionById = new Map(criterionRows.map((c) => [c.id, c]));
  const sourceById = new Map(sourceRows.map((s) => [s.id, s]));
  return {
    plan,
    scopeName: scope?.name ?? '',
    communes: axes.communeIds.map((id) => {
      const c = communeById.get(id)!;
      return {
        id,
        code: c.code,
        name: c.name,
        kind: c.kind,
        isProgram135: c.is_program135,
        isTarget: c.is_target,
        targetLevel: c.target_level,
        deadline:
          c.deadline_year !== null && c.deadline_quarter !== null
            ? { year: c.deadline_year, quarter: c.deadline_quarter as 1 | 2 | 3 | 4 }
            : null,
        criteriaMet: metCount.get(id) ?? 0,
      };
    }),
    criteria: axes.criterionIds.map((id) => {
      const c = criterionById.get(id)!;
      return { id, number: c.number, nameVi: c.name_vi, nameEn: c.name_en, groupId: c.group_id };
    }),
    groups: groupRows.map((g) => ({ id: g.id, code: g.code, nameVi: g.name_vi, nameEn: g.name_en })),
    sources: axes.sourceIds.map((id) => {
      const s = sourceById.get(id)!;
      return { id, code: s.code, nameVi: s.name_vi, nameEn: s.name_en };
    }),
    cells: new Map(
      cellRows.map((r) => [
        `${r.commune_id}:${r.criterion_id}:${r.source_id}`,
        { amount: BigInt(r.amount), version: r.version },
      ]),
    ),
    met,
    analysis,
  };
}
