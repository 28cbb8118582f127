// Allocations: plan × commune × criterion × source → amount. Grid clients read the whole matrix
// through `plan.grid` (parallel arrays, one object for the plan); integrators page through
// `plan.allocations`; everyone writes through the atomic `setAllocations` batch.
import {
  type Allocation,
  type AllocationTotalBy,
  findPlanCellsCompact,
  type PlanCellsCompact,
  sumAllocations,
} from '@ntm/db';
import { DomainError, MAX_BATCH_CELLS } from '@ntm/domain';
import { resolveCursorConnection } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import { builder } from '../builder.ts';
import { type SetAllocationsResult, setAllocations, type WrittenCell } from '../services/allocations.ts';
import { type GridAxes, loadGridAxes } from '../services/plan-read.ts';
import { writes } from './access.ts';
import { CriterionRef } from './criteria.ts';
import { batchMutationErrors, CellConflictRef } from './errors.ts';
import { FundingSourceRef } from './funding.ts';
import { CommuneRef } from './geography.ts';
import { decodeId, encodeId, tryDecodeId } from './ids.ts';
import { PlanRef } from './plan.ts';

const AllocationRef = builder.objectRef<Allocation>('Allocation');
const GridRef = builder.objectRef<{ axes: GridAxes; cells: PlanCellsCompact }>('PlanGrid');
const TotalRef = builder.objectRef<{
  by: AllocationTotalBy;
  id: number;
  amount: bigint;
}>('Total');
const WrittenCellRef = builder.objectRef<WrittenCell>('WrittenCell');

const TotalsByEnum = builder.enumType('TotalsBy', {
  values: {
    COMMUNE: { value: 'commune' },
    CRITERION: { value: 'criterion' },
    SOURCE: { value: 'source' },
  } as const,
});

builder.objectType(AllocationRef, {
  description: 'Money from one source for one criterion of one commune in one plan.',
  fields: (t) => ({
    commune: t.field({
      type: CommuneRef,
      resolve: async (a, _x, ctx) => (await ctx.loaders.commune.load(a.commune_id))!,
    }),
    criterion: t.field({
      type: CriterionRef,
      resolve: async (a, _x, ctx) => (await ctx.loaders.criterion.load(a.criterion_id))!,
    }),
    source: t.field({
      type: FundingSourceRef,
      resolve: async (a, _x, ctx) => (await ctx.loaders.fundingSource.load(a.source_id))!,
    }),
    communeId: t.id({ resolve: (a) => encodeId('Commune', a.commune_id) }),
    criterionId: t.id({
      resolve: (a) => encodeId('Criterion', a.criterion_id),
    }),
    sourceId: t.id({ resolve: (a) => encodeId('FundingSource', a.source_id) }),
    amount: t.expose('amount', { type: 'Money' }),
    version: t.exposeInt('version', {
      description: 'Increases with every change of the cell.',
    }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
  }),
});

builder.objectType(GridRef, {
  description:
    'The whole allocation matrix in one object. Axes list global IDs in display order; each stored ' +
    'cell i is at (communeIds[communeIndex[i]], criterionIds[criterionIndex[i]], sourceIds[sourceIndex[i]]) ' +
    'with amounts[i] and versions[i]. Cells not listed are 0 and have never been written.',
  fields: (t) => ({
    communeIds: t.idList({
      resolve: (g) => g.axes.communeIds.map((id) => encodeId('Commune', id)),
    }),
    criterionIds: t.idList({
      resolve: (g) => g.axes.criterionIds.map((id) => encodeId('Criterion', id)),
    }),
    sourceIds: t.idList({
      resolve: (g) => g.axes.sourceIds.map((id) => encodeId('FundingSource', id)),
    }),
    cellCount: t.int({ resolve: (g) => g.cells.amounts.length }),
    communeIndex: t.field({
      type: 'IntArray',
      resolve: (g) => indexInto(g.axes.communeIds, g.cells.communeIds),
    }),
    criterionIndex: t.field({
      type: 'IntArray',
      resolve: (g) => indexInto(g.axes.criterionIds, g.cells.criterionIds),
    }),
    sourceIndex: t.field({
      type: 'IntArray',
      resolve: (g) => indexInto(g.axes.sourceIds, g.cells.sourceIds),
    }),
    amounts: t.field({ type: 'MoneyArray', resolve: (g) => g.cells.amounts }),
    versions: t.field({ type: 'IntArray', resolve: (g) => g.cells.versions }),
  }),
});

/** A region read through `grid(communeIds:)`: the grid's threshold for reading a plan whole. */
const MAX_GRID_COMMUNES = 2_000;

/** Each value's position on its axis (-1 if absent): how the compact grids point at their axes. */
export function indexInto(axis: number[], values: number[]): number[] {
  const position = new Map(axis.map((id, i) => [id, i]));
  return values.map((v) => position.get(v) ?? -1);
}

builder.objectType(TotalRef, {
  fields: (t) => ({
    id: t.id({
      description: 'Global ID of the commune, criterion or source.',
      resolve: (x) =>
        encodeId(x.by === 'commune' ? 'Commune' : x.by === 'criterion' ? 'Criterion' : 'FundingSource', x.id),
    }),
    name: t.string({
      resolve: async (x, _a, ctx) => {
        if (x.by === 'commune') return (await ctx.loaders.commune.load(x.id))?.name ?? '';
        const row = await (x.by === 'criterion' ? ctx.loaders.criterion : ctx.loaders.fundingSource).load(
          x.id,
        );
        return (ctx.locale === 'en' ? row?.name_en : row?.name_vi) ?? '';
      },
    }),
    amount: t.expose('amount', { type: 'Money' }),
  }),
});

const AllocationFilter = builder.inputType('AllocationFilter', {
  fields: (t) => ({
    communeId: t.id({ required: false }),
    criterionId: t.id({ required: false }),
    sourceId: t.id({ required: false }),
    nonZero: t.boolean({
      required: false,
      description: 'Skip cells whose amount is 0.',
    }),
  }),
});

builder.objectFields(PlanRef, (t) => ({
  grid: t.field({
    type: GridRef,
    args: {
      communeIds: t.arg.idList({
        required: false,
        description:
          `Only these communes (at most ${MAX_GRID_COMMUNES}): their cells, and only them on the commune axis, ` +
          "in the plan's order. For reading a region of a plan too large to read whole.",
      }),
    },
    resolve: async (p, args, ctx) => {
      const only = args.communeIds?.map((id) => decodeId(String(id), 'Commune', 'communeIds'));
      if (only && only.length > MAX_GRID_COMMUNES)
        throw new DomainError('INVALID_INPUT', { field: 'communeIds' });
      const [axes, cells] = await Promise.all([
        loadGridAxes(ctx.db, p.id, p.criteria_set_id),
        findPlanCellsCompact(ctx.db, p.id, only),
      ]);
      if (only) {
        const wanted = new Set(only);
        axes.communeIds = axes.communeIds.filter((id) => wanted.has(id));
      }
      return { axes, cells };
    },
  }),
  totals: t.field({
    type: [TotalRef],
    description: 'Allocated money summed by commune, criterion or source (only non-empty groups).',
    args: { by: t.arg({ type: TotalsByEnum, required: true }) },
    resolve: async (p, args, ctx) =>
      (await sumAllocations(ctx.db, p.id, args.by)).map((x) => ({
        ...x,
        by: args.by,
      })),
  }),
  allocations: t.connection({
    type: AllocationRef,
    args: { filter: t.arg({ type: AllocationFilter, required: false }) },
    resolve: (p, args, ctx) => {
      const f = args.filter ?? {};
      const key = (a: Allocation) => `${a.commune_id}.${a.criterion_id}.${a.source_id}`;
      return resolveCursorConnection<Promise<Allocation[]>>(
        { args, toCursor: key, defaultSize: 100, maxSize: 1000 },
        ({ after, before, limit, inverted }) => {
          const dir = inverted ? 'desc' : 'asc';
          let query = ctx.db
            .selectFrom('allocation')
            .selectAll()
            .where('plan_id', '=', p.id)
            .orderBy('commune_id', dir)
            .orderBy('criterion_id', dir)
            .orderBy('source_id', dir)
            .limit(limit);
          const filterIds = [
            ['commune_id', f.communeId, 'Commune'],
            ['criterion_id', f.criterionId, 'Criterion'],
            ['source_id', f.sourceId, 'FundingSource'],
          ] as const;
          for (const [column, id, type] of filterIds) {
            if (id !== null && id !== undefined)
              query = query.where(column, '=', tryDecodeId(String(id), type) ?? -1);
          }
          if (f.nonZero) query = query.where('amount', '>', 0n);
          const tuple = (cursor: string) => {
            const [a, b, c] = cursor.split('.').map((x) => Number.parseInt(x, 10) || 0);
            return sql`(${a ?? 0}::int, ${b ?? 0}::int, ${c ?? 0}::int)`;
          };
          if (after)
            query = query.where(sql<boolean>`(commune_id, criterion_id, source_id) > ${tuple(after)}`);
          if (before)
            query = query.where(sql<boolean>`(commune_id, criterion_id, source_id) < ${tuple(before)}`);
          return query.execute();
        },
      );
    },
  }),
}));

builder.objectType(WrittenCellRef, {
  fields: (t) => ({
    communeId: t.id({ resolve: (c) => encodeId('Commune', c.communeId) }),
    criterionId: t.id({ resolve: (c) => encodeId('Criterion', c.criterionId) }),
    sourceId: t.id({ resolve: (c) => encodeId('FundingSource', c.sourceId) }),
    amount: t.expose('amount', { type: 'Money' }),
    version: t.exposeInt('version'),
    changed: t.exposeBoolean('changed', {
      description: 'False when the cell already had this amount.',
    }),
  }),
});

const AllocationCellInput = builder.inputType('AllocationCellInput', {
  fields: (t) => ({
    communeId: t.id({ required: true }),
    criterionId: t.id({ required: true }),
    sourceId: t.id({ required: true }),
    amount: t.field({
      type: 'Money',
      required: true,
      description: 'New amount; 0 clears the cell.',
    }),
    expectedVersion: t.int({
      required: false,
      description:
        'The version this change is based on (0 for a cell never written). When the cell has moved on, the ' +
        'change is a conflict, never a silent overwrite. Omit only to overwrite deliberately.',
    }),
  }),
});

const ConflictModeEnum = builder.enumType('ConflictMode', {
  values: {
    ALL_OR_NOTHING: {
      value: 'all_or_nothing',
      description: 'Any conflict rejects the whole batch (default).',
    },
    APPLY_OTHERS: {
      value: 'apply_others',
      description: 'Apply the cells without conflict; report the others.',
    },
  } as const,
});

const AllocationGridInput = builder.inputType('AllocationGridInput', {
  description:
    'The compact form of a batch, shaped like `plan.grid`: cell i is (communeIds[communeIndex[i]], ' +
    'criterionIds[criterionIndex[i]], sourceIds[sourceIndex[i]]) with amounts[i], based on ' +
    'expectedVersions[i]. Same rules and answers as `cells`; much cheaper for thousands of cells.',
  fields: (t) => ({
    communeIds: t.idList({ required: true }),
    criterionIds: t.idList({ required: true }),
    sourceIds: t.idList({ required: true }),
    communeIndex: t.field({ type: 'IntArray', required: true }),
    criterionIndex: t.field({ type: 'IntArray', required: true }),
    sourceIndex: t.field({ type: 'IntArray', required: true }),
    amounts: t.field({ type: 'MoneyArray', required: true, description: 'New amounts; 0 clears a cell.' }),
    expectedVersions: t.field({
      type: 'IntArray',
      required: false,
      description:
        'The version each change is based on (0 for a cell never written), as in `cells`. Omit only to ' +
        'overwrite every cell deliberately.',
    }),
  }),
});

const SetAllocationsInput = builder.inputType('SetAllocationsInput', {
  description: 'Give exactly one of `cells` and `grid`.',
  fields: (t) => ({
    planId: t.id({ required: true }),
    cells: t.field({
      type: [AllocationCellInput],
      required: false,
      description: `At most ${MAX_BATCH_CELLS} cells.`,
    }),
    grid: t.field({
      type: AllocationGridInput,
      required: false,
      description: `The same batch in compact form; at most ${MAX_BATCH_CELLS} cells.`,
    }),
    conflictMode: t.field({ type: ConflictModeEnum, required: false, defaultValue: 'all_or_nothing' }),
  }),
});

const SetAllocationsPayload = builder
  .objectRef<SetAllocationsResult & { planId: number }>('SetAllocationsPayload')
  .implement({
    fields: (t) => ({
      batchId: t.exposeString('batchId', {
        description: 'Groups this batch in the audit log.',
      }),
      changedCount: t.exposeInt('changedCount'),
      conflicts: t.field({
        type: [CellConflictRef],
        description: 'Cells not written because they changed meanwhile (APPLY_OTHERS mode only).',
        resolve: (p) => p.conflicts,
      }),
      versions: t.field({
        type: 'IntArray',
        description:
          'Per input cell, in input order: its version after the batch — for a cell in `conflicts`, its ' +
          'current version. The compact counterpart of `cells`.',
        resolve: (p) => p.versions,
      }),
      changedIndexes: t.field({
        type: 'IntArray',
        description: 'Input positions (from 0) of the cells that changed.',
        resolve: (p) => p.changedIndexes,
      }),
      cells: t.field({
        type: [WrittenCellRef],
        description:
          'Every cell of the input that was written or already equal, in input order, with its version; ' +
          'cells that conflicted are in `conflicts` instead.',
        resolve: (p) => p.cells,
      }),
      plan: t.field({
        type: PlanRef,
        description: 'The plan after the change: ask for totals and analysis here.',
        resolve: async (p, _a, ctx) => (await ctx.loaders.plan.load(p.planId))!,
      }),
    }),
  });

builder.mutationFields((t) => ({
  setAllocations: t.field({
    // Every commune a cell names, in either input form: one cell outside the caller's scope refuses the batch.
    authScopes: writes<{
      input: {
        planId: string | number;
        cells?: ReadonlyArray<{ communeId: string | number }> | null;
        grid?: { communeIds: ReadonlyArray<string | number> } | null;
      };
    }>(({ input }) => [
      { plan: input.planId, field: 'planId' },
      { cellCommunes: [...(input.cells ?? []).map((c) => c.communeId), ...(input.grid?.communeIds ?? [])] },
    ]),
    type: SetAllocationsPayload,
    description:
      'Writes a batch of cells atomically: either every cell is applied or none is (BatchRejectedError lists ' +
      'the invalid cells). Each changed cell gets a new version and an audit row.',
    errors: batchMutationErrors,
    args: { input: t.arg({ type: SetAllocationsInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const planId = decodeId(String(input.planId), 'Plan', 'planId');
      const { cells, grid } = input;
      if (!cells === !grid) throw new DomainError('INVALID_INPUT', { field: 'cells' });
      const result = await setAllocations(
        ctx,
        planId,
        grid
          ? {
              communeIds: grid.communeIds.map(String),
              criterionIds: grid.criterionIds.map(String),
              sourceIds: grid.sourceIds.map(String),
              communeIndex: grid.communeIndex,
              criterionIndex: grid.criterionIndex,
              sourceIndex: grid.sourceIndex,
              amounts: grid.amounts,
              expectedVersions: grid.expectedVersions ?? null,
            }
          : cells!.map((c) => ({
              communeId: String(c.communeId),
              criterionId: String(c.criterionId),
              sourceId: String(c.sourceId),
              amount: c.amount,
              expectedVersion: c.expectedVersion ?? null,
            })),
        input.conflictMode ?? 'all_or_nothing',
      );
      return { planId, ...result };
    },
  }),
}));
