import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

let savepointCounter = 0;

/**
 * Runs `fn` atomically: in a new transaction, or — when `db` already is a transaction (e.g. a
 * whole idempotent request) — inside a savepoint of it, so a failing `fn` undoes only its own
 * writes and the caller's transaction goes on.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(fn);
  const trx = db as Transaction<Database>;
  const name = sql.id(`ntm_sp_${++savepointCounter}`);
  await sql`savepoint ${name}`.execute(trx);
  try {
    const result = await fn(trx);
    await sql`release savepoint ${name}`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(trx);
    throw error;
  }
}
