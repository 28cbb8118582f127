// plan.analysis: where each target commune stands against its deadline, which source is
// over-committed (debt risk), and where money is spread thin. Computed by @ntm/domain.
import type {
  CommuneAnalysis as CommuneGap,
  UnmetCriterionAnalysis as CriterionGap,
  PlanAnalysis,
  SourceAnalysis as SourceCommitment,
  SpreadThinWarning,
} from '@ntm/domain';
import { DomainError, formatQuarter, parseQuarter, quarterOf, toQuarterCode } from '@ntm/domain';
import { builder } from '../builder.ts';
import { analyzePlanFromDb } from '../services/plan-read.ts';
import { CriterionRef } from './criteria.ts';
import { FundingSourceRef } from './funding.ts';
import { CommuneRef } from './geography.ts';
import { encodeId } from './ids.ts';
import { PlanRef } from './plan.ts';

const AnalysisRef = builder.objectRef<PlanAnalysis>('PlanAnalysis');
const CommuneGapRef = builder.objectRef<CommuneGap>('CommuneGap');
const CriterionGapRef = builder.objectRef<CriterionGap>('CriterionGap');
const SourceCommitmentRef = builder.objectRef<SourceCommitment>('SourceCommitment');
const SpreadThinRef = builder.objectRef<SpreadThinWarning>('SpreadThinWarning');
const AnalysisTotalsRef = builder.objectRef<PlanAnalysis['totals']>('AnalysisTotals');

const SourceStatusEnum = builder.enumType('SourceCommitmentStatus', {
  values: {
    OK: { value: 'ok', description: 'Allocated within the confirmed cap.' },
    UNCONFIRMED: {
      value: 'unconfirmed',
      description: 'Allocated from money that is not confirmed yet (debt risk).',
    },
    OVER_CAP: {
      value: 'over_cap',
      description: 'Allocated beyond the cap (capital-construction debt).',
    },
  } as const,
});

const SpreadThinKindEnum = builder.enumType('SpreadThinKind', {
  values: {
    MET_CRITERION: {
      value: 'MET_CRITERION',
      description: 'Money on a criterion the commune already meets.',
    },
    NON_TARGET_COMMUNE: {
      value: 'NON_TARGET_COMMUNE',
      description: 'Money on a commune not targeted this period while targets still lack money.',
    },
    OVER_FUNDED: {
      value: 'OVER_FUNDED',
      description: 'More money than the criterion still needs.',
    },
  } as const,
});

builder.objectType(AnalysisRef, {
  fields: (t) => ({
    communes: t.field({
      type: [CommuneGapRef],
      description: 'Target communes, by deadline then priority.',
      resolve: (a) => a.communes,
    }),
    sources: t.field({
      type: [SourceCommitmentRef],
      resolve: (a) => a.sources,
    }),
    spreadThin: t.field({
      type: [SpreadThinRef],
      description:
        'Money on criteria already met, on communes not targeted, or in slivers; by commune, then criterion. A plan of thousands of communes can have tens of thousands: `first` takes the first ones.',
      args: { first: t.arg.int({ required: false, description: 'At most this many (0 or more).' }) },
      resolve: (a, args) => {
        if (args.first == null) return a.warnings;
        if (args.first < 0) throw new DomainError('INVALID_INPUT', { field: 'first' });
        return a.warnings.slice(0, args.first);
      },
    }),
    spreadThinCount: t.int({
      description: 'How many spread-thin warnings there are in all (with `spreadThin(first:)`).',
      resolve: (a) => a.warnings.length,
    }),
    totals: t.field({ type: AnalysisTotalsRef, resolve: (a) => a.totals }),
  }),
});

builder.objectType(AnalysisTotalsRef, {
  fields: (t) => ({
    allocated: t.expose('allocated', { type: 'Money' }),
    confirmedCaps: t.expose('confirmedCaps', { type: 'Money' }),
    expectedCaps: t.expose('expectedCaps', {
      type: 'Money',
      description: 'Caps not confirmed yet.',
    }),
    shortfall: t.expose('shortfall', {
      type: 'Money',
      description: 'Sum of the target communes’ shortfalls.',
    }),
    debtRisk: t.expose('debtRisk', {
      type: 'Money',
      description: 'Money committed beyond confirmed caps.',
    }),
    targetCommunes: t.exposeInt('targetCommunes'),
    fundedTargetCommunes: t.exposeInt('fundedTargetCommunes'),
  }),
});

builder.objectType(CommuneGapRef, {
  fields: (t) => ({
    commune: t.field({
      type: CommuneRef,
      resolve: async (g, _a, ctx) => (await ctx.loaders.commune.load(g.communeId))!,
    }),
    communeId: t.id({ resolve: (g) => encodeId('Commune', g.communeId) }),
    criteriaMet: t.exposeInt('criteriaMet'),
    criteriaTotal: t.exposeInt('criteriaTotal'),
    reachesStandard: t.exposeBoolean('reachesStandard', {
      description: 'Already meets every criterion.',
    }),
    cost: t.expose('cost', {
      type: 'Money',
      description: 'Cost of the required projects still to build for unmet criteria.',
    }),
    allocated: t.expose('allocated', {
      type: 'Money',
      description: 'Money allocated to its unmet criteria.',
    }),
    shortfall: t.expose('shortfall', { type: 'Money' }),
    isFunded: t.exposeBoolean('isFunded', {
      description: 'Every unmet criterion is costed and fully funded.',
    }),
    uncostedCriteria: t.field({
      type: [CriterionRef],
      description: 'Unmet criteria with no costed required project: their need is unknown.',
      resolve: async (g, _a, ctx) =>
        (await ctx.loaders.criterion.loadMany(g.uncostedCriterionIds)).filter(isRow),
    }),
    unmet: t.field({ type: [CriterionGapRef], resolve: (g) => g.unmet }),
    deadline: t.string({
      nullable: true,
      resolve: (g) => (g.deadline ? toQuarterCode(g.deadline) : null),
    }),
    deadlineLabel: t.string({
      nullable: true,
      resolve: (g, _a, ctx) => (g.deadline ? formatQuarter(g.deadline, ctx.locale) : null),
    }),
    isOverdue: t.exposeBoolean('isOverdue'),
  }),
});

builder.objectType(CriterionGapRef, {
  fields: (t) => ({
    criterion: t.field({
      type: CriterionRef,
      resolve: async (g, _a, ctx) => (await ctx.loaders.criterion.load(g.criterionId))!,
    }),
    criterionId: t.id({ resolve: (g) => encodeId('Criterion', g.criterionId) }),
    cost: t.expose('cost', { type: 'Money' }),
    allocated: t.expose('allocated', { type: 'Money' }),
    shortfall: t.expose('shortfall', { type: 'Money' }),
    isCosted: t.exposeBoolean('isCosted'),
  }),
});

builder.objectType(SourceCommitmentRef, {
  fields: (t) => ({
    source: t.field({
      type: FundingSourceRef,
      resolve: async (s, _a, ctx) => (await ctx.loaders.fundingSource.load(s.sourceId))!,
    }),
    sourceId: t.id({ resolve: (s) => encodeId('FundingSource', s.sourceId) }),
    allocated: t.expose('allocated', { type: 'Money' }),
    cap: t.expose('cap', { type: 'Money', nullable: true }),
    isConfirmed: t.exposeBoolean('isConfirmed'),
    confirmedCap: t.expose('confirmedCap', { type: 'Money' }),
    overCap: t.expose('overCap', { type: 'Money' }),
    unconfirmedAllocated: t.expose('unconfirmedAllocated', { type: 'Money' }),
    debtRisk: t.expose('debtRisk', {
      type: 'Money',
      description: 'Allocated beyond the confirmed cap.',
    }),
    status: t.field({ type: SourceStatusEnum, resolve: (s) => s.status }),
  }),
});

builder.objectType(SpreadThinRef, {
  fields: (t) => ({
    kind: t.field({ type: SpreadThinKindEnum, resolve: (w) => w.kind }),
    commune: t.field({
      type: CommuneRef,
      resolve: async (w, _a, ctx) => (await ctx.loaders.commune.load(w.communeId))!,
    }),
    communeId: t.id({ resolve: (w) => encodeId('Commune', w.communeId) }),
    criterionId: t.id({
      nullable: true,
      resolve: (w) =>
        'criterionId' in w && w.criterionId !== undefined ? encodeId('Criterion', w.criterionId) : null,
    }),
    amount: t.expose('amount', { type: 'Money' }),
  }),
});

function isRow<T>(value: T | Error | null): value is T {
  return value !== null && !(value instanceof Error);
}

builder.objectFields(PlanRef, (t) => ({
  analysis: t.field({
    type: AnalysisRef,
    description: 'Shortfalls of target communes, over-commitment per source, spread-thin warnings.',
    args: {
      asOf: t.arg.string({
        required: false,
        description: 'The quarter to judge deadlines against ("2022-Q3"); the current quarter by default.',
      }),
    },
    resolve: (p, args, ctx) => {
      const asOf = args.asOf ? parseQuarter(args.asOf) : quarterOf(new Date());
      if (!asOf) throw new DomainError('INVALID_QUARTER', { input: args.asOf ?? '' });
      return analyzePlanFromDb(ctx.db, p, asOf, ctx.signal);
    },
  }),
}));
