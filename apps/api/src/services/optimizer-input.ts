// Reads a plan into the optimizer's input. Cost semantics come from the domain analysis (one place
// for "what does it still cost to close this criterion"): every plan commune is analysed as if it
// were a target, so the same numbers serve the optimizer (targets) and the norm split (all).
import type { Database, Plan } from '@ntm/db';
import { analyzePlan, cellKey, type Eligibility, type Quarter } from '@ntm/domain';
import type { OptimizerInput } from '@ntm/optimizer';
import type { Kysely } from 'kysely';
import { loadProgressInputs } from './plan-read.ts';

export interface PlanOptimizerData {
  input: OptimizerInput;
  /** Unmet criteria of every plan commune, with remaining cost (0 when uncosted). */
  unmet: Array<{ communeId: number; criterionId: number; cost: bigint }>;
  /** Current version of every stored cell, by cellKey (absent = never written, version 0). */
  versions: Map<string, number>;
  /** Display names for explanations: source code and localized name. */
  sourceNames: Map<number, { code: string; vi: string; en: string }>;
}

export async function loadOptimizerData(
  db: Kysely<Database>,
  plan: Pick<Plan, 'id' | 'criteria_set_id'>,
  asOf: Quarter | null,
): Promise<PlanOptimizerData> {
  const [communes, progress, allocations, sources, caps] = await Promise.all([
    db
      .selectFrom('plan_commune')
      .innerJoin('commune', 'commune.id', 'plan_commune.commune_id')
      .select([
        'commune.id',
        'commune.name',
        'commune.kind',
        'commune.is_program135',
        'commune.ethnic_zone',
        'commune.is_atk',
        'commune.is_border',
        'commune.is_island',
        'plan_commune.is_target',
        'plan_commune.priority',
        'plan_commune.deadline_year',
        'plan_commune.deadline_quarter',
      ])
      .where('plan_commune.plan_id', '=', plan.id)
      .orderBy('commune.kind', 'desc')
      .orderBy('commune.search_key')
      .orderBy('commune.id')
      .execute(),
    loadProgressInputs(db, plan),
    db
      .selectFrom('allocation')
      .select(['commune_id', 'criterion_id', 'source_id', 'amount', 'version'])
      .where('plan_id', '=', plan.id)
      .execute(),
    db
      .selectFrom('funding_source')
      .select(['id', 'code', 'name_vi', 'name_en', 'eligibility'])
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('funding_cap')
      .select(['source_id', 'amount', 'is_confirmed'])
      .where('plan_id', '=', plan.id)
      .execute(),
  ]);

  const analysis = analyzePlan({
    communes: communes.map((c) => ({ id: c.id, isTarget: true, priority: c.priority, deadline: null })),
    criterionIds: progress.criteria.map((c) => c.id),
    metCriteria: progress.metCriteria,
    projects: progress.projects,
    allocations: [],
    sources: [],
    caps: [],
  });
  const targets = new Set(communes.filter((c) => c.is_target).map((c) => c.id));
  const needs: OptimizerInput['needs'] = [];
  const uncosted: OptimizerInput['uncosted'] = [];
  const unmet: PlanOptimizerData['unmet'] = [];
  for (const commune of analysis.communes) {
    for (const gap of commune.unmet) {
      unmet.push({
        communeId: commune.communeId,
        criterionId: gap.criterionId,
        cost: gap.isCosted ? gap.cost : 0n,
      });
      if (!targets.has(commune.communeId)) continue;
      if (gap.isCosted)
        needs.push({ communeId: commune.communeId, criterionId: gap.criterionId, cost: gap.cost });
      else uncosted.push({ communeId: commune.communeId, criterionId: gap.criterionId });
    }
  }

  const capBySource = new Map<number, { confirmed: bigint; expected: bigint }>();
  for (const cap of caps) {
    const entry = capBySource.get(cap.source_id) ?? { confirmed: 0n, expected: 0n };
    if (cap.is_confirmed) entry.confirmed += cap.amount;
    else entry.expected += cap.amount;
    capBySource.set(cap.source_id, entry);
  }

  return {
    input: {
      communes: communes.map((c) => ({
        id: c.id,
        name: c.name,
        isTarget: c.is_target,
        priority: Math.max(1, c.priority),
        deadline:
          c.deadline_year !== null && c.deadline_quarter !== null
            ? { year: c.deadline_year, quarter: c.deadline_quarter as Quarter['quarter'] }
            : null,
        flags: {
          kind: c.kind,
          isProgram135: c.is_program135,
          ethnicZone: c.ethnic_zone,
          isAtk: c.is_atk,
          isBorder: c.is_border,
          isIsland: c.is_island,
        },
      })),
      criteria: progress.criteria,
      needs,
      uncosted,
      // Caps are stored per plan and source, so a commune budget is one pooled cap here: the
      // optimizer supports per-commune budgets (`communeCaps`) once the plan stores them.
      sources: sources.map((s) => ({
        id: s.id,
        name: s.code,
        eligibility: s.eligibility as Eligibility,
        confirmedCap: capBySource.get(s.id)?.confirmed ?? 0n,
        expectedCap: capBySource.get(s.id)?.expected ?? 0n,
      })),
      // No counterpart shares are configured in the plan data yet.
      counterparts: [],
      allocations: allocations
        .filter((a) => a.amount !== 0n)
        .map((a) => ({
          communeId: a.commune_id,
          criterionId: a.criterion_id,
          sourceId: a.source_id,
          amount: a.amount,
        })),
      asOf,
    },
    unmet,
    versions: new Map(
      allocations.map((a) => [cellKey(a.commune_id, a.criterion_id, a.source_id), a.version]),
    ),
    sourceNames: new Map(sources.map((s) => [s.id, { code: s.code, vi: s.name_vi, en: s.name_en }])),
  };
}
