// Criteria sets are versioned data (a decree changes them); these types expose them and each
// unit's status against them.
import type {
  CriteriaGroup,
  CriteriaSet,
  Criterion,
  CriterionStatus,
  DistrictCriterionStatus,
  Indicator,
} from '@ntm/db';
import { summarizeProgress } from '@ntm/domain';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { loadNodes } from '../loaders.ts';
import { allowed } from './access.ts';
import { CommuneRef, DistrictRef, ProgressRef } from './geography.ts';
import { tryDecodeId } from './ids.ts';

export const CriteriaSetRef = builder.objectRef<CriteriaSet>('CriteriaSet');
export const CriteriaGroupRef = builder.objectRef<CriteriaGroup>('CriteriaGroup');
export const CriterionRef = builder.objectRef<Criterion>('Criterion');
const IndicatorRef = builder.objectRef<Indicator>('Indicator');
type AnyStatus = CriterionStatus | DistrictCriterionStatus;
const CriterionStatusRef = builder.objectRef<AnyStatus>('CriterionStatus');

export const CriteriaLevelEnum = builder.enumType('CriteriaLevel', {
  values: {
    COMMUNE: { value: 'commune' },
    DISTRICT: { value: 'district' },
  } as const,
});

builder.node(CriteriaSetRef, {
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.criteriaSet, ids),
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Stable code, e.g. xa-ntm-2021-2025.',
    }),
    level: t.field({ type: CriteriaLevelEnum, resolve: (s) => s.level }),
    name: t.string({
      resolve: (s, _a, ctx) => (ctx.locale === 'en' ? s.name_en : s.name_vi),
    }),
    nameVi: t.exposeString('name_vi'),
    nameEn: t.exposeString('name_en'),
    decision: t.exposeString('decision', {
      description: 'The legal decision that issued the set.',
    }),
    validFrom: t.expose('valid_from', { type: 'Date' }),
    validTo: t.expose('valid_to', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    groups: t.field({
      type: [CriteriaGroupRef],
      resolve: (s, _a, ctx) => ctx.loaders.groupsBySet.load(s.id),
    }),
    criteria: t.field({
      type: [CriterionRef],
      resolve: (s, _a, ctx) => ctx.loaders.criteriaBySet.load(s.id),
    }),
  }),
});

builder.objectType(CriteriaGroupRef, {
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', {
      description: 'Roman numeral of the group, e.g. "II".',
    }),
    position: t.exposeInt('position'),
    name: t.string({
      resolve: (g, _a, ctx) => (ctx.locale === 'en' ? g.name_en : g.name_vi),
    }),
    nameVi: t.exposeString('name_vi'),
    nameEn: t.exposeString('name_en'),
  }),
});

builder.node(CriterionRef, {
  id: { resolve: (c) => c.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.criterion, ids),
  fields: (t) => ({
    number: t.exposeInt('number'),
    name: t.string({
      resolve: (c, _a, ctx) => (ctx.locale === 'en' ? c.name_en : c.name_vi),
    }),
    nameVi: t.exposeString('name_vi'),
    nameEn: t.exposeString('name_en'),
    groupId: t.id({ nullable: true, resolve: (c) => c.group_id }),
    criteriaSet: t.field({
      type: CriteriaSetRef,
      resolve: async (c, _a, ctx) => (await ctx.loaders.criteriaSet.load(c.criteria_set_id))!,
    }),
    indicators: t.field({
      type: [IndicatorRef],
      resolve: (c, _a, ctx) => ctx.loaders.indicatorsByCriterion.load(c.id),
    }),
  }),
});

builder.objectType(IndicatorRef, {
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({
      resolve: (i, _a, ctx) => (ctx.locale === 'en' ? i.name_en : i.name_vi),
    }),
    nameVi: t.exposeString('name_vi'),
    nameEn: t.exposeString('name_en'),
    threshold: t.exposeString('threshold'),
    isUncertain: t.exposeBoolean('is_uncertain', {
      description: 'The threshold is a placeholder awaiting the official text.',
    }),
  }),
});

builder.objectType(CriterionStatusRef, {
  description: 'Whether a unit meets one criterion, as last assessed.',
  fields: (t) => ({
    criterion: t.field({
      type: CriterionRef,
      resolve: async (s, _a, ctx) => (await ctx.loaders.criterion.load(s.criterion_id))!,
    }),
    isMet: t.exposeBoolean('is_met'),
    assessedOn: t.expose('assessed_on', { type: 'Date', nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    isIllustrative: t.exposeBoolean('is_illustrative'),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
  }),
});

/** The same two fields for communes and districts: status per criterion, and progress in a set. */
function addStatusFields<Unit extends { id: number }>(
  ref: typeof CommuneRef | typeof DistrictRef,
  loadStatuses: (ctx: Context, unitId: number) => Promise<AnyStatus[]>,
) {
  const inSet = async (ctx: Context, unit: Unit, criteriaSetId: string | number | null | undefined) => {
    const all = await loadStatuses(ctx, unit.id);
    if (criteriaSetId === null || criteriaSetId === undefined) return { statuses: all, criteria: [] };
    const setId = tryDecodeId(String(criteriaSetId), 'CriteriaSet') ?? -1;
    const criteria = await ctx.loaders.criteriaBySet.load(setId);
    const ids = new Set(criteria.map((c) => c.id));
    return { statuses: all.filter((s) => ids.has(s.criterion_id)), criteria };
  };
  builder.objectFields(ref as unknown as typeof CommuneRef, (t) => ({
    criteriaStatus: t.field({
      type: [CriterionStatusRef],
      description: 'Status per criterion; only those of one criteria set when criteriaSetId is given.',
      args: { criteriaSetId: t.arg.id({ required: false }) },
      resolve: async (unit, args, ctx) =>
        (await inSet(ctx, unit as unknown as Unit, args.criteriaSetId)).statuses,
    }),
    progress: t.field({
      type: ProgressRef,
      args: { criteriaSetId: t.arg.id({ required: true }) },
      resolve: async (unit, args, ctx) => {
        const { statuses, criteria } = await inSet(ctx, unit as unknown as Unit, args.criteriaSetId);
        const met = new Set(statuses.filter((s) => s.is_met).map((s) => s.criterion_id));
        return summarizeProgress(
          criteria.map((c) => c.id),
          met,
        );
      },
    }),
  }));
}

addStatusFields(CommuneRef, (ctx, id) => ctx.loaders.statusesByCommune.load(id));
addStatusFields(DistrictRef, (ctx, id) => ctx.loaders.statusesByDistrict.load(id));

builder.queryFields((t) => ({
  criteriaSets: t.field({
    authScopes: allowed,
    type: [CriteriaSetRef],
    args: { level: t.arg({ type: CriteriaLevelEnum, required: false }) },
    resolve: (_r, args, ctx) => {
      let query = ctx.db.selectFrom('criteria_set').selectAll().orderBy('valid_from').orderBy('code');
      if (args.level) query = query.where('level', '=', args.level);
      return query.execute();
    },
  }),
}));

export { CriterionStatusRef };
