// setAllocations: validate a whole batch, then write it with its audit rows in one statement,
// inside one transaction. Any invalid cell rejects the batch; nothing is half-written.
import { randomUUID } from 'node:crypto';
import { type Database, inTransaction, type Plan } from '@ntm/db';
import {
  cellKey,
  DomainError,
  type Eligibility,
  isSourceEligible,
  MAX_BATCH_CELLS,
  toEligibilityParams,
} from '@ntm/domain';
import { type Kysely, sql } from 'kysely';
import type { Context } from '../context.ts';
import { publishPlanEvent } from '../events/plan-events.ts';
import { tryDecodeId, unknownIdError } from '../schema/ids.ts';
import { BatchRejectedError, type CellConflict, type CellError, VersionConflictError } from './errors.ts';
import { lockWritablePlan } from './plan-guard.ts';

export interface CellInput {
  communeId: string;
  criterionId: string;
  sourceId: string;
  amount: bigint;
  /** The version the change was based on (0 = a cell never written); null = overwrite whatever is there. */
  expectedVersion?: number | null;
}

/** all_or_nothing: any stale cell rejects the batch; apply_others: write the rest, report the stale ones. */
export type ConflictMode = 'all_or_nothing' | 'apply_others';

export interface WrittenCell {
  communeId: number;
  criterionId: number;
  sourceId: number;
  amount: bigint;
  version: number;
  changed: boolean;
}

interface DecodedCell {
  communeId: number;
  criterionId: number;
  sourceId: number;
  amount: bigint;
  expectedVersion: number | null;
}

export interface SetAllocationsResult {
  cells: WrittenCell[];
  changedCount: number;
  batchId: string;
  conflicts: CellConflict[];
}

export async function setAllocations(
  ctx: Context,
  planId: number,
  cells: readonly CellInput[],
  mode: ConflictMode = 'all_or_nothing',
): Promise<SetAllocationsResult> {
  if (cells.length > MAX_BATCH_CELLS) {
    throw new DomainError('BATCH_TOO_LARGE', {
      max: MAX_BATCH_CELLS,
      count: cells.length,
    });
  }
  return inTransaction(ctx.db, async (trx) => {
    const plan = await lockWritablePlan(trx, planId);
    const decoded = await validateCells(trx, plan, cells);
    // The plan row is locked, so the versions read here stay current until commit.
    const conflicts = await findConflicts(trx, plan.id, decoded);
    if (conflicts.length > 0 && mode === 'all_or_nothing') throw new VersionConflictError(conflicts);
    const stale = new Set(conflicts.map((c) => cellKey(c.communeId, c.criterionId, c.sourceId)));
    const toWrite = decoded.filter((c) => !stale.has(cellKey(c.communeId, c.criterionId, c.sourceId)));
    const batchId = randomUUID();
    const written = await writeCells(trx, ctx, plan.id, toWrite, batchId);
    const changed = written.filter((c) => c.changed);
    if (changed.length > 0) {
      await publishPlanEvent(trx, {
        kind: 'cells',
        planId: plan.id,
        actor: ctx.actor,
        batchId,
        origin: ctx.origin,
        cellCount: changed.length,
        cells: changed.map((c) => ({
          communeId: c.communeId,
          criterionId: c.criterionId,
          sourceId: c.sourceId,
          amount: c.amount.toString(),
          version: c.version,
        })),
      });
    }
    return { cells: written, changedCount: changed.length, batchId, conflicts };
  });
}

async function validateCells(
  trx: Kysely<Database>,
  plan: Plan,
  cells: readonly CellInput[],
): Promise<DecodedCell[]> {
  const { id: planId, criteria_set_id: criteriaSetId, name: planName } = plan;
  const [communes, criteria, sources] = await Promise.all([
    trx
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
      ])
      .where('plan_commune.plan_id', '=', planId)
      .execute(),
    trx.selectFrom('criterion').select('id').where('criteria_set_id', '=', criteriaSetId).execute(),
    trx.selectFrom('funding_source').select(['id', 'code', 'name_vi', 'eligibility']).execute(),
  ]);
  const communeById = new Map(communes.map((c) => [c.id, c]));
  const criterionIds = new Set(criteria.map((c) => c.id));
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const errors: CellError[] = [];
  const seen = new Set<string>();
  const decoded: DecodedCell[] = [];
  const checkCell = (cell: CellInput): DomainError | DecodedCell => {
    const communeId = tryDecodeId(cell.communeId, 'Commune');
    const criterionId = tryDecodeId(cell.criterionId, 'Criterion');
    const sourceId = tryDecodeId(cell.sourceId, 'FundingSource');
    if (communeId === null) return unknownIdError('Commune', cell.communeId);
    if (criterionId === null) return unknownIdError('Criterion', cell.criterionId);
    if (sourceId === null) return unknownIdError('FundingSource', cell.sourceId);
    const commune = communeById.get(communeId);
    if (!commune) return new DomainError('COMMUNE_NOT_IN_PLAN', { commune: cell.communeId, plan: planName });
    if (!criterionIds.has(criterionId))
      return new DomainError('CRITERION_NOT_IN_SET', { criterion: cell.criterionId });
    const source = sourceById.get(sourceId);
    if (!source) return unknownIdError('FundingSource', cell.sourceId);
    const flags = {
      kind: commune.kind,
      isProgram135: commune.is_program135,
      ethnicZone: commune.ethnic_zone,
      isAtk: commune.is_atk,
      isBorder: commune.is_border,
      isIsland: commune.is_island,
    };
    const rule = source.eligibility as Eligibility;
    // Clearing a cell is always allowed, so a wrong past allocation can be removed.
    if (cell.amount !== 0n && !isSourceEligible(rule, flags)) {
      return new DomainError('SOURCE_NOT_ELIGIBLE', {
        source: source.code,
        commune: commune.name,
        ...toEligibilityParams(rule),
      });
    }
    const key = cellKey(communeId, criterionId, sourceId);
    if (seen.has(key))
      return new DomainError('DUPLICATE_CELL', { commune: commune.name, source: source.code });
    seen.add(key);
    return {
      communeId,
      criterionId,
      sourceId,
      amount: cell.amount,
      expectedVersion: cell.expectedVersion ?? null,
    };
  };
  for (const [index, cell] of cells.entries()) {
    const result = checkCell(cell);
    if (result instanceof DomainError) {
      errors.push({
        index,
        error: result,
        communeId: cell.communeId,
        criterionId: cell.criterionId,
        sourceId: cell.sourceId,
      });
    } else {
      decoded.push(result);
    }
  }
  if (errors.length > 0) throw new BatchRejectedError(errors);
  return decoded;
}

/** Cells whose stored version is not the one the change was based on, with who moved them and when. */
async function findConflicts(
  trx: Kysely<Database>,
  planId: number,
  cells: DecodedCell[],
): Promise<CellConflict[]> {
  const checked = cells.filter((c) => c.expectedVersion !== null);
  if (checked.length === 0) return [];
  const current = await sql<{
    commune_id: number;
    criterion_id: number;
    source_id: number;
    amount: bigint;
    version: number;
    updated_by: string;
    updated_at: Date;
  }>`
    select a.commune_id, a.criterion_id, a.source_id, a.amount, a.version, a.updated_by, a.updated_at
    from allocation a
    join unnest(
      ${checked.map((c) => c.communeId)}::int[],
      ${checked.map((c) => c.criterionId)}::int[],
      ${checked.map((c) => c.sourceId)}::int[]
    ) as i(commune_id, criterion_id, source_id) using (commune_id, criterion_id, source_id)
    where a.plan_id = ${planId}
  `.execute(trx);
  const byKey = new Map(current.rows.map((r) => [cellKey(r.commune_id, r.criterion_id, r.source_id), r]));
  const conflicts: CellConflict[] = [];
  for (const cell of checked) {
    const row = byKey.get(cellKey(cell.communeId, cell.criterionId, cell.sourceId));
    const currentVersion = row?.version ?? 0;
    if (currentVersion === cell.expectedVersion) continue;
    conflicts.push({
      communeId: cell.communeId,
      criterionId: cell.criterionId,
      sourceId: cell.sourceId,
      attemptedAmount: cell.amount,
      expectedVersion: cell.expectedVersion!,
      currentVersion,
      currentAmount: row ? BigInt(row.amount) : 0n,
      changedBy: row?.updated_by ?? null,
      changedAt: row ? new Date(row.updated_at) : null,
    });
  }
  return conflicts;
}

async function writeCells(
  trx: Kysely<Database>,
  ctx: Context,
  planId: number,
  cells: DecodedCell[],
  batchId: string,
): Promise<WrittenCell[]> {
  if (cells.length === 0) return [];
  // One statement for the whole batch: the old values, the upsert and the audit rows. All CTEs
  // see the same snapshot, so `old` is the state before this batch.
  const result = await sql<{
    commune_id: number;
    criterion_id: number;
    source_id: number;
    amount: bigint;
    version: number;
    changed: boolean;
  }>`
    with input as (
      select * from unnest(
        ${cells.map((c) => c.communeId)}::int[],
        ${cells.map((c) => c.criterionId)}::int[],
        ${cells.map((c) => c.sourceId)}::int[],
        ${cells.map((c) => c.amount.toString())}::bigint[]
      ) as t(commune_id, criterion_id, source_id, amount)
    ),
    old as (
      select a.commune_id, a.criterion_id, a.source_id, a.amount, a.version
      from allocation a join input i using (commune_id, criterion_id, source_id)
      where a.plan_id = ${planId}
    ),
    up as (
      insert into allocation (plan_id, commune_id, criterion_id, source_id, amount, updated_by)
      select ${planId}, i.commune_id, i.criterion_id, i.source_id, i.amount, ${ctx.actor}
      from input i left join old o using (commune_id, criterion_id, source_id)
      where o.amount is distinct from i.amount and not (o.amount is null and i.amount = 0)
      on conflict (plan_id, commune_id, criterion_id, source_id)
      do update set amount = excluded.amount, version = allocation.version + 1, updated_at = now(),
                    updated_by = excluded.updated_by
      returning commune_id, criterion_id, source_id, amount, version
    ),
    audit as (
      insert into audit_log (actor, request_id, batch_id, origin, entity, action, plan_id, commune_id,
                             criterion_id, source_id, entity_key, before, after)
      select ${ctx.actor}, ${ctx.requestId}, ${batchId}, ${ctx.origin}, 'allocation',
             case when o.commune_id is null then 'insert' else 'update' end,
             ${planId}, u.commune_id, u.criterion_id, u.source_id,
             concat_ws(':', ${planId}::int, u.commune_id, u.criterion_id, u.source_id),
             case when o.commune_id is null then null
                  else jsonb_build_object('amount', o.amount::text, 'version', o.version) end,
             jsonb_build_object('amount', u.amount::text, 'version', u.version)
      from up u left join old o using (commune_id, criterion_id, source_id)
    )
    select i.commune_id, i.criterion_id, i.source_id,
           coalesce(u.amount, o.amount, 0::bigint) as amount,
           coalesce(u.version, o.version, 0) as version,
           (u.commune_id is not null) as changed
    from input i
    left join up u using (commune_id, criterion_id, source_id)
    left join old o using (commune_id, criterion_id, source_id)
  `.execute(trx);
  return result.rows.map((r) => ({
    communeId: r.commune_id,
    criterionId: r.criterion_id,
    sourceId: r.source_id,
    amount: BigInt(r.amount),
    version: r.version,
    changed: r.changed,
  }));
}
