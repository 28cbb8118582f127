// Long reads (the analysis, the grid's sums) stop when the request's signal fires (its client has
// gone, see http/client-gone.ts): between statements and between heavy phases, by throwing the
// signal's reason. Only reads take a signal: a write is never cut off half-way.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from '@ntm/db';
import type { Kysely } from 'kysely';

/**
 * Sends one statement only once it holds a connection and the request is still wanted: statements
 * sent together queue for a connection (PGlite has one, a pool has a few), and those still queued
 * when the client goes are never sent. Inside a transaction (it owns its one
 * connection) the statement simply runs.
 */
export function unlessAborted<T>(
  db: Kysely<Database>,
  signal: AbortSignal | undefined,
  run: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (!signal || db.isTransaction) return run(db);
  return db.connection().execute(async (connection) => {
    signal.throwIfAborted();
    return run(connection);
  });
}

/**
 * Lets a pending disconnect reach the signal, then throws if it fired. A disconnect that happened
 * during synchronous work is read by the next poll phase, and the socket's `close` runs after that
 * turn's immediates: three turns see it.
 */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  for (let turn = 0; turn < 3; turn++) await nextTurn();
  signal.throwIfAborted();
}

/**
 * `Promise.all` that settles only once every statement has: when one stops (the signal fired), the
 * caller's rejection comes after the statements already sent, so none of its work runs on behind it.
 */
export async function allSettledOrThrow<T extends readonly unknown[]>(
  work: {
    [K in keyof T]: Promise<T[K]>;
  },
): Promise<T> {
  const results = await Promise.allSettled(work);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
