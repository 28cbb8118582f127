// Read models of a plan: the compact grid, totals and the analysis input.
import type { Database } from '@ntm/db';
import { type AnalysisInput, analyzePlan, type PlanAnalysis, type Quarter } from '@ntm/domain';
import { type Kysely, sql } from 'kysely';
import { allSettledOrThrow, checkpoint, unlessAborted } from './abortable.ts';

export interface GridAxes {
  communeIds: number[];
  criterionIds: number[];
  sourceIds: number[];
}

/** The grid's axes in one statement: the plan's communes, its criteria, and every source. */
export async function loadGridAxes(
  db: Kysely<Database>,
  planId: number,
  criteriaSetId: number,
): Promise<GridAxes> {
  const result = await sql<{
    communes: number[] | null;
    criteria: number[] | null;
    sources: number[] | null;
  }>`
    select
      (select array_agg(pc.commune_id order by c.kind desc, c.search_key, c.id)
         from plan_commune pc join commune c on c.id = pc.commune_id where pc.plan_id = ${planId}) as communes,
      (select array_agg(id order by number) from criterion where criteria_set_id = ${criteriaSetId}) as criteria,
      (select array_agg(id order by position, id) from funding_source) as sources
  `.execute(db);
  const row = result.rows[0];
  return {
    communeIds: row?.communes ?? [],
    criterionIds: row?.criteria ?? [],
    sourceIds: row?.sources ?? [],
  };
}

/** The met (commune, criterion) pairs of a plan's communes in its criteria set, as two parallel id arrays. */
export async function findMetCriteria(
  db: Kysely<Database>,
  planId: number,
  criteriaSetId: number,
): Promise<{ communeIds: number[]; criterionIds: number[] }> {
  // One row of two arrays: 152,000 pairs of a national plan cost no per-row decoding.
  const result = await sql<{ communes: number[] | null; criteria: number[] | null }>`
    select array_agg(s.commune_id) as communes, array_agg(s.criterion_id) as criteria
      from criterion_status s
      join plan_commune pc on pc.commune_id = s.commune_id and pc.plan_id = ${planId}
      join criterion c on c.id = s.criterion_id and c.criteria_set_id = ${criteriaSetId}
     where s.is_met
  `.execute(db);
  const row = result.rows[0];
  return { communeIds: row?.communes ?? [], criterionIds: row?.criteria ?? [] };
}

/**
 * What "unmet" and "what it still costs" are computed from: the plan's criteria (by number), the
 * met pairs and the projects of the plan's communes, in the shape `analyzePlan` takes.
 * Shared by the analysis and the optimizer so both read the same facts. With a signal, statements
 * not yet sent when it fires are not sent (see unlessAborted).
 */
export async function loadProgressInputs(
  db: Kysely<Database>,
  plan: { id: number; criteria_set_id: number },
  signal?: AbortSignal,
): Promise<{
  criteria: Array<{ id: number; number: number }>;
  metCriteria: AnalysisInput['metCriteria'];
  projects: AnalysisInput['projects'];
}> {
  const inPlan = (d: Kysely<Database>) =>
    d.selectFrom('plan_commune').select('commune_id').where('plan_id', '=', plan.id);
  const [criteria, statuses, projects] = await allSettledOrThrow([
    unlessAborted(db, signal, (d) =>
      d
        .selectFrom('criterion')
        .select(['id', 'number'])
        .where('criteria_set_id', '=', plan.criteria_set_id)
        .orderBy('number')
        .execute(),
    ),
    unlessAborted(db, signal, (d) =>
      d
        .selectFrom('criterion_status')
        .select(['commune_id', 'criterion_id'])
        .where('is_met', '=', true)
        .where('commune_id', 'in', inPlan(d))
        .execute(),
    ),
    unlessAborted(db, signal, (d) =>
      d
        .selectFrom('project')
        .select(['commune_id', 'criterion_id', 'estimated_cost', 'disbursed', 'is_required', 'status'])
        .where('commune_id', 'in', inPlan(d))
        .execute(),
    ),
  ]);
  return {
    criteria,
    metCriteria: statuses.map((s) => ({ communeId: s.commune_id, criterionId: s.criterion_id })),
    projects: projects.map((p) => ({
      communeId: p.commune_id,
      criterionId: p.criterion_id,
      estimatedCost: p.estimated_cost,
      disbursed: p.disbursed,
      isRequired: p.is_required,
      status: p.status,
    })),
  };
}

/**
 * Everything the domain analysis needs, read in a fixed number of statements. A fired signal (the
 * client has gone) stops it between statements and phases with the signal's reason: the read and
 * the analysis are seconds of work on a national plan, and so is GraphQL's walk over the result.
 */
export async function analyzePlanFromDb(
  db: Kysely<Database>,
  plan: { id: number; criteria_set_id: number },
  asOf: Quarter,
  signal?: AbortSignal,
): Promise<PlanAnalysis> {
  signal?.throwIfAborted();
  const [communes, progress, allocations, sources, caps] = await allSettledOrThrow([
    unlessAborted(db, signal, (d) =>
      d.selectFrom('plan_commune').selectAll().where('plan_id', '=', plan.id).execute(),
    ),
    loadProgressInputs(db, plan, signal),
    unlessAborted(db, signal, (d) =>
      d
        .selectFrom('allocation')
        .select(['commune_id', 'criterion_id', 'source_id', 'amount'])
        .where('plan_id', '=', plan.id)
        .where('amount', '>', 0n)
        .execute(),
    ),
    unlessAborted(db, signal, (d) =>
      d.selectFrom('funding_source').select(['id', 'needs_council_approval']).execute(),
    ),
    unlessAborted(db, signal, (d) =>
      d
        .selectFrom('funding_cap')
        .select(['source_id', 'amount', 'is_confirmed'])
        .where('plan_id', '=', plan.id)
        .execute(),
    ),
  ]);
  await checkpoint(signal);
  const analysis = analyzePlan({
    communes: communes.map((c) => ({
      id: c.commune_id,
      isTarget: c.is_target,
      priority: c.priority,
      deadline:
        c.deadline_year !== null && c.deadline_quarter !== null
          ? {
              year: c.deadline_year,
              quarter: c.deadline_quarter as 1 | 2 | 3 | 4,
            }
          : null,
    })),
    criterionIds: progress.criteria.map((c) => c.id),
    metCriteria: progress.metCriteria,
    projects: progress.projects,
    allocations: allocations.map((a) => ({
      communeId: a.commune_id,
      criterionId: a.criterion_id,
      sourceId: a.source_id,
      amount: a.amount,
    })),
    sources: sources.map((s) => ({
      id: s.id,
      needsCouncilApproval: s.needs_council_approval,
    })),
    caps: caps.map((c) => ({
      sourceId: c.source_id,
      amount: c.amount,
      isConfirmed: c.is_confirmed,
    })),
    asOf,
  });
  // GraphQL's walk over the result (one object per gap and warning) is the next long phase.
  await checkpoint(signal);
  return analysis;
}
