// Reverting an audited change (or a whole batch): a version-checked write of its own. Each value
// goes back to its `before` only if nobody changed it since (its version is still the audit row's
// `after.version`); otherwise the revert reports every conflicting value and writes nothing.
// The new audit rows link the reverted ones (`after.revertOf`).
import { randomUUID } from 'node:crypto';
import { type AuditEntity, type AuditLog, type Database, inTransaction } from '@ntm/db';
import { DomainError, MAX_BATCH_CELLS } from '@ntm/domain';
import { type Kysely, sql } from 'kysely';
import type { Context } from '../context.ts';
import { publishPlanEvent } from '../events/plan-events.ts';
import { recordAudit, toAuditJson } from './audit.ts';
import { lockWritablePlan } from './plan-guard.ts';

export interface RevertConflict {
  entity: AuditEntity;
  planId: number | null;
  communeId: number | null;
  districtId: number | null;
  criterionId: number | null;
  sourceId: number | null;
  /** The version the reverted change left behind. */
  expectedVersion: number;
  /** 0 when the row no longer exists. */
  currentVersion: number;
  currentAmount: bigint | null;
  changedBy: string | null;
  changedAt: Date | null;
}

/** Some value changed again after the change being reverted; nothing was written. */
export class RevertConflictError extends DomainError {
  readonly conflicts: RevertConflict[];
  constructor(conflicts: RevertConflict[]) {
    super('REVERT_CONFLICT', {
      count: conflicts.length,
      ...(conflicts[0]?.changedBy ? { actor: conflicts[0].changedBy } : {}),
    });
    this.conflicts = conflicts;
  }
}

export type RevertTarget = { auditId: number } | { batchId: string };

export interface RevertResult {
  batchId: string;
  planId: number | null;
  entries: AuditLog[];
}

const REVERTIBLE = new Set<AuditEntity>([
  'allocation',
  'funding_cap',
  'criterion_status',
  'district_criterion_status',
]);

type Json = Record<string, unknown>;

/** One value to put back: the earliest `before` and the latest `after` of its rows in the target. */
interface Change {
  row: AuditLog;
  before: Json | null;
  after: Json;
}

function versionOf(values: Json | null): number {
  const v = values?.['version'];
  return typeof v === 'number' ? v : Number(v ?? 0);
}

function amountOf(values: Json | null): bigint {
  const v = values?.['amount'];
  return typeof v === 'string' || typeof v === 'number' ? BigInt(v) : 0n;
}

export async function revertChange(ctx: Context, target: RevertTarget): Promise<RevertResult> {
  return inTransaction(ctx.db, async (trx) => {
    const rows =
      'auditId' in target
        ? await trx.selectFrom('audit_log').selectAll().where('id', '=', BigInt(target.auditId)).execute()
        : await trx
            .selectFrom('audit_log')
            .selectAll()
            .where('batch_id', '=', target.batchId)
            .orderBy('id')
            .limit(MAX_BATCH_CELLS + 1)
            .execute();
    if (rows.length === 0) {
      throw new DomainError('UNKNOWN_AUDIT_ENTRY', { field: 'auditId' in target ? 'auditId' : 'batchId' });
    }
    if (rows.length > MAX_BATCH_CELLS) throw new DomainError('BATCH_TOO_LARGE', { max: MAX_BATCH_CELLS });
    for (const row of rows) {
      if (!REVERTIBLE.has(row.entity)) throw new DomainError('NOT_REVERTIBLE', { reason: row.entity });
      if (row.after === null)
        throw new DomainError('NOT_REVERTIBLE', { reason: `${row.entity} ${row.action}` });
    }

    const planIds = [...new Set(rows.map((r) => r.plan_id).filter((id): id is number => id !== null))].sort();
    for (const planId of planIds) await lockWritablePlan(trx, planId);

    const changes = new Map<string, Change>();
    for (const row of rows) {
      const key = `${row.entity}:${row.entity_key}`;
      const seen = changes.get(key);
      if (seen) seen.after = row.after!;
      else changes.set(key, { row, before: row.before, after: row.after! });
    }
    const batchId = randomUUID();
    const all = [...changes.values()];
    const cells = all.filter((c) => c.row.entity === 'allocation');
    const others = all.filter((c) => c.row.entity !== 'allocation');

    const conflicts = [...(await checkCells(trx, cells)), ...(await checkOthers(trx, others))];
    if (conflicts.length > 0) throw new RevertConflictError(conflicts);

    await writeCells(trx, ctx, cells, batchId);
    for (const change of others) await writeOther(trx, ctx, change, batchId);

    const entries = await trx
      .selectFrom('audit_log')
      .selectAll()
      .where('batch_id', '=', batchId)
      .orderBy('id')
      .execute();
    return { batchId, planId: planIds[0] ?? null, entries };
  });
}

async function checkCells(trx: Kysely<Database>, cells: Change[]): Promise<RevertConflict[]> {
  if (cells.length === 0) return [];
  const planId = cells[0]!.row.plan_id!;
  const current = await trx
    .selectFrom('allocation')
    .select(['commune_id', 'criterion_id', 'source_id', 'amount', 'version'])
    .where('plan_id', '=', planId)
    .where(
      sql<boolean>`(commune_id, criterion_id, source_id) in (select * from unnest(
        ${cells.map((c) => c.row.commune_id)}::int[], ${cells.map((c) => c.row.criterion_id)}::int[],
        ${cells.map((c) => c.row.source_id)}::int[]))`,
    )
    .execute();
  const byKey = new Map(current.map((r) => [`${r.commune_id}:${r.criterion_id}:${r.source_id}`, r]));
  const stale = cells.filter((c) => {
    const now = byKey.get(`${c.row.commune_id}:${c.row.criterion_id}:${c.row.source_id}`);
    return (now?.version ?? 0) !== versionOf(c.after);
  });
  if (stale.length === 0) return [];
  // Who moved each stale cell last, and when: one statement over the cell index.
  const authors = await sql<{
    commune_id: number;
    criterion_id: number;
    source_id: number;
    actor: string;
    at: Date;
  }>`
    select distinct on (commune_id, criterion_id, source_id) commune_id, criterion_id, source_id, actor, at
    from audit_log
    where plan_id = ${planId} and entity = 'allocation'
      and (commune_id, criterion_id, source_id) in (select * from unnest(
        ${stale.map((c) => c.row.commune_id)}::int[], ${stale.map((c) => c.row.criterion_id)}::int[],
        ${stale.map((c) => c.row.source_id)}::int[]))
    order by commune_id, criterion_id, source_id, id desc`.execute(trx);
  const authorByKey = new Map(
    authors.rows.map((r) => [`${r.commune_id}:${r.criterion_id}:${r.source_id}`, r]),
  );
  return stale.map((c) => {
    const key = `${c.row.commune_id}:${c.row.criterion_id}:${c.row.source_id}`;
    const now = byKey.get(key);
    const author = authorByKey.get(key);
    return {
      entity: 'allocation',
      planId,
      communeId: c.row.commune_id,
      districtId: null,
      criterionId: c.row.criterion_id,
      sourceId: c.row.source_id,
      expectedVersion: versionOf(c.after),
      currentVersion: now?.version ?? 0,
      currentAmount: now ? BigInt(now.amount) : 0n,
      changedBy: author?.actor ?? null,
      changedAt: author ? new Date(author.at) : null,
    };
  });
}

async function writeCells(
  trx: Kysely<Database>,
  ctx: Context,
  cells: Change[],
  batchId: string,
): Promise<void> {
  const writes = cells.filter((c) => amountOf(c.before) !== amountOf(c.after));
  if (writes.length === 0) return;
  const planId = writes[0]!.row.plan_id!;
  const { rows } = await sql<{
    commune_id: number;
    criterion_id: number;
    source_id: number;
    amount: bigint;
    version: number;
  }>`
    with input as (
      select * from unnest(
        ${writes.map((c) => c.row.commune_id)}::int[],
        ${writes.map((c) => c.row.criterion_id)}::int[],
        ${writes.map((c) => c.row.source_id)}::int[],
        ${writes.map((c) => amountOf(c.before).toString())}::bigint[],
        ${writes.map((c) => amountOf(c.after).toString())}::bigint[],
        ${writes.map((c) => versionOf(c.after))}::int[],
        ${writes.map((c) => c.row.id.toString())}::bigint[]
      ) as t(commune_id, criterion_id, source_id, amount, old_amount, old_version, revert_of)
    ),
    up as (
      update allocation a
      set amount = i.amount, version = a.version + 1, updated_at = now(), updated_by = ${ctx.actor}
      from input i
      where a.plan_id = ${planId} and a.commune_id = i.commune_id and a.criterion_id = i.criterion_id
        and a.source_id = i.source_id and a.version = i.old_version
      returning a.commune_id, a.criterion_id, a.source_id, a.amount, a.version, i.old_amount, i.old_version,
                i.revert_of
    ),
    audit as (
      insert into audit_log (actor, request_id, batch_id, origin, entity, action, plan_id, commune_id,
                             criterion_id, source_id, entity_key, before, after)
      select ${ctx.actor}, ${ctx.requestId}, ${batchId}, ${ctx.origin}, 'allocation', 'update',
             ${planId}, u.commune_id, u.criterion_id, u.source_id,
             concat_ws(':', ${planId}::int, u.commune_id, u.criterion_id, u.source_id),
             jsonb_build_object('amount', u.old_amount::text, 'version', u.old_version),
             jsonb_build_object('amount', u.amount::text, 'version', u.version, 'revertOf', u.revert_of::text)
      from up u
    )
    select commune_id, criterion_id, source_id, amount, version from up`.execute(trx);
  await publishPlanEvent(trx, {
    kind: 'cells',
    planId,
    actor: ctx.actor,
    batchId,
    origin: ctx.origin,
    cells: rows.map((r) => ({
      communeId: r.commune_id,
      criterionId: r.criterion_id,
      sourceId: r.source_id,
      amount: r.amount.toString(),
      version: r.version,
    })),
    cellCount: rows.length,
  });
}

/** Where a cap or status row lives, from its audit row. */
function locate(row: AuditLog) {
  const [first, second] = row.entity_key.split(':').map(Number);
  if (row.entity === 'funding_cap') {
    return {
      table: 'funding_cap' as const,
      planId: row.plan_id!,
      sourceId: second!,
      unitId: 0,
      criterionId: 0,
    };
  }
  return {
    table: row.entity as 'criterion_status' | 'district_criterion_status',
    planId: null,
    sourceId: 0,
    unitId: first!,
    criterionId: second!,
  };
}

async function readCurrent(trx: Kysely<Database>, row: AuditLog) {
  const at = locate(row);
  if (at.table === 'funding_cap') {
    return trx
      .selectFrom('funding_cap')
      .selectAll()
      .where('plan_id', '=', at.planId)
      .where('source_id', '=', at.sourceId)
      .forUpdate()
      .executeTakeFirst();
  }
  const db = trx as unknown as Kysely<Pick<Database, 'criterion_status'>>;
  const unit = at.table === 'criterion_status' ? 'commune_id' : 'district_id';
  return db
    .selectFrom(at.table as 'criterion_status')
    .selectAll()
    .where(unit as 'commune_id', '=', at.unitId)
    .where('criterion_id', '=', at.criterionId)
    .forUpdate()
    .executeTakeFirst();
}

async function checkOthers(trx: Kysely<Database>, changes: Change[]): Promise<RevertConflict[]> {
  const conflicts: RevertConflict[] = [];
  for (const change of changes) {
    const current = await readCurrent(trx, change.row);
    if ((current?.version ?? 0) === versionOf(change.after)) continue;
    const last = await trx
      .selectFrom('audit_log')
      .select(['actor', 'at'])
      .where('entity', '=', change.row.entity)
      .where('entity_key', '=', change.row.entity_key)
      .where((eb) =>
        change.row.plan_id === null ? eb('plan_id', 'is', null) : eb('plan_id', '=', change.row.plan_id),
      )
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const at = locate(change.row);
    conflicts.push({
      entity: change.row.entity,
      planId: change.row.plan_id,
      communeId: at.table === 'criterion_status' ? at.unitId : null,
      districtId: at.table === 'district_criterion_status' ? at.unitId : null,
      criterionId: at.table === 'funding_cap' ? null : at.criterionId,
      sourceId: at.table === 'funding_cap' ? at.sourceId : null,
      expectedVersion: versionOf(change.after),
      currentVersion: current?.version ?? 0,
      currentAmount: current && 'amount' in current ? BigInt(current.amount) : null,
      changedBy: last?.actor ?? null,
      changedAt: last ? new Date(last.at) : null,
    });
  }
  return conflicts;
}

/** Puts one cap or status back (deleting it when the reverted change created it). */
async function writeOther(
  trx: Kysely<Database>,
  ctx: Context,
  change: Change,
  batchId: string,
): Promise<void> {
  const at = locate(change.row);
  const current = await readCurrent(trx, change.row);
  const revertOf = change.row.id.toString();
  const b = change.before;
  let after: Record<string, unknown> | null;
  if (at.table === 'funding_cap') {
    const where = trx
      .updateTable('funding_cap')
      .where('plan_id', '=', at.planId)
      .where('source_id', '=', at.sourceId);
    after = b
      ? toAuditJson(
          await where
            .set({
              amount: amountOf(b),
              is_confirmed: Boolean(b['is_confirmed']),
              note: (b['note'] as string | null) ?? null,
              version: (current?.version ?? 0) + 1,
              updated_at: new Date(),
              updated_by: ctx.actor,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        )
      : await trx
          .deleteFrom('funding_cap')
          .where('plan_id', '=', at.planId)
          .where('source_id', '=', at.sourceId)
          .execute()
          .then(() => null);
    const cap = after;
    await publishPlanEvent(trx, {
      kind: 'cap',
      planId: at.planId,
      actor: ctx.actor,
      sourceId: at.sourceId,
      amount: String(cap?.['amount'] ?? '0'),
      isConfirmed: Boolean(cap?.['is_confirmed']),
      version: Number(cap?.['version'] ?? 0),
    });
  } else {
    const db = trx as unknown as Kysely<Pick<Database, 'criterion_status'>>;
    const unit = (at.table === 'criterion_status' ? 'commune_id' : 'district_id') as 'commune_id';
    const table = at.table as 'criterion_status';
    after = b
      ? toAuditJson(
          await db
            .updateTable(table)
            .set({
              is_met: Boolean(b['is_met']),
              assessed_on: (b['assessed_on'] as string | null) ?? null,
              note: (b['note'] as string | null) ?? null,
              is_illustrative: Boolean(b['is_illustrative']),
              version: (current?.version ?? 0) + 1,
              updated_at: new Date(),
              updated_by: ctx.actor,
            })
            .where(unit, '=', at.unitId)
            .where('criterion_id', '=', at.criterionId)
            .returningAll()
            .executeTakeFirstOrThrow(),
        )
      : await db
          .deleteFrom(table)
          .where(unit, '=', at.unitId)
          .where('criterion_id', '=', at.criterionId)
          .execute()
          .then(() => null);
    // Announced like any status change; a status the revert deleted reads as not met (version 0).
    await publishPlanEvent(trx, {
      kind: 'status',
      planId: null,
      actor: ctx.actor,
      communeId: at.table === 'criterion_status' ? at.unitId : null,
      districtId: at.table === 'district_criterion_status' ? at.unitId : null,
      criterionId: at.criterionId,
      isMet: Boolean(after?.['is_met']),
      version: Number(after?.['version'] ?? 0),
    });
  }
  await recordAudit(
    trx,
    ctx,
    [
      {
        entity: change.row.entity,
        action: b ? 'update' : 'delete',
        entityKey: change.row.entity_key,
        planId: change.row.plan_id,
        communeId: change.row.commune_id,
        criterionId: change.row.criterion_id,
        sourceId: change.row.source_id,
        before: toAuditJson(current),
        // A deletion has no row after it; the link to the reverted change is kept all the same.
        after: { ...(after ?? {}), revertOf },
      },
    ],
    batchId,
  );
}
