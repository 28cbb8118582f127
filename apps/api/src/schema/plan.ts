// Plans: a scope (district or province), a period, the criteria set it plans against, and a
// status that decides whether it can still be edited.
import type { NtmLevel, Plan, PlanCommune, PlanStatus } from '@ntm/db';
import { formatQuarter, toQuarterCode } from '@ntm/domain';
import { visible } from '../auth/scope.ts';
import { builder } from '../builder.ts';
import { loadNodes } from '../loaders.ts';
import { createPlan, setPlanTargets, updatePlan } from '../services/plans.ts';
import { allowed, writes } from './access.ts';
import { resolveIdConnection } from './connection.ts';
import { CriteriaSetRef } from './criteria.ts';
import { mutationErrors } from './errors.ts';
import { CommuneRef, DistrictRef, ProvinceRef } from './geography.ts';
import { decodeId, tryDecodeId } from './ids.ts';

export const PlanRef = builder.objectRef<Plan>('Plan');
const PlanCommuneRef = builder.objectRef<PlanCommune>('PlanCommune');

export const PlanStatusEnum = builder.enumType('PlanStatus', {
  description:
    'draft → submitted → approved → locked (a returned plan goes back to draft). Only a draft can be edited.',
  values: {
    DRAFT: { value: 'draft' },
    SUBMITTED: { value: 'submitted' },
    APPROVED: { value: 'approved' },
    LOCKED: { value: 'locked' },
  } as const satisfies Record<string, { value: PlanStatus }>,
});

const ScopeLevelEnum = builder.enumType('ScopeLevel', {
  values: {
    DISTRICT: { value: 'district' },
    PROVINCE: { value: 'province' },
  } as const,
});

export const NtmLevelEnum = builder.enumType('NtmLevel', {
  description: 'The NTM standard a commune aims for.',
  values: {
    DAT_CHUAN: { value: 'dat_chuan', description: 'Đạt chuẩn (standard)' },
    NANG_CAO: { value: 'nang_cao', description: 'Nâng cao (advanced)' },
    KIEU_MAU: { value: 'kieu_mau', description: 'Kiểu mẫu (model)' },
  } as const satisfies Record<string, { value: NtmLevel; description: string }>,
});

builder.node(PlanRef, {
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.plan, ids),
  fields: (t) => ({
    name: t.exposeString('name'),
    scopeLevel: t.field({
      type: ScopeLevelEnum,
      resolve: (p) => p.scope_level,
    }),
    province: t.field({
      type: ProvinceRef,
      resolve: async (p, _a, ctx) => (await ctx.loaders.province.load(p.province_id))!,
    }),
    district: t.field({
      type: DistrictRef,
      nullable: true,
      resolve: (p, _a, ctx) => (p.district_id === null ? null : ctx.loaders.district.load(p.district_id)),
    }),
    periodStartYear: t.exposeInt('period_start_year'),
    periodEndYear: t.exposeInt('period_end_year'),
    criteriaSet: t.field({
      type: CriteriaSetRef,
      resolve: async (p, _a, ctx) => (await ctx.loaders.criteriaSet.load(p.criteria_set_id))!,
    }),
    districtCriteriaSet: t.field({
      type: CriteriaSetRef,
      nullable: true,
      resolve: (p, _a, ctx) =>
        p.district_criteria_set_id === null ? null : ctx.loaders.criteriaSet.load(p.district_criteria_set_id),
    }),
    status: t.field({ type: PlanStatusEnum, resolve: (p) => p.status }),
    revision: t.exposeInt('revision'),
    version: t.exposeInt('version'),
    note: t.exposeString('note', { nullable: true }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    communes: t.field({
      type: [PlanCommuneRef],
      description: 'The communes the plan covers (the grid rows), with their targets.',
      args: { targetedOnly: t.arg.boolean({ required: false }) },
      resolve: async (p, args, ctx) => {
        let query = ctx.db
          .selectFrom('plan_commune')
          .innerJoin('commune', 'commune.id', 'plan_commune.commune_id')
          .selectAll('plan_commune')
          .where('plan_id', '=', p.id)
          .orderBy('commune.kind', 'desc')
          .orderBy('commune.search_key');
        if (args.targetedOnly) query = query.where('is_target', '=', true);
        return query.execute();
      },
    }),
  }),
});

builder.objectType(PlanCommuneRef, {
  description: 'A commune in a plan: whether the plan targets it, at what level and by when.',
  fields: (t) => ({
    commune: t.field({
      type: CommuneRef,
      resolve: async (pc, _a, ctx) => (await ctx.loaders.commune.load(pc.commune_id))!,
    }),
    isTarget: t.exposeBoolean('is_target', {
      description: 'Targeted to reach the standard in this plan.',
    }),
    targetLevel: t.field({
      type: NtmLevelEnum,
      nullable: true,
      resolve: (pc) => pc.target_level,
    }),
    deadline: t.string({
      nullable: true,
      description: 'Deadline quarter as a code, e.g. "2022-Q3".',
      resolve: (pc) => (pc.deadline_year && pc.deadline_quarter ? toQuarterCode(quarterOf(pc)!) : null),
    }),
    deadlineLabel: t.string({
      nullable: true,
      description: 'Deadline for people: "Quý III/2022" or "Q3 2022".',
      resolve: (pc, _a, ctx) => {
        const q = quarterOf(pc);
        return q ? formatQuarter(q, ctx.locale) : null;
      },
    }),
    priority: t.exposeInt('priority', {
      description: 'Higher is more urgent; the optimizer weighs targets by it.',
    }),
  }),
});

function quarterOf(pc: PlanCommune) {
  return pc.deadline_year !== null && pc.deadline_quarter !== null
    ? { year: pc.deadline_year, quarter: pc.deadline_quarter as 1 | 2 | 3 | 4 }
    : null;
}

builder.queryFields((t) => ({
  plans: t.connection({
    authScopes: allowed,
    type: PlanRef,
    args: { status: t.arg({ type: PlanStatusEnum, required: false }) },
    resolve: (_r, args, ctx) =>
      resolveIdConnection(args, ({ afterId, beforeId, limit, descending }) => {
        let query = ctx.db
          .selectFrom('plan')
          .selectAll()
          .where(visible.plan(ctx.principal))
          .orderBy('id', descending ? 'desc' : 'asc')
          .limit(limit);
        if (args.status) query = query.where('status', '=', args.status);
        if (afterId !== undefined) query = query.where('id', '>', afterId);
        if (beforeId !== undefined) query = query.where('id', '<', beforeId);
        return query.execute();
      }),
  }),
  plan: t.field({
    authScopes: allowed,
    type: PlanRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => {
      const id = tryDecodeId(String(args.id), 'Plan');
      return id === null ? null : ctx.loaders.plan.load(id);
    },
  }),
}));

const CreatePlanInput = builder.inputType('CreatePlanInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    districtId: t.id({
      required: false,
      description: 'Plan for a district; give this or provinceId.',
    }),
    provinceId: t.id({
      required: false,
      description: 'Plan for a whole province (no district level).',
    }),
    periodStartYear: t.int({ required: true }),
    periodEndYear: t.int({
      required: true,
      description: 'Same as the start for a yearly plan.',
    }),
    criteriaSetId: t.id({
      required: true,
      description: 'The commune criteria set the plan works toward.',
    }),
    districtCriteriaSetId: t.id({ required: false }),
    note: t.string({ required: false }),
  }),
});

const UpdatePlanInput = builder.inputType('UpdatePlanInput', {
  fields: (t) => ({
    planId: t.id({ required: true }),
    name: t.string({ required: false }),
    note: t.string({ required: false }),
    periodStartYear: t.int({ required: false }),
    periodEndYear: t.int({ required: false }),
  }),
});

const PlanTargetInput = builder.inputType('PlanTargetInput', {
  fields: (t) => ({
    communeId: t.id({ required: true }),
    isTarget: t.boolean({ required: true }),
    targetLevel: t.field({ type: NtmLevelEnum, required: false }),
    deadline: t.string({
      required: false,
      description: 'Quarter: "2022-Q3", "Q3/2022" or "Quý III/2022".',
    }),
    priority: t.int({
      required: false,
      description: '1–100, higher is more urgent.',
    }),
  }),
});

export const PlanPayload = builder.objectRef<{ plan: Plan }>('PlanPayload').implement({
  fields: (t) => ({ plan: t.field({ type: PlanRef, resolve: (p) => p.plan }) }),
});

builder.mutationFields((t) => ({
  createPlan: t.field({
    authScopes: writes<{
      input: { districtId?: string | number | null; provinceId?: string | number | null };
    }>(({ input }) => [
      { district: input.districtId, field: 'districtId' },
      { province: input.provinceId, field: 'provinceId' },
    ]),
    type: PlanPayload,
    errors: mutationErrors,
    args: { input: t.arg({ type: CreatePlanInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      plan: await createPlan(ctx, {
        name: input.name,
        districtId: input.districtId ? decodeId(String(input.districtId), 'District', 'districtId') : null,
        provinceId: input.provinceId ? decodeId(String(input.provinceId), 'Province', 'provinceId') : null,
        periodStartYear: input.periodStartYear,
        periodEndYear: input.periodEndYear,
        criteriaSetId: decodeId(String(input.criteriaSetId), 'CriteriaSet', 'criteriaSetId'),
        districtCriteriaSetId: input.districtCriteriaSetId
          ? decodeId(String(input.districtCriteriaSetId), 'CriteriaSet', 'districtCriteriaSetId')
          : null,
        note: input.note ?? null,
      }),
    }),
  }),
  updatePlan: t.field({
    authScopes: writes<{ input: { planId: string | number } }>(({ input }) => [
      { plan: input.planId, field: 'planId' },
    ]),
    type: PlanPayload,
    errors: mutationErrors,
    args: { input: t.arg({ type: UpdatePlanInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      plan: await updatePlan(ctx, decodeId(String(input.planId), 'Plan', 'planId'), input),
    }),
  }),
  setPlanTargets: t.field({
    authScopes: writes<{ planId: string | number }>((args) => [{ plan: args.planId, field: 'planId' }]),
    type: PlanPayload,
    description: 'Marks communes as targets of the plan, with level, deadline quarter and priority. Atomic.',
    errors: mutationErrors,
    args: {
      planId: t.arg.id({ required: true }),
      targets: t.arg({ type: [PlanTargetInput], required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const planId = decodeId(String(args.planId), 'Plan', 'planId');
      await setPlanTargets(
        ctx,
        planId,
        args.targets.map((x) => ({
          communeId: decodeId(String(x.communeId), 'Commune', 'communeId'),
          isTarget: x.isTarget,
          targetLevel: x.targetLevel ?? null,
          deadline: x.deadline ?? null,
          priority: x.priority ?? null,
        })),
      );
      ctx.loaders.plan.clear(planId);
      return { plan: (await ctx.loaders.plan.load(planId))! };
    },
  }),
}));
