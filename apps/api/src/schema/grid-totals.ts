// `plan.communeCount` and `plan.gridTotals`: what a client needs to open a very large plan in the
// total view without reading every cell (see services/grid-totals.ts). Read-only, additive.
import { builder } from '../builder.ts';
import { countPlanCommunes, type PairSums, sumPlanCellsBy } from '../services/grid-totals.ts';
import { type GridAxes, loadGridAxes } from '../services/plan-read.ts';
import { indexInto } from './allocation.ts';
import { encodeId } from './ids.ts';
import { PlanRef } from './plan.ts';

const GridTotalsRef = builder.objectRef<{ axes: GridAxes; planId: number }>('PlanGridTotals');
const PairSumsRef = builder.objectRef<{ axis: number[]; communeAxis: number[]; sums: PairSums }>(
  'PlanGridSums',
);

builder.objectType(PairSumsRef, {
  description:
    'Non-zero sums over one pair of axes: entry i is at (communeIds[communeIndex[i]], the other ' +
    'axis[axisIndex[i]]) with amounts[i]. Pairs not listed sum to 0.',
  fields: (t) => ({
    communeIndex: t.field({ type: 'IntArray', resolve: (s) => indexInto(s.communeAxis, s.sums.communeIds) }),
    axisIndex: t.field({ type: 'IntArray', resolve: (s) => indexInto(s.axis, s.sums.otherIds) }),
    amounts: t.field({ type: 'MoneyArray', resolve: (s) => s.sums.amounts }),
  }),
});

builder.objectType(GridTotalsRef, {
  description:
    'The allocation matrix summed over sources (per commune × criterion) and over criteria (per ' +
    'commune × source), for showing totals of plans too large to read cell by cell. Same axes as `grid`.',
  fields: (t) => ({
    communeIds: t.idList({ resolve: (g) => g.axes.communeIds.map((id) => encodeId('Commune', id)) }),
    criterionIds: t.idList({ resolve: (g) => g.axes.criterionIds.map((id) => encodeId('Criterion', id)) }),
    sourceIds: t.idList({ resolve: (g) => g.axes.sourceIds.map((id) => encodeId('FundingSource', id)) }),
    byCriterion: t.field({
      type: PairSumsRef,
      description: 'Per commune × criterion, over every source; axisIndex points into criterionIds.',
      resolve: async (g, _a, ctx) => ({
        axis: g.axes.criterionIds,
        communeAxis: g.axes.communeIds,
        sums: await sumPlanCellsBy(ctx.db, g.planId, 'criterion'),
      }),
    }),
    bySource: t.field({
      type: PairSumsRef,
      description: 'Per commune × source, over every criterion; axisIndex points into sourceIds.',
      resolve: async (g, _a, ctx) => ({
        axis: g.axes.sourceIds,
        communeAxis: g.axes.communeIds,
        sums: await sumPlanCellsBy(ctx.db, g.planId, 'source'),
      }),
    }),
  }),
});

builder.objectFields(PlanRef, (t) => ({
  communeCount: t.int({
    description: 'How many communes the plan covers (its grid rows), without listing them.',
    resolve: (p, _a, ctx) => countPlanCommunes(ctx.db, p.id),
  }),
  gridTotals: t.field({
    type: GridTotalsRef,
    resolve: async (p, _a, ctx) => ({
      axes: await loadGridAxes(ctx.db, p.id, p.criteria_set_id),
      planId: p.id,
    }),
  }),
}));
