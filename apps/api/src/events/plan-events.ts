// What changed in a plan, as announced to live subscribers (graphql-ws `planChanged`).
// Events are queued on the writing transaction and sent with pg_notify right AFTER it commits (never
// for a rollback), to every API process listening on the same database. Not inside it: PostgreSQL
// serializes the commits of all notifying transactions behind one lock held through the commit's
// WAL flush, which capped the whole server at one commit per disk flush. The price is a window
// between commit and notify: a process dying there loses the event (clients see the change on
// their next refetch; every reconnect already asks them to resync).
import { type AuditOrigin, afterCommit, type Database } from '@ntm/db';
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
      origin: AuditOrigin;
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

/** Queues the event on the transaction; it is sent once it commits and dropped on rollback. */
export async function publishPlanEvent(trx: Kysely<Database>, event: PlanEvent): Promise<void> {
  const payload =
    event.kind === 'cells' && event.cells && event.cells.length > MAX_INLINE_CELLS
      ? { ...event, cells: null }
      : event;
  const text = JSON.stringify(payload);
  afterCommit(trx, (db) => notifierFor(db).send(text));
}

/** Waits until every event committed so far has been handed to the database (for shutdown and tests). */
export function flushPlanEvents(db: Kysely<Database>): Promise<void> {
  return notifiers.get(db)?.idle() ?? Promise.resolve();
}

/** Most notifications one statement sends; a busy server sends its backlog in a few statements. */
const MAX_NOTIFY_BATCH = 500;

const notifiers = new WeakMap<Kysely<Database>, Notifier>();

function notifierFor(db: Kysely<Database>): Notifier {
  let notifier = notifiers.get(db);
  if (!notifier) {
    notifier = new Notifier(db);
    notifiers.set(db, notifier);
  }
  return notifier;
}

/**
 * Sends committed events in commit order, one statement at a time: events committed while a
 * statement is in flight go together in the next one, so a busy server does not pay a round trip
 * per event. Each statement is its own tiny transaction with nothing to flush to disk.
 */
class Notifier {
  #queue: string[] = [];
  #sending: Promise<void> | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  send(payload: string) {
    this.#queue.push(payload);
    this.#sending ??= this.#drain();
  }

  idle(): Promise<void> {
    return this.#sending ?? Promise.resolve();
  }

  async #drain() {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_NOTIFY_BATCH);
      try {
        await sql`select pg_notify(${PLAN_EVENTS_CHANNEL}, payload) from unnest(${batch}::text[]) as payload`.execute(
          this.db,
        );
      } catch (error) {
        // The database is unreachable: listeners lose their connection too and ask clients to resync.
        process.emitWarning(`plan events not sent (${batch.length}): ${String(error)}`);
      }
    }
    this.#sending = undefined;
  }
}
