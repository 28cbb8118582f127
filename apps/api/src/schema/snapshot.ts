// Versions of a plan: named snapshots, the diff between two of them (or one and now) with totals
// by commune / criterion / source, and restoring one as a new draft revision of the plan.
import type { Plan, PlanSnapshot } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import { visible } from '../auth/scope.ts';
import { builder } from '../builder.ts';
import {
  type CellDiff,
  createPlanSnapshot,
  type DiffTotal,
  findChangedCells,
  type PlanDiffSpec,
  resolveDiff,
  restorePlanSnapshot,
  sumDiff,
} from '../services/snapshots.ts';
import { writes } from './access.ts';
import { mutationErrors } from './errors.ts';
import { decodeId, encodeId, tryDecodeId } from './ids.ts';
import { PlanRef } from './plan.ts';

export const PlanSnapshotRef = builder.objectRef<PlanSnapshot>('PlanSnapshot');

builder.scalarType('MoneyDelta', {
  description:
    'A signed difference of đồng as a string of digits with an optional leading "-", e.g. "-250000000". Output only.',
  serialize: (value) => value.toString(),
  parseValue: () => {
    throw new DomainError('INVALID_INPUT', { field: 'MoneyDelta' });
  },
});

builder.node(PlanSnapshotRef, {
  id: { resolve: (s) => s.id },
  description:
    'A named version of a plan, e.g. "Bản trình HĐND 15/8/2022": its non-zero cells and caps, frozen.',
  loadMany: async (ids, ctx) => {
    const numeric = ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
    const rows = numeric.length
      ? await ctx.db
          .selectFrom('plan_snapshot')
          .innerJoin('plan', 'plan.id', 'plan_snapshot.plan_id')
          .selectAll('plan_snapshot')
          .where('plan_snapshot.id', 'in', numeric)
          .where(visible.plan(ctx.principal))
          .execute()
      : [];
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    return ids.map((id) => byId.get(id) ?? null);
  },
  fields: (t) => ({
    name: t.exposeString('name'),
    note: t.exposeString('note', { nullable: true }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    createdBy: t.exposeString('created_by'),
    cellCount: t.exposeInt('cell_count', { description: 'Non-zero cells in the snapshot.' }),
    total: t.expose('total', { type: 'Money', description: 'Sum of every cell.' }),
    plan: t.field({
      type: PlanRef,
      resolve: async (s, _a, ctx) => (await ctx.loaders.plan.load(s.plan_id))!,
    }),
  }),
});

type DiffParent = PlanDiffSpec & { totals?: Promise<DiffTotal[]> };

/** Totals are computed once per diff (one statement) however many of its total fields are asked for. */
function totalsOf(diff: DiffParent, ctx: { db: Parameters<typeof sumDiff>[0] }) {
  diff.totals ??= sumDiff(ctx.db, diff);
  return diff.totals;
}

const DiffTotalRef = builder.objectRef<DiffTotal>('DiffTotal').implement({
  description: 'Money before and after, for one commune, criterion or source (or the whole plan).',
  fields: (t) => ({
    id: t.id({
      nullable: true,
      description: 'Global ID of the commune, criterion or source; null for the whole plan.',
      resolve: (x) =>
        x.by === 'all'
          ? null
          : encodeId(
              x.by === 'commune' ? 'Commune' : x.by === 'criterion' ? 'Criterion' : 'FundingSource',
              x.id,
            ),
    }),
    name: t.string({
      resolve: async (x, _a, ctx) => {
        if (x.by === 'all') return '';
        if (x.by === 'commune') return (await ctx.loaders.commune.load(x.id))?.name ?? '';
        const row = await (x.by === 'criterion' ? ctx.loaders.criterion : ctx.loaders.fundingSource).load(
          x.id,
        );
        return (ctx.locale === 'en' ? row?.name_en : row?.name_vi) ?? '';
      },
    }),
    before: t.expose('before', { type: 'Money' }),
    after: t.expose('after', { type: 'Money' }),
    delta: t.field({ type: 'MoneyDelta', resolve: (x) => x.after - x.before }),
    changedCells: t.exposeInt('changedCells'),
  }),
});

const CellDiffRef = builder.objectRef<CellDiff>('CellDiff').implement({
  description: 'A cell whose amount differs between the two sides (0 = empty).',
  fields: (t) => ({
    communeId: t.id({ resolve: (c) => encodeId('Commune', c.communeId) }),
    criterionId: t.id({ resolve: (c) => encodeId('Criterion', c.criterionId) }),
    sourceId: t.id({ resolve: (c) => encodeId('FundingSource', c.sourceId) }),
    before: t.expose('before', { type: 'Money' }),
    after: t.expose('after', { type: 'Money' }),
    delta: t.field({ type: 'MoneyDelta', resolve: (c) => c.after - c.before }),
  }),
});

const PlanDiffRef = builder.objectRef<DiffParent>('PlanDiff').implement({
  description: 'What changed between a snapshot and a later snapshot, or the plan as it is now.',
  fields: (t) => ({
    from: t.field({ type: PlanSnapshotRef, resolve: (d) => d.from }),
    to: t.field({
      type: PlanSnapshotRef,
      nullable: true,
      description: 'Null: the plan now.',
      resolve: (d) => d.to,
    }),
    cells: t.field({
      type: [CellDiffRef],
      description: 'Changed cells, by commune, criterion, source. `total.changedCells` counts them all.',
      args: { first: t.arg.int({ required: false, defaultValue: 1000, description: 'At most 50000.' }) },
      resolve: (d, args, ctx) =>
        findChangedCells(ctx.db, d, Math.min(Math.max(args.first ?? 1000, 0), 50_000)),
    }),
    total: t.field({
      type: DiffTotalRef,
      resolve: async (d, _a, ctx) => (await totalsOf(d, ctx)).find((x) => x.by === 'all')!,
    }),
    byCommune: t.field({
      type: [DiffTotalRef],
      description: 'Every commune with money on either side.',
      resolve: async (d, _a, ctx) => (await totalsOf(d, ctx)).filter((x) => x.by === 'commune'),
    }),
    byCriterion: t.field({
      type: [DiffTotalRef],
      resolve: async (d, _a, ctx) => (await totalsOf(d, ctx)).filter((x) => x.by === 'criterion'),
    }),
    bySource: t.field({
      type: [DiffTotalRef],
      resolve: async (d, _a, ctx) => (await totalsOf(d, ctx)).filter((x) => x.by === 'source'),
    }),
  }),
});

builder.objectFields(PlanRef, (t) => ({
  snapshots: t.field({
    type: [PlanSnapshotRef],
    description: 'Named versions of this plan, newest first.',
    resolve: (p, _a, ctx) =>
      ctx.db
        .selectFrom('plan_snapshot')
        .selectAll()
        .where('plan_id', '=', p.id)
        .orderBy('id', 'desc')
        .execute(),
  }),
  diff: t.field({
    type: PlanDiffRef,
    description:
      'Compares a snapshot of this plan with another one (`to`) or, without `to`, with the plan now.',
    errors: { types: [DomainError] },
    args: {
      from: t.arg.id({ required: true, description: 'A PlanSnapshot of this plan.' }),
      to: t.arg.id({ required: false, description: 'A later PlanSnapshot; omit for the plan now.' }),
    },
    resolve: (p, args, ctx) =>
      resolveDiff(
        ctx.db,
        p.id,
        tryDecodeId(String(args.from), 'PlanSnapshot') ?? -1,
        args.to === null || args.to === undefined
          ? null
          : (tryDecodeId(String(args.to), 'PlanSnapshot') ?? -1),
      ),
  }),
}));

const CreatePlanSnapshotInput = builder.inputType('CreatePlanSnapshotInput', {
  fields: (t) => ({
    planId: t.id({ required: true }),
    name: t.string({ required: true, description: 'e.g. "Bản trình HĐND 15/8/2022".' }),
    note: t.string({ required: false }),
  }),
});

const RestorePlanSnapshotInput = builder.inputType('RestorePlanSnapshotInput', {
  fields: (t) => ({
    snapshotId: t.id({ required: true }),
    name: t.string({ required: true, description: 'Name of the new draft plan.' }),
  }),
});

const PlanSnapshotPayload = builder.objectRef<{ snapshot: PlanSnapshot }>('PlanSnapshotPayload').implement({
  fields: (t) => ({ snapshot: t.field({ type: PlanSnapshotRef, resolve: (p) => p.snapshot }) }),
});

const RestorePlanSnapshotPayload = builder.objectRef<{ plan: Plan }>('RestorePlanSnapshotPayload').implement({
  fields: (t) => ({
    plan: t.field({ type: PlanRef, description: 'The new draft revision.', resolve: (p) => p.plan }),
  }),
});

builder.mutationFields((t) => ({
  createPlanSnapshot: t.field({
    authScopes: writes<{ input: { planId: string | number } }>(({ input }) => [
      { plan: input.planId, field: 'planId' },
    ]),
    type: PlanSnapshotPayload,
    description: 'Freezes the plan’s cells and caps under a name. Any plan, in any status. Audited.',
    errors: mutationErrors,
    args: { input: t.arg({ type: CreatePlanSnapshotInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      snapshot: await createPlanSnapshot(ctx, {
        planId: decodeId(String(input.planId), 'Plan', 'planId'),
        name: input.name,
        note: input.note ?? null,
      }),
    }),
  }),
  restorePlanSnapshot: t.field({
    authScopes: writes<{ input: { snapshotId: string | number } }>(({ input }) => [
      { snapshot: input.snapshotId, field: 'snapshotId' },
    ]),
    type: RestorePlanSnapshotPayload,
    description:
      'Creates a new draft plan from a snapshot: same scope, period and criteria sets, revision + 1 of the ' +
      'snapshot’s plan, its communes and targets, and exactly the snapshot’s caps and cells. Audited.',
    errors: mutationErrors,
    args: { input: t.arg({ type: RestorePlanSnapshotInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      plan: await restorePlanSnapshot(ctx, {
        snapshotId: decodeId(String(input.snapshotId), 'PlanSnapshot', 'snapshotId'),
        name: input.name,
      }),
    }),
  }),
}));
