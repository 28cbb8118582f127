// The optimizer over GraphQL: start a run (or a norm split), poll it, cancel it, accept all or part
// of its proposal as one audited batch. Runs live in the API process (see services/optimizer.ts).
import { DomainError, formatQuarter, isPlanWritable, parseQuarter, toQuarterCode } from '@ntm/domain';
import type { CommuneOutcome, OptimizeResult, OptimizeSummary, SourceUse } from '@ntm/optimizer';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { SetAllocationsResult } from '../services/allocations.ts';
import {
  acceptProposal,
  cancelOptimization,
  explainJobOutcome,
  findJob,
  MAX_TIME_LIMIT_SECONDS,
  type OptimizationJob,
  type ProposalCellWithVersion,
  startNormSplit,
  startOptimization,
} from '../services/optimizer.ts';
import { allowed, writes } from './access.ts';
import { CriterionRef } from './criteria.ts';
import { batchMutationErrors, CellConflictRef, mutationErrors } from './errors.ts';
import { FundingSourceRef } from './funding.ts';
import { CommuneRef } from './geography.ts';
import { decodeId, encodeId } from './ids.ts';
import { PlanRef } from './plan.ts';

type Outcome = { job: OptimizationJob; outcome: CommuneOutcome };
type Cell = { job: OptimizationJob; cell: ProposalCellWithVersion };

const OptimizationRef = builder.objectRef<OptimizationJob>('Optimization');
const ProposalRef = builder.objectRef<OptimizationJob>('Proposal');
const OutcomeRef = builder.objectRef<Outcome>('TargetOutcome');
const ProposalCellRef = builder.objectRef<Cell>('ProposalCell');
const SummaryRef = builder.objectRef<OptimizeSummary>('ProposalSummary');
const SolverRef = builder.objectRef<OptimizeResult>('SolverReport');
const SourceUseRef = builder.objectRef<SourceUse>('ProposalSource');

const StateEnum = builder.enumType('OptimizationState', {
  values: {
    RUNNING: { value: 'running' },
    DONE: { value: 'done', description: 'The proposal is ready.' },
    FAILED: { value: 'failed' },
    CANCELLED: { value: 'cancelled' },
  } as const,
});
const KindEnum = builder.enumType('ProposalKind', {
  values: {
    OPTIMIZE: { value: 'optimize', description: 'Most target communes to the standard (MIP).' },
    NORM_SPLIT: { value: 'norm_split', description: 'One source divided by norm coefficients.' },
  } as const,
});
const CapModeEnum = builder.enumType('CapMode', {
  values: {
    CONFIRMED: { value: 'confirmed', description: 'Only confirmed caps: no debt risk.' },
    EXPECTED: { value: 'expected', description: 'Confirmed and expected (not yet approved) caps.' },
  } as const,
});
const ExistingEnum = builder.enumType('ExistingAllocations', {
  values: {
    KEEP: { value: 'keep', description: 'Current allocations stay; only free cap is placed.' },
    FREE: { value: 'free', description: 'All money may be re-placed; cells not in the proposal go to 0.' },
  } as const,
});
const SolveStatusEnum = builder.enumType('SolveStatus', {
  values: {
    OPTIMAL: { value: 'optimal', description: 'Proven optimal.' },
    TIME_LIMIT: { value: 'time_limit', description: 'Stopped by the time limit; see gap.' },
    INFEASIBLE: { value: 'infeasible' },
    INTERRUPTED: { value: 'interrupted' },
    HEURISTIC: { value: 'heuristic', description: 'Greedy baseline, no optimality claim.' },
  } as const,
});
const OutcomeStatusEnum = builder.enumType('TargetOutcomeStatus', {
  values: {
    REACHED: { value: 'reached', description: 'The proposal funds every unmet criterion.' },
    ALREADY_MET: { value: 'already_met' },
    ALREADY_FUNDED: {
      value: 'already_funded',
      description: 'Kept allocations already fund every unmet criterion.',
    },
    NOT_REACHED: { value: 'not_reached' },
  } as const,
});
const ReasonEnum = builder.enumType('NotReachedReason', {
  values: {
    DEADLINE_PASSED: { value: 'deadline_passed' },
    UNCOSTED: { value: 'uncosted', description: 'An unmet criterion has no costed required project.' },
    NO_ELIGIBLE_SOURCE: { value: 'no_eligible_source' },
    CAPS_BINDING: { value: 'caps_binding', description: 'Not enough money left in the sources it may use.' },
    COUNTERPART: { value: 'counterpart' },
    SOLVER_LIMIT: { value: 'solver_limit', description: 'The solver stopped before proving it unreachable.' },
  } as const,
});
const NormTableEnum = builder.enumType('NormTable', {
  values: {
    NTM_2026_2030: {
      value: 'ntm-2026-2030',
      description: 'Zone III / ATK / border / island 50, Zone II 40, Zone I 30, other communes 25.',
    },
  } as const,
});

builder.objectType(OptimizationRef, {
  description: 'One optimizer run or norm split and, when done, its proposal. Kept for an hour.',
  fields: (t) => ({
    id: t.exposeID('id'),
    plan: t.field({ type: PlanRef, resolve: async (j, _a, ctx) => (await ctx.loaders.plan.load(j.planId))! }),
    state: t.field({ type: StateEnum, resolve: (j) => j.state }),
    kind: t.field({ type: KindEnum, nullable: true, resolve: (j) => j.proposal?.kind ?? null }),
    capMode: t.field({ type: CapModeEnum, resolve: (j) => j.options.capMode }),
    existing: t.field({ type: ExistingEnum, resolve: (j) => j.options.existing }),
    startedAt: t.field({ type: 'DateTime', resolve: (j) => j.startedAt }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (j) => j.finishedAt }),
    runningSeconds: t.float({
      description: 'Solver time so far (from its progress reports) while running.',
      resolve: (j) =>
        j.progress?.runningSeconds ??
        (j.finishedAt ?? new Date()).getTime() / 1000 - j.startedAt.getTime() / 1000,
    }),
    gap: t.float({
      nullable: true,
      description: 'Current relative MIP gap while running.',
      resolve: (j) => j.progress?.gap ?? null,
    }),
    failure: t.string({ nullable: true, resolve: (j) => j.failure }),
    proposal: t.field({ type: ProposalRef, nullable: true, resolve: (j) => (j.proposal ? j : null) }),
  }),
});

builder.objectType(SolverRef, {
  fields: (t) => ({
    status: t.field({ type: SolveStatusEnum, resolve: (r) => r.status }),
    gap: t.float({ nullable: true, description: 'Relative MIP gap; 0 when optimal.', resolve: (r) => r.gap }),
    solveSeconds: t.exposeFloat('solveSeconds'),
  }),
});

builder.objectType(SummaryRef, {
  fields: (t) => ({
    targetCommunes: t.exposeInt('targetCommunes'),
    reachedCommunes: t.exposeInt('reachedCommunes'),
    reachedWeight: t.exposeInt('reachedWeight', { description: 'Σ priority of the communes that reach.' }),
    totalWeight: t.exposeInt('totalWeight'),
    newMoney: t.expose('newMoney', { type: 'Money' }),
    shortfall: t.expose('shortfall', { type: 'Money' }),
  }),
});

builder.objectType(SourceUseRef, {
  fields: (t) => ({
    sourceId: t.id({ resolve: (s) => encodeId('FundingSource', s.sourceId) }),
    source: t.field({
      type: FundingSourceRef,
      resolve: async (s, _a, ctx) => (await ctx.loaders.fundingSource.load(s.sourceId))!,
    }),
    cap: t.expose('cap', {
      type: 'Money',
      description: 'The cap the run used (confirmed, or with expected).',
    }),
    proposedTotal: t.expose('proposedTotal', { type: 'Money' }),
  }),
});

builder.objectType(OutcomeRef, {
  fields: (t) => ({
    communeId: t.id({ resolve: ({ outcome }) => encodeId('Commune', outcome.communeId) }),
    commune: t.field({
      type: CommuneRef,
      resolve: async ({ outcome }, _a, ctx) => (await ctx.loaders.commune.load(outcome.communeId))!,
    }),
    status: t.field({ type: OutcomeStatusEnum, resolve: ({ outcome }) => outcome.status }),
    reason: t.field({ type: ReasonEnum, nullable: true, resolve: ({ outcome }) => outcome.reason }),
    priority: t.int({ resolve: ({ outcome }) => outcome.priority }),
    deadline: t.string({
      nullable: true,
      resolve: ({ outcome }) => (outcome.deadline ? toQuarterCode(outcome.deadline) : null),
    }),
    deadlineLabel: t.string({
      nullable: true,
      resolve: ({ outcome }, _a, ctx) =>
        outcome.deadline ? formatQuarter(outcome.deadline, ctx.locale) : null,
    }),
    criteriaFunded: t.int({ resolve: ({ outcome }) => outcome.criteriaFunded }),
    amount: t.field({
      type: 'Money',
      description: 'New money the proposal gives it.',
      resolve: ({ outcome }) => outcome.amount,
    }),
    shortfall: t.field({ type: 'Money', resolve: ({ outcome }) => outcome.shortfall }),
    missingCriteria: t.field({
      type: [CriterionRef],
      description: 'Criteria the shortfall falls on (leftover money covers criteria in number order).',
      resolve: async ({ outcome }, _a, ctx) =>
        (await Promise.all(outcome.missing.map((m) => ctx.loaders.criterion.load(m.criterionId)))).filter(
          (c) => c !== null && c !== undefined,
        ),
    }),
    bindingSources: t.field({
      type: [FundingSourceRef],
      description: 'Sources it may use whose remaining cap cannot cover it.',
      resolve: async ({ outcome }, _a, ctx) =>
        (await Promise.all(outcome.bindingSourceIds.map((id) => ctx.loaders.fundingSource.load(id)))).filter(
          (s) => s !== null && s !== undefined,
        ),
    }),
    ineligibleSources: t.field({
      type: [FundingSourceRef],
      description: 'Sources with money left that it may not use.',
      resolve: async ({ outcome }, _a, ctx) =>
        (
          await Promise.all(outcome.ineligibleSourceIds.map((id) => ctx.loaders.fundingSource.load(id)))
        ).filter((s) => s !== null && s !== undefined),
    }),
    explanation: t.string({
      description: 'One sentence in the caller’s language, e.g. "Lục Sơn đạt chuẩn: 6 tiêu chí, 4,2 tỷ".',
      resolve: ({ job, outcome }, _a, ctx) => explainJobOutcome(job, outcome, ctx.locale),
    }),
  }),
});

builder.objectType(ProposalCellRef, {
  description:
    'A cell the proposal changes: current → proposed, and the version the proposal was computed against.',
  fields: (t) => ({
    communeId: t.id({ resolve: ({ cell }) => encodeId('Commune', cell.communeId) }),
    criterionId: t.id({ resolve: ({ cell }) => encodeId('Criterion', cell.criterionId) }),
    sourceId: t.id({ resolve: ({ cell }) => encodeId('FundingSource', cell.sourceId) }),
    communeName: t.string({
      resolve: ({ job, cell }) => job.data.input.communes.find((c) => c.id === cell.communeId)?.name ?? '',
    }),
    criterionNumber: t.int({
      resolve: ({ job, cell }) => job.data.input.criteria.find((c) => c.id === cell.criterionId)?.number ?? 0,
    }),
    sourceCode: t.string({ resolve: ({ job, cell }) => job.data.sourceNames.get(cell.sourceId)?.code ?? '' }),
    sourceName: t.string({
      resolve: ({ job, cell }, _a, ctx) => job.data.sourceNames.get(cell.sourceId)?.[ctx.locale] ?? '',
    }),
    current: t.field({ type: 'Money', resolve: ({ cell }) => cell.current }),
    proposed: t.field({ type: 'Money', resolve: ({ cell }) => cell.proposed }),
    currentVersion: t.int({ resolve: ({ cell }) => cell.currentVersion }),
  }),
});

const NormShareRef = builder
  .objectRef<{ job: OptimizationJob; communeId: number; coefficient: number; amount: bigint }>('NormShare')
  .implement({
    fields: (t) => ({
      communeId: t.id({ resolve: (s) => encodeId('Commune', s.communeId) }),
      communeName: t.string({
        resolve: (s) => s.job.data.input.communes.find((c) => c.id === s.communeId)?.name ?? '',
      }),
      coefficient: t.exposeInt('coefficient'),
      amount: t.expose('amount', { type: 'Money' }),
    }),
  });

builder.objectType(ProposalRef, {
  description: 'Draft allocations as a diff against the plan; nothing is written until accepted.',
  fields: (t) => ({
    solver: t.field({
      type: SolverRef,
      nullable: true,
      description: 'Null for a norm split.',
      resolve: (j) => j.proposal?.result ?? null,
    }),
    summary: t.field({
      type: SummaryRef,
      nullable: true,
      resolve: (j) => j.proposal?.result?.summary ?? null,
    }),
    baseline: t.field({
      type: SummaryRef,
      nullable: true,
      description: 'What a greedy pass (most important first) would reach, for comparison.',
      resolve: (j) => j.proposal?.baseline?.summary ?? null,
    }),
    communes: t.field({
      type: [OutcomeRef],
      description: 'Every target commune, in plan order.',
      resolve: (j) => (j.proposal?.result?.outcomes ?? []).map((outcome) => ({ job: j, outcome })),
    }),
    sources: t.field({ type: [SourceUseRef], resolve: (j) => j.proposal?.result?.sources ?? [] }),
    cells: t.field({
      type: [ProposalCellRef],
      resolve: (j) => (j.proposal?.cells ?? []).map((cell) => ({ job: j, cell })),
    }),
    normTotal: t.field({ type: 'Money', nullable: true, resolve: (j) => j.proposal?.norm?.total ?? null }),
    normShares: t.field({
      type: [NormShareRef],
      resolve: (j) => (j.proposal?.norm?.shares ?? []).map((s) => ({ job: j, ...s })),
    }),
  }),
});

builder.queryFields((t) => ({
  optimization: t.field({
    authScopes: allowed,
    type: OptimizationRef,
    description: 'Poll a run started with optimizePlan or normSplitPlan.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const job = findJob(String(args.id));
      // A run of a plan outside the caller's scope is reported like one that does not exist.
      if (!(await ctx.loaders.plan.load(job.planId)))
        throw new DomainError('UNKNOWN_OPTIMIZATION', { job: String(args.id) });
      return job;
    },
  }),
}));

const OptimizePlanInput = builder.inputType('OptimizePlanInput', {
  fields: (t) => ({
    planId: t.id({ required: true }),
    capMode: t.field({ type: CapModeEnum, required: false, defaultValue: 'confirmed' }),
    existing: t.field({ type: ExistingEnum, required: false, defaultValue: 'keep' }),
    timeLimitSeconds: t.float({
      required: false,
      description: `1–${MAX_TIME_LIMIT_SECONDS}; 30 by default.`,
    }),
    asOf: t.string({
      required: false,
      description:
        'Quarter "now" (e.g. "2022-Q3"): targets whose deadline is earlier cannot make it. Omitted: deadlines are not checked against the calendar.',
    }),
    wait: t.boolean({
      required: false,
      defaultValue: true,
      description: 'true: answer when the run ends. false: answer at once; poll `optimization(id)`.',
    }),
  }),
});

/** The plan's id once it is known to exist for the caller: an unknown plan is named as such, like the scope check names one outside the caller's scope. */
async function knownPlanId(planGlobalId: string, ctx: Context) {
  const planId = decodeId(planGlobalId, 'Plan', 'planId');
  if (!(await ctx.loaders.plan.load(planId))) throw new DomainError('UNKNOWN_PLAN', { field: 'planId' });
  return planId;
}

async function writablePlan(planGlobalId: string, ctx: Context) {
  const planId = decodeId(planGlobalId, 'Plan', 'planId');
  const plan = await ctx.loaders.plan.load(planId);
  if (!plan) throw new DomainError('UNKNOWN_PLAN', { field: 'planId' });
  if (!isPlanWritable(plan.status)) throw new DomainError('PLAN_LOCKED', { status: plan.status });
  return plan;
}

const NormSplitInput = builder.inputType('NormSplitPlanInput', {
  fields: (t) => ({
    planId: t.id({ required: true }),
    sourceId: t.id({ required: true }),
    table: t.field({ type: NormTableEnum, required: false, defaultValue: 'ntm-2026-2030' }),
    capMode: t.field({ type: CapModeEnum, required: false, defaultValue: 'confirmed' }),
    total: t.field({
      type: 'Money',
      required: false,
      description: 'Amount to split; the source’s cap by default.',
    }),
  }),
});

const CellKeyInput = builder.inputType('ProposalCellKeyInput', {
  fields: (t) => ({
    communeId: t.id({ required: true }),
    criterionId: t.id({ required: true }),
    sourceId: t.id({ required: true }),
  }),
});

const AcceptProposalInput = builder.inputType('AcceptProposalInput', {
  fields: (t) => ({
    planId: t.id({ required: true }),
    optimizationId: t.id({ required: true }),
    communeIds: t.idList({ required: false, description: 'Accept every proposed cell of these communes.' }),
    cells: t.field({ type: [CellKeyInput], required: false, description: 'Accept these proposed cells.' }),
    conflictMode: t.field({
      type: builder.enumType('AcceptConflictMode', {
        values: {
          ALL_OR_NOTHING: { value: 'all_or_nothing' },
          APPLY_OTHERS: { value: 'apply_others' },
        } as const,
      }),
      required: false,
      defaultValue: 'all_or_nothing',
    }),
  }),
});

const AcceptPayloadRef = builder
  .objectRef<SetAllocationsResult & { planId: number }>('AcceptProposalPayload')
  .implement({
    fields: (t) => ({
      batchId: t.exposeString('batchId', { description: 'The audit batch (origin OPTIMIZER).' }),
      changedCount: t.exposeInt('changedCount'),
      conflicts: t.field({
        type: [CellConflictRef],
        description:
          'Cells changed since the proposal was computed (APPLY_OTHERS only; otherwise a VersionConflictError).',
        resolve: (p) => p.conflicts,
      }),
      plan: t.field({
        type: PlanRef,
        resolve: async (p, _a, ctx) => (await ctx.loaders.plan.load(p.planId))!,
      }),
    }),
  });

builder.mutationFields((t) => ({
  optimizePlan: t.field({
    authScopes: writes<{ input: { planId: string | number } }>(({ input }) => [
      { plan: input.planId, field: 'planId' },
    ]),
    type: OptimizationRef,
    description:
      'Proposes allocations that bring the most (priority-weighted) target communes to the standard, then ' +
      'spend the least, never above a cap (HiGHS MIP in a worker thread). Writes nothing.',
    errors: mutationErrors,
    args: { input: t.arg({ type: OptimizePlanInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const plan = await writablePlan(String(input.planId), ctx);
      const asOf = input.asOf ? parseQuarter(input.asOf) : null;
      if (input.asOf && !asOf) throw new DomainError('INVALID_QUARTER', { input: input.asOf, field: 'asOf' });
      const job = await startOptimization(ctx, plan, {
        capMode: input.capMode ?? 'confirmed',
        existing: input.existing ?? 'keep',
        timeLimitSeconds: input.timeLimitSeconds,
        asOf,
      });
      if (input.wait ?? true) await job.done;
      return job;
    },
  }),
  cancelOptimization: t.field({
    authScopes: writes<{ planId: string | number }>((args) => [{ plan: args.planId, field: 'planId' }]),
    type: OptimizationRef,
    description: 'Stops a running optimization (its worker is terminated); no proposal is kept.',
    errors: mutationErrors,
    args: { planId: t.arg.id({ required: true }), optimizationId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const planId = await knownPlanId(String(args.planId), ctx);
      return cancelOptimization(String(args.optimizationId), planId);
    },
  }),
  normSplitPlan: t.field({
    authScopes: writes<{ input: { planId: string | number } }>(({ input }) => [
      { plan: input.planId, field: 'planId' },
    ]),
    type: OptimizationRef,
    description:
      'Proposes one source split over the communes it may fund (those with an unmet criterion) by norm ' +
      'coefficients, exact to the đồng (largest remainder). Writes nothing.',
    errors: mutationErrors,
    args: { input: t.arg({ type: NormSplitInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const plan = await writablePlan(String(input.planId), ctx);
      return startNormSplit(ctx, plan, {
        sourceId: decodeId(String(input.sourceId), 'FundingSource', 'sourceId'),
        capMode: input.capMode ?? 'confirmed',
        total: input.total ?? null,
        tableCode: input.table ?? 'ntm-2026-2030',
      });
    },
  }),
  acceptProposal: t.field({
    authScopes: writes<{ input: { planId: string | number } }>(({ input }) => [
      { plan: input.planId, field: 'planId' },
    ]),
    type: AcceptPayloadRef,
    description:
      'Writes all or part of a proposal as one audited batch (origin OPTIMIZER) through setAllocations, ' +
      'version-checked against the plan the proposal was computed from.',
    errors: batchMutationErrors,
    args: { input: t.arg({ type: AcceptProposalInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const planId = await knownPlanId(String(input.planId), ctx);
      const result = await acceptProposal(
        ctx,
        planId,
        String(input.optimizationId),
        {
          communeIds: input.communeIds?.map((id) => decodeId(String(id), 'Commune', 'communeIds')) ?? null,
          cells:
            input.cells?.map((c) => ({
              communeId: decodeId(String(c.communeId), 'Commune', 'cells'),
              criterionId: decodeId(String(c.criterionId), 'Criterion', 'cells'),
              sourceId: decodeId(String(c.sourceId), 'FundingSource', 'cells'),
            })) ?? null,
        },
        input.conflictMode ?? 'all_or_nothing',
      );
      return { planId, ...result };
    },
  }),
}));
