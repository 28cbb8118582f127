// Idempotent mutations: a request carrying an `Idempotency-Key` header runs in ONE transaction that
// also stores its response, so a retry with the same key gets the stored response and nothing is
// applied twice — even if the first answer was lost on the way back. The key is not looked up
// first: storing it fails on its unique index when it was used before, so a first request (nearly
// every one) saves that round trip, and a retry runs once more, is rolled back and gets the
// stored answer. That rollback only undoes database writes: the few mutations with effects outside
// the transaction (MUTATIONS_WITH_OUTSIDE_EFFECTS) look the key up first and never run for a retry.
// Answers carrying a secret (MUTATIONS_NOT_REPLAYABLE) are never stored: only that they ran.
import { createHash } from 'node:crypto';
import { type Database, PREPARED_STATEMENT, trackAfterCommit } from '@ntm/db';
import { type DocumentNode, getOperationAST, Kind, parse, type SelectionSetNode } from 'graphql';
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

/**
 * Root mutation fields whose effects live outside the request's transaction, so the rollback that
 * answers a retry cannot undo them: a request naming one looks its key up before running (and a
 * copy in flight waits for it). Every other mutation only writes the database (live events leave
 * after the commit); test/mutations.test.ts makes every new mutation be classified.
 */
export const MUTATIONS_WITH_OUTSIDE_EFFECTS: ReadonlySet<string> = new Set([
  // Starts a solver in a worker thread (minutes of CPU) and keeps the job in process memory.
  'optimizePlan',
  // Keeps a new job (its proposal) in process memory under a new id.
  'normSplitPlan',
  // Terminates a running job's worker; a reused key must be refused before that, not after.
  'cancelOptimization',
]);

/**
 * Root mutation fields whose answer carries a secret shown only once: the session secret (in its
 * Set-Cookie) of login, an API token's secret in createApiToken's answer. Keeping the answer would
 * keep the secret in idempotency_key for 48 h, and replaying the body without its cookie would
 * tell a client it is signed in when it is not. So a request naming one stores only that it ran
 * (never its answer): a retry with the same key is told so (IDEMPOTENCY_SECRET_NOT_REPLAYABLE,
 * HTTP 409) instead of silently making a second session or token, and it looks its key up first
 * so it does not even run again. Clearing a cookie (logout, revokeSession) is no secret: a replay
 * without it leaves a cookie whose session is already revoked.
 */
export const MUTATIONS_NOT_REPLAYABLE: ReadonlySet<string> = new Set(['login', 'createApiToken']);

interface MutationInfo {
  /** The operation is a mutation: it may ask for idempotency. */
  isMutation: boolean;
  /** It names a root field of MUTATIONS_WITH_OUTSIDE_EFFECTS. */
  hasOutsideEffects: boolean;
  /** It names a root field of MUTATIONS_NOT_REPLAYABLE. */
  notReplayable: boolean;
}

const NOT_A_MUTATION: MutationInfo = { isMutation: false, hasOutsideEffects: false, notReplayable: false };

/** Clients send the same few documents again and again: parse each once (bounded, cleared when full). */
const MAX_CACHED_DOCUMENTS = 500;
const mutationInfoCache = new Map<string, MutationInfo>();

function mutationInfo(query: string, operationName: string | undefined): MutationInfo {
  const cacheKey = `${operationName ?? ''}\n${query}`;
  const cached = mutationInfoCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let result = NOT_A_MUTATION;
  try {
    const document = parse(query);
    const operation = getOperationAST(document, operationName);
    if (operation?.operation === 'mutation') {
      const names = rootFieldNames(document, operation.selectionSet);
      result = {
        isMutation: true,
        hasOutsideEffects: names.some((name) => MUTATIONS_WITH_OUTSIDE_EFFECTS.has(name)),
        notReplayable: names.some((name) => MUTATIONS_NOT_REPLAYABLE.has(name)),
      };
    }
  } catch {
    // Apollo answers the syntax error itself.
  }
  if (mutationInfoCache.size >= MAX_CACHED_DOCUMENTS) mutationInfoCache.clear();
  mutationInfoCache.set(cacheKey, result);
  return result;
}

/** The root fields a selection runs, through fragments too (@skip/@include ignored: they may run). */
function rootFieldNames(
  document: DocumentNode,
  selectionSet: SelectionSetNode,
  seenFragments = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return rootFieldNames(document, selection.selectionSet, seenFragments);
    const name = selection.name.value;
    // A fragment spread twice (or a cycle, which Apollo refuses) is walked once.
    if (seenFragments.has(name)) return [];
    seenFragments.add(name);
    const fragment = document.definitions.find(
      (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION
      ? rootFieldNames(document, fragment.selectionSet, seenFragments)
      : [];
  });
}

export interface IdempotentRequest {
  key: string;
  /** Look the key up before running: see MUTATIONS_WITH_OUTSIDE_EFFECTS and MUTATIONS_NOT_REPLAYABLE. */
  lookupFirst: boolean;
  /** Store the answer for a retry; else only that the request ran: see MUTATIONS_NOT_REPLAYABLE. */
  replayable: boolean;
}

/** The key when this request is a mutation that asked for idempotency, else null. */
export function idempotencyKeyFor(
  header: string | string[] | undefined,
  body: unknown,
): IdempotentRequest | null {
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || typeof body !== 'object' || body === null) return null;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return null;
  const info = mutationInfo(query, typeof operationName === 'string' ? operationName : undefined);
  if (!info.isMutation) return null;
  return {
    key,
    lookupFirst: info.hasOutsideEffects || info.notReplayable,
    replayable: !info.notReplayable,
  };
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
  /** The request ran before, but its answer was not kept (MUTATIONS_NOT_REPLAYABLE). */
  | { kind: 'notReplayable' }
  /** `committed` false: the run was rolled back (its cookies must not be sent). */
  | { kind: 'executed'; response: StoredResponse; committed: boolean };

/** What is stored instead of an answer that must not be kept (no part of it, secret or not). */
const NOT_REPLAYABLE_MARKER = { notReplayable: true } as const;

type Identity = { actor: string; key: string; requestHash: string };

export async function runIdempotent(
  db: Kysely<Database>,
  identity: Identity,
  execute: (trx: Kysely<Database>) => Promise<StoredResponse>,
  options: { lookupFirst: boolean; replayable: boolean },
): Promise<IdempotentOutcome> {
  const trx = await db.startTransaction().execute();
  const committed = trackAfterCommit(trx, db);
  try {
    if (options.lookupFirst) {
      // A transaction-level advisory lock on (actor, key) makes a copy in flight wait until this
      // request commits or rolls back; the lookup, a later statement, then sees what it stored
      // (read committed). Nothing is left behind by a crash, unlike a 'pending' row, and on
      // PGlite (one connection, transactions one after another) the lock is simply free.
      await sql`${sql.raw(PREPARED_STATEMENT)} select pg_advisory_xact_lock(${lockKey(identity)}::bigint)`.execute(
        trx,
      );
      const stored = await findStored(trx, identity);
      if (stored) {
        await trx.rollback().execute();
        return stored;
      }
    }
    const response = await execute(trx);
    // A request GraphQL refused before running anything (status ≠ 200) is not a result to keep.
    if (response.status !== 200) {
      await trx.rollback().execute();
      return (await findStored(db, identity)) ?? { kind: 'executed', response, committed: false };
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
        committed: false,
      };
    }
    await sql`${sql.raw(PREPARED_STATEMENT)}
      insert into idempotency_key (actor, key, operation, request_hash, result)
      values (${identity.actor}, ${identity.key}, ${REQUEST_OPERATION}, ${identity.requestHash},
              ${JSON.stringify(options.replayable ? response : NOT_REPLAYABLE_MARKER)}::jsonb)`.execute(trx);
    await trx.commit().execute();
    committed();
    return { kind: 'executed', response, committed: true };
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

/** 64 bits of a hash of (actor, key): two keys sharing a lock only wait for each other. */
function lockKey(identity: Identity): string {
  return createHash('sha256')
    .update(stableJson([identity.actor, identity.key]))
    .digest()
    .readBigInt64BE(0)
    .toString();
}

async function findStored(db: Kysely<Database>, identity: Identity): Promise<IdempotentOutcome | null> {
  const row = await db
    .selectFrom('idempotency_key')
    .select(['request_hash', 'result'])
    .where('actor', '=', identity.actor)
    .where('key', '=', identity.key)
    .where('operation', '=', REQUEST_OPERATION)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== identity.requestHash) return { kind: 'reused' };
  const result = row.result as unknown as StoredResponse | typeof NOT_REPLAYABLE_MARKER;
  if ('notReplayable' in result) return { kind: 'notReplayable' };
  return { kind: 'replayed', response: result };
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
