import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** Runs `fn` in a new transaction, or inside the caller's one when `db` already is a transaction. */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}
