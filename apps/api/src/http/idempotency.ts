// Idempotent mutations: a request carrying an `Idempotency-Key` header runs in ONE transaction that
// also stores its response, so a retry with the same key gets the stored response and nothing is
// applied twice — even if the first answer was lost on the way back.
import { createHash } from 'node:crypto';
import { type Database, trackAfterCommit } from '@ntm/db';
import { getOperationAST, parse } from 'graphql';
import type { Kysely } from 'kysely';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const MAX_KEY_LENGTH = 200;
/** Keys are kept at least this long (the promise to clients is 24 hours). */
const RETENTION_HOURS = 48;
const REQUEST_OPERATION = 'request';

export interface StoredResponse {
  status: number;
  body: string;
}

/** The key when this request is a mutation that asked for idempotency, else null. */
export function idempotencyKeyFor(header: string | string[] | undefined, body: unknown): string | null {
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || typeof body !== 'object' || body === null) return null;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return null;
  try {
    const operation = getOperationAST(
      parse(query),
      typeof operationName === 'string' ? operationName : undefined,
    );
    return operation?.operation === 'mutation' ? key : null;
  } catch {
    return null; // Apollo answers the syntax error itself.
  }
}

export function hashRequest(body: unknown): string {
  const { query, variables, operationName } = body as Record<string, unknown>;
  return createHash('sha256')
    .update(stableJson([query, variables ?? null, operationName ?? null]))
    .digest('hex');
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are the same request. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Top-level GraphQL errors in a 200 answer mean a resolver failed unexpectedly. */
function hasTopLevelErrors(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown[] };
    return Array.isArray(parsed.errors) && parsed.errors.length > 0;
  } catch {
    return true;
  }
}

export type IdempotentOutcome =
  | { kind: 'replayed'; response: StoredResponse }
  | { kind: 'reused' }
  | { kind: 'executed'; response: StoredResponse };

export async function runIdempotent(
  db: Kysely<Database>,
  identity: { actor: string; key: string; requestHash: string },
  execute: (trx: Kysely<Database>) => Promise<StoredResponse>,
): Promise<IdempotentOutcome> {
  const stored = await findStored(db, identity);
  if (stored) return stored;

  const trx = await db.startTransaction().execute();
  const committed = trackAfterCommit(trx, db);
  try {
    const response = await execute(trx);
    // A request GraphQL refused before running anything (status ≠ 200) is not a result to keep.
    if (response.status !== 200) {
      await trx.rollback().execute();
      return { kind: 'executed', response };
    }
    // A resolver failed: undo the whole request (so a retry with the same key can succeed) and say
    // so, rather than report fields as done that were just rolled back.
    if (hasTopLevelErrors(response.body)) {
      await trx.rollback().execute();
      const { errors } = JSON.parse(response.body) as { errors: unknown[] };
      return {
        kind: 'executed',
        response: { status: response.status, body: JSON.stringify({ errors, data: null }) },
      };
    }
    await trx
      .insertInto('idempotency_key')
      .values({
        actor: identity.actor,
        key: identity.key,
        operation: REQUEST_OPERATION,
        request_hash: identity.requestHash,
        result: JSON.stringify(response),
      })
      .execute();
    await trx.commit().execute();
    committed();
    return { kind: 'executed', response };
  } catch (error) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    // Two copies of the same request raced: the one that committed first is the answer.
    if (isUniqueViolation(error)) {
      const winner = await findStored(db, identity);
      if (winner) return winner;
    }
    throw error;
  }
}

async function findStored(
  db: Kysely<Database>,
  identity: { actor: string; key: string; requestHash: string },
): Promise<IdempotentOutcome | null> {
  const row = await db
    .selectFrom('idempotency_key')
    .select(['request_hash', 'result'])
    .where('actor', '=', identity.actor)
    .where('key', '=', identity.key)
    .where('operation', '=', REQUEST_OPERATION)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== identity.requestHash) return { kind: 'reused' };
  return { kind: 'replayed', response: row.result as unknown as StoredResponse };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** Forgets keys past their retention; runs at start and then hourly. */
export async function purgeIdempotencyKeys(db: Kysely<Database>): Promise<number> {
  const cutoff = new Date(Date.now() - RETENTION_HOURS * 3600_000);
  const result = await db.deleteFrom('idempotency_key').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
