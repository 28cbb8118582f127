import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

let savepointCounter = 0;

/** Work to do once a transaction has committed, given the database it ran on (not the transaction). */
export type AfterCommit = (db: Kysely<Database>) => void;

/** The after-commit hooks of each open transaction started by `inTransaction` or `trackAfterCommit`. */
const hooksByTransaction = new WeakMap<Kysely<Database>, AfterCommit[]>();

/**
 * Runs `hook` once the transaction `db` commits; never if it rolls back (or if the savepoint the
 * hook was registered in is rolled back). Outside a transaction it runs at once. A transaction
 * opened by other means than `inTransaction` / `trackAfterCommit` is refused: its hooks would
 * silently never run.
 */
export function afterCommit(db: Kysely<Database>, hook: AfterCommit): void {
  if (!db.isTransaction) {
    hook(db);
    return;
  }
  const hooks = hooksByTransaction.get(db);
  if (!hooks) throw new Error('afterCommit: the transaction was not opened through inTransaction');
  hooks.push(hook);
}

/**
 * For a transaction opened by hand (`db.startTransaction()`): collects its after-commit hooks and
 * returns the function to call right after a successful commit.
 */
export function trackAfterCommit(trx: Kysely<Database>, db: Kysely<Database>): () => void {
  const hooks: AfterCommit[] = [];
  hooksByTransaction.set(trx, hooks);
  return () => {
    for (const hook of hooks.splice(0)) hook(db);
  };
}

export interface InTransactionOptions {
  /**
   * Inside an enclosing transaction, `fn` runs in a savepoint so that its failure undoes only its
   * own writes. A caller whose `fn` can only fail before it writes (or whose failures abort the
   * whole transaction anyway) may skip that round trip pair with `savepoint: false`.
   */
  savepoint?: boolean;
}

/**
 * Runs `fn` atomically: in a new transaction, or — when `db` already is a transaction (e.g. a
 * whole idempotent request) — inside a savepoint of it, so a failing `fn` undoes only its own
 * writes and the caller's transaction goes on.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
  options: InTransactionOptions = {},
): Promise<T> {
  if (!db.isTransaction) {
    const hooks: AfterCommit[] = [];
    const result = await db.transaction().execute((trx) => {
      hooksByTransaction.set(trx, hooks);
      return fn(trx);
    });
    for (const hook of hooks) hook(db);
    return result;
  }
  const trx = db as Transaction<Database>;
  const hooks = hooksByTransaction.get(trx);
  const hookCount = hooks?.length ?? 0;
  const dropHooks = () => hooks?.splice(hookCount);
  if (options.savepoint === false) {
    try {
      return await fn(trx);
    } catch (error) {
      dropHooks();
      throw error;
    }
  }
  const name = sql.id(`ntm_sp_${++savepointCounter}`);
  await sql`savepoint ${name}`.execute(trx);
  try {
    const result = await fn(trx);
    await sql`release savepoint ${name}`.execute(trx);
    return result;
  } catch (error) {
    dropHooks();
    await sql`rollback to savepoint ${name}`.execute(trx);
    throw error;
  }
}
