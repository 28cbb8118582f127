// `plan.communeCount`, `plan.gridTotals` and `plan.criteriaMet`: what a client needs to open a
// plan's grid — a very large one in the total view — without reading every cell or one object per
// criterion status (see services/grid-totals.ts). Read-only, additive.
import { builder } from '../builder.ts';
import { countPlanCommunes, type PairSums, sumPlanCellsBy } from '../services/grid-totals.ts';
import { findMetCriteria, type GridAxes, loadGridAxes } from '../services/plan-read.ts';
import { indexInto } from './allocation.ts';
import { encodeId } from './ids.ts';
import { PlanRef } from './plan.ts';

const GridTotalsRef = builder.objectRef<{ axes: GridAxes; planId: number }>('PlanGridTotals');
const PairSumsRef = builder.objectRef<{ axis: number[]; communeAxis: number[]; sums: PairSums }>(
  'PlanGridSums',
);

const MetCriteriaRef = builder.objectRef<{
  axes: GridAxes;
  met: { communeIds: number[]; criterionIds: number[] };
}>('PlanCriteriaMet');

builder.objectType(MetCriteriaRef, {
  description:
    "Which criteria the plan's communes meet, compactly: pair i is (communeIds[communeIndex[i]], " +
    'criterionIds[criterionIndex[i]]). Pairs not listed are not met (or not assessed). Same axes as `grid`.',
  fields: (t) => ({
    communeIds: t.idList({ resolve: (m) => m.axes.communeIds.map((id) => encodeId('Commune', id)) }),
    criterionIds: t.idList({ resolve: (m) => m.axes.criterionIds.map((id) => encodeId('Criterion', id)) }),
    communeIndex: t.field({
      type: 'IntArray',
      resolve: (m) => indexInto(m.axes.communeIds, m.met.communeIds),
    }),
    criterionIndex: t.field({
      type: 'IntArray',
      resolve: (m) => indexInto(m.axes.criterionIds, m.met.criterionIds),
    }),
  }),
});

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
        sums: await sumPlanCellsBy(ctx.db, g.planId, 'criterion', ctx.signal),
      }),
    }),
    bySource: t.field({
      type: PairSumsRef,
      description: 'Per commune × source, over every criterion; axisIndex points into sourceIds.',
      resolve: async (g, _a, ctx) => ({
        axis: g.axes.sourceIds,
        communeAxis: g.axes.communeIds,
        sums: await sumPlanCellsBy(ctx.db, g.planId, 'source', ctx.signal),
      }),
    }),
  }),
});

builder.objectFields(PlanRef, (t) => ({
  communeCount: t.int({
    description: 'How many communes the plan covers (its grid rows), without listing them.',
    resolve: (p, _a, ctx) => countPlanCommunes(ctx.db, p.id),
  }),
  criteriaMet: t.field({
    type: MetCriteriaRef,
    description:
      'The met criteria of every commune of the plan (its criteria set only), as index arrays: what the ' +
      'grid marks, without one CriterionStatus object per commune and criterion.',
    resolve: async (p, _a, ctx) => {
      const [axes, met] = await Promise.all([
        loadGridAxes(ctx.db, p.id, p.criteria_set_id),
        findMetCriteria(ctx.db, p.id, p.criteria_set_id),
      ]);
      return { axes, met };
    },
  }),
  gridTotals: t.field({
    type: GridTotalsRef,
    resolve: async (p, _a, ctx) => ({
      axes: await loadGridAxes(ctx.db, p.id, p.criteria_set_id),
      planId: p.id,
    }),
  }),
}));
