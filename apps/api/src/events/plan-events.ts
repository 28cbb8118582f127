// What changed in a plan, as announced to live subscribers (graphql-ws `planChanged`).
// Events are published with pg_notify INSIDE the writing transaction, so PostgreSQL delivers them
// only if and when it commits — to every API process listening on the same database.
import type { Database } from '@ntm/db';
import { type Kysely, sql } from 'kysely';

export const PLAN_EVENTS_CHANNEL = 'ntm_plan_events';

/** pg_notify payloads are limited to 8000 bytes; larger batches are announced by batch id only. */
const MAX_INLINE_CELLS = 40;

export interface CellChange {
  communeId: number;
  criterionId: number;
  sourceId: number;
  amount: string;
  version: number;
}

export type PlanEvent =
  | {
      kind: 'cells';
      planId: number;
      actor: string;
      batchId: string;
      origin: string;
      /** Inline when the batch is small; otherwise read the batch from the audit log. */
      cells: CellChange[] | null;
      cellCount: number;
    }
  | {
      kind: 'cap';
      planId: number;
      actor: string;
      sourceId: number;
      amount: string;
      isConfirmed: boolean;
      version: number;
    }
  | {
      kind: 'status';
      planId: number | null;
      actor: string;
      communeId: number | null;
      districtId: number | null;
      criterionId: number;
      isMet: boolean;
      version: number;
    }
  | { kind: 'plan'; planId: number; actor: string; status: string; version: number };

/** Queues the event on the transaction; it is delivered on commit and dropped on rollback. */
export async function publishPlanEvent(trx: Kysely<Database>, event: PlanEvent): Promise<void> {
  const payload =
    event.kind === 'cells' && event.cells && event.cells.length > MAX_INLINE_CELLS
      ? { ...event, cells: null }
      : event;
  await sql`select pg_notify(${PLAN_EVENTS_CHANNEL}, ${JSON.stringify(payload)})`.execute(trx);
}
