// Versions of a plan: named snapshots (frozen copies of the non-zero cells and the caps), the diff
// between two of them or between one and now, and restoring one as a new draft revision.
// Every statement is set-based (INSERT … SELECT, one FULL OUTER JOIN), so the statement count
// does not grow with the plan's size.
import { type Database, inTransaction, type Plan, type PlanSnapshot } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import { type Kysely, sql } from 'kysely';
import type { Context } from '../context.ts';
import { recordAudit, toAuditJson } from './audit.ts';
import { createRevision } from './plan-revision.ts';

const MAX_NAME = 300;

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME) {
    throw new DomainError('INVALID_NAME', { field: 'name', max: MAX_NAME });
  }
  return trimmed;
}

/**
 * Takes a snapshot of any plan, editable or not (the approved plan is the one worth keeping).
 * The plan row is share-locked so no exclusive writer (caps, reverts, status) commits between the
 * copies of the cells and of the caps; cell writers may, but the cells are copied in one statement.
 */
export async function createPlanSnapshot(
  ctx: Context,
  input: { planId: number; name: string; note: string | null },
): Promise<PlanSnapshot> {
  const name = checkName(input.name);
  return inTransaction(ctx.db, async (trx) => {
    const plan = await trx
      .selectFrom('plan')
      .select('id')
      .where('id', '=', input.planId)
      .forShare()
      .executeTakeFirst();
    if (!plan) throw new DomainError('UNKNOWN_PLAN', { field: 'planId' });
    const created = await trx
      .insertInto('plan_snapshot')
      .values({ plan_id: plan.id, name, note: input.note, created_by: ctx.actor })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('plan_snapshot_cell')
      .columns(['snapshot_id', 'commune_id', 'criterion_id', 'source_id', 'amount'])
      .expression(
        trx
          .selectFrom('allocation')
          .select((eb) => [
            eb.val(created.id).as('snapshot_id'),
            'commune_id',
            'criterion_id',
            'source_id',
            'amount',
          ])
          .where('plan_id', '=', plan.id)
          .where('amount', '>', 0n),
      )
      .execute();
    await trx
      .insertInto('plan_snapshot_cap')
      .columns(['snapshot_id', 'source_id', 'amount', 'is_confirmed', 'note'])
      .expression(
        trx
          .selectFrom('funding_cap')
          .select((eb) => [
            eb.val(created.id).as('snapshot_id'),
            'source_id',
            'amount',
            'is_confirmed',
            'note',
          ])
          .where('plan_id', '=', plan.id),
      )
      .execute();
    // Counted from the copy itself, so the header always matches the cells.
    const snapshot = await sql<PlanSnapshot>`
      update plan_snapshot s
      set cell_count = c.n, total = c.total
      from (select count(*)::int as n, coalesce(sum(amount), 0)::bigint as total
            from plan_snapshot_cell where snapshot_id = ${created.id}) c
      where s.id = ${created.id}
      returning s.*`
      .execute(trx)
      .then((r) => r.rows[0]!);
    await recordAudit(trx, ctx, [
      {
        entity: 'plan_snapshot',
        action: 'insert',
        entityKey: String(snapshot.id),
        planId: plan.id,
        before: null,
        after: toAuditJson(snapshot),
      },
    ]);
    return snapshot;
  });
}

async function findSnapshot(db: Kysely<Database>, snapshotId: number, field: string): Promise<PlanSnapshot> {
  const snapshot = await db
    .selectFrom('plan_snapshot')
    .selectAll()
    .where('id', '=', snapshotId)
    .executeTakeFirst();
  if (!snapshot) throw new DomainError('UNKNOWN_SNAPSHOT', { field });
  return snapshot;
}

/**
 * A new draft revision of the snapshot's plan: same scope, period and criteria sets, the source
 * plan's communes and targets, the snapshot's caps and cells. Everything it writes is audited
 * under one batch id, cell by cell, so the audit trail alone can rebuild the new plan.
 */
export async function restorePlanSnapshot(
  ctx: Context,
  input: { snapshotId: number; name: string },
): Promise<Plan> {
  const name = checkName(input.name);
  return inTransaction(ctx.db, async (trx) => {
    const snapshot = await findSnapshot(trx, input.snapshotId, 'snapshotId');
    const source = await trx
      .selectFrom('plan')
      .selectAll()
      .where('id', '=', snapshot.plan_id)
      .executeTakeFirstOrThrow();
    const { plan } = await createRevision(trx, ctx, source, name, {
      caps: sql`select source_id, amount, is_confirmed, note from plan_snapshot_cap where snapshot_id = ${snapshot.id}`,
      cells: sql`select commune_id, criterion_id, source_id, amount from plan_snapshot_cell where snapshot_id = ${snapshot.id}`,
      provenance: { restoredFromSnapshot: snapshot.id },
    });
    return plan;
  });
}

export interface PlanDiffSpec {
  planId: number;
  from: PlanSnapshot;
  to: PlanSnapshot | null;
}

/** The two snapshots of a diff, checked to belong to the plan. */
export async function resolveDiff(
  db: Kysely<Database>,
  planId: number,
  fromId: number,
  toId: number | null,
): Promise<PlanDiffSpec> {
  const ids = toId === null ? [fromId] : [fromId, toId];
  const rows = await db
    .selectFrom('plan_snapshot')
    .selectAll()
    .where('id', 'in', ids)
    .where('plan_id', '=', planId)
    .execute();
  const from = rows.find((r) => r.id === fromId);
  if (!from) throw new DomainError('UNKNOWN_SNAPSHOT', { field: 'from' });
  const to = toId === null ? null : rows.find((r) => r.id === toId);
  if (to === undefined) throw new DomainError('UNKNOWN_SNAPSHOT', { field: 'to' });
  return { planId, from, to };
}

/** Both sides as one relation of every cell non-zero on either side. */
function joinedCells(spec: PlanDiffSpec) {
  const after =
    spec.to === null
      ? sql`select commune_id, criterion_id, source_id, amount from allocation
            where plan_id = ${spec.planId} and amount > 0`
      : sql`select commune_id, criterion_id, source_id, amount from plan_snapshot_cell
            where snapshot_id = ${spec.to.id}`;
  return sql`
    select commune_id, criterion_id, source_id,
           coalesce(a.amount, 0) as before, coalesce(b.amount, 0) as after
    from (select commune_id, criterion_id, source_id, amount from plan_snapshot_cell
          where snapshot_id = ${spec.from.id}) a
    full outer join (${after}) b using (commune_id, criterion_id, source_id)`;
}

export interface CellDiff {
  communeId: number;
  criterionId: number;
  sourceId: number;
  before: bigint;
  after: bigint;
}

export async function findChangedCells(
  db: Kysely<Database>,
  spec: PlanDiffSpec,
  limit: number,
): Promise<CellDiff[]> {
  const { rows } = await sql<{
    commune_id: number;
    criterion_id: number;
    source_id: number;
    before: bigint | string;
    after: bigint | string;
  }>`
    select * from (${joinedCells(spec)}) j
    where before <> after
    order by commune_id, criterion_id, source_id
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    communeId: r.commune_id,
    criterionId: r.criterion_id,
    sourceId: r.source_id,
    before: BigInt(r.before),
    after: BigInt(r.after),
  }));
}

export type DiffDimension = 'commune' | 'criterion' | 'source' | 'all';

export interface DiffTotal {
  by: DiffDimension;
  /** The commune, criterion or source id; 0 for the grand total. */
  id: number;
  before: bigint;
  after: bigint;
  changedCells: number;
}

/** Totals before/after by commune, criterion, source and overall, in one grouping-sets statement. */
export async function sumDiff(db: Kysely<Database>, spec: PlanDiffSpec): Promise<DiffTotal[]> {
  const { rows } = await sql<{
    g_commune: number;
    g_criterion: number;
    g_source: number;
    commune_id: number | null;
    criterion_id: number | null;
    source_id: number | null;
    before: string | bigint;
    after: string | bigint;
    changed: number;
  }>`
    select grouping(commune_id) as g_commune, grouping(criterion_id) as g_criterion,
           grouping(source_id) as g_source, commune_id, criterion_id, source_id,
           coalesce(sum(before), 0)::text as before, coalesce(sum(after), 0)::text as after,
           (count(*) filter (where before <> after))::int as changed
    from (${joinedCells(spec)}) j
    group by grouping sets ((commune_id), (criterion_id), (source_id), ())
    order by 1, 2, 3, 4, 5, 6`.execute(db);
  const totals: DiffTotal[] = rows.map((r) => {
    const by: DiffDimension =
      r.g_commune === 0 ? 'commune' : r.g_criterion === 0 ? 'criterion' : r.g_source === 0 ? 'source' : 'all';
    return {
      by,
      id: r.commune_id ?? r.criterion_id ?? r.source_id ?? 0,
      before: BigInt(r.before),
      after: BigInt(r.after),
      changedCells: r.changed,
    };
  });
  return totals;
}
