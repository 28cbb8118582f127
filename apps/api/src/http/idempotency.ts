// Idempotent mutations: a request carrying an `Idempotency-Key` header runs in ONE transaction that
// also stores its response, so a retry with the same key gets the stored response and nothing is
// applied twice — even if the first answer was lost on the way back. The key is not looked up
// first: storing it fails on its unique index when it was used before, so a first request (nearly
// every one) saves that round trip, and a retry runs once more, is rolled back and gets the
// stored answer.
import { createHash } from 'node:crypto';
import { type Database, PREPARED_STATEMENT, trackAfterCommit } from '@ntm/db';
import { getOperationAST, parse } from 'graphql';
import { type Kysely, sql } from 'kysely';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const MAX_KEY_LENGTH = 200;
/** Keys are kept at least this long (the promise to clients is 24 hours). */
const RETENTION_HOURS = 48;
const REQUEST_OPERATION = 'request';

export interface StoredResponse {
  status: number;
  body: string;
}

/** Clients send the same few documents again and again: parse each once (bounded, cleared when full). */
const MAX_CACHED_DOCUMENTS = 500;
const isMutationCache = new Map<string, boolean>();

function isMutation(query: string, operationName: string | undefined): boolean {
  const cacheKey = `${operationName ?? ''}\n${query}`;
  const cached = isMutationCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let result = false;
  try {
    result = getOperationAST(parse(query), operationName)?.operation === 'mutation';
  } catch {
    // Apollo answers the syntax error itself.
  }
  if (isMutationCache.size >= MAX_CACHED_DOCUMENTS) isMutationCache.clear();
  isMutationCache.set(cacheKey, result);
  return result;
}

/** The key when this request is a mutation that asked for idempotency, else null. */
export function idempotencyKeyFor(header: string | string[] | undefined, body: unknown): string | null {
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || typeof body !== 'object' || body === null) return null;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return null;
  return isMutation(query, typeof operationName === 'string' ? operationName : undefined) ? key : null;
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
  // Most answers have none: skip parsing a large body for nothing.
  if (!body.includes('"errors"')) return false;
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
  const trx = await db.startTransaction().execute();
  const committed = trackAfterCommit(trx, db);
  try {
    const response = await execute(trx);
    // A request GraphQL refused before running anything (status ≠ 200) is not a result to keep.
    if (response.status !== 200) {
      await trx.rollback().execute();
      return (await findStored(db, identity)) ?? { kind: 'executed', response };
    }
    // A resolver failed: undo the whole request (so a retry with the same key can succeed) and say
    // so, rather than report fields as done that were just rolled back. A retry whose second run
    // failed (say, the snapshot name is taken now) still gets the first run's stored answer.
    if (hasTopLevelErrors(response.body)) {
      await trx.rollback().execute();
      const stored = await findStored(db, identity);
      if (stored) return stored;
      const { errors } = JSON.parse(response.body) as { errors: unknown[] };
      return {
        kind: 'executed',
        response: { status: response.status, body: JSON.stringify({ errors, data: null }) },
      };
    }
    await sql`${sql.raw(PREPARED_STATEMENT)}
      insert into idempotency_key (actor, key, operation, request_hash, result)
      values (${identity.actor}, ${identity.key}, ${REQUEST_OPERATION}, ${identity.requestHash},
              ${JSON.stringify(response)}::jsonb)`.execute(trx);
    await trx.commit().execute();
    committed();
    return { kind: 'executed', response };
  } catch (error) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    // The key was used before (a retry), or two copies raced: the stored answer is the answer.
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
