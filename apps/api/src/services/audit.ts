// Every change is written to audit_log in the same transaction as the change itself.
import type { AuditAction, AuditEntity, Database } from '@ntm/db';
import type { Kysely } from 'kysely';
import type { Context } from '../context.ts';

export interface AuditEntry {
  entity: AuditEntity;
  action: AuditAction;
  entityKey: string;
  planId?: number | null;
  communeId?: number | null;
  criterionId?: number | null;
  sourceId?: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** JSON-safe copy of a row for the audit trail: bigint money becomes a digit string, dates ISO. */
export function toAuditJson(row: object | null | undefined): Record<string, unknown> | null {
  if (!row) return null;
  return JSON.parse(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))) as Record<
    string,
    unknown
  >;
}

export async function recordAudit(
  trx: Kysely<Database>,
  ctx: Pick<Context, 'actor' | 'requestId' | 'origin'>,
  entries: AuditEntry[],
  batchId: string | null = null,
): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        actor: ctx.actor,
        request_id: ctx.requestId,
        batch_id: batchId,
        origin: ctx.origin,
        entity: e.entity,
        action: e.action,
        plan_id: e.planId ?? null,
        commune_id: e.communeId ?? null,
        criterion_id: e.criterionId ?? null,
        source_id: e.sourceId ?? null,
        entity_key: e.entityKey,
        before: e.before === null ? null : JSON.stringify(e.before),
        after: e.after === null ? null : JSON.stringify(e.after),
      })),
    )
    .execute();
}
