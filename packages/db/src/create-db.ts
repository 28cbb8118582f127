// The one way to open the database: real PostgreSQL through `pg` when a URL is given,
// otherwise embedded PGlite (file-backed under a data folder, or in memory for tests).
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type LogEvent, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

const OID = { int8: 20, date: 1082, numeric: 1700 } as const;

/** bigint columns become JS bigint (exact đồng); dates stay ISO strings; numerics stay strings. */
const parsers = {
  [OID.int8]: (value: string) => BigInt(value),
  [OID.date]: (value: string) => value,
  [OID.numeric]: (value: string) => value,
};

export type DbBackend = 'postgres' | 'pglite';

/**
 * SQL that starts with this comment runs on PostgreSQL as a named prepared statement, parsed and
 * planned once per pooled connection instead of on every call. Only for fixed statements on hot
 * paths (arrays as parameters, never a text that varies with the input): each distinct text stays
 * prepared on every connection for the connection's life.
 */
export const PREPARED_STATEMENT = '/* prepared */';

const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `ntm_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/** A pool client that names the statements marked PREPARED_STATEMENT (pg then prepares each once). */
class PreparingClient extends pg.Client {}
const passQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
// pg's query overloads cannot be restated in a subclass; every unmarked call passes through as is.
PreparingClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [text, values, callback] = args;
  if (typeof text === 'string' && text.startsWith(PREPARED_STATEMENT) && Array.isArray(values)) {
    return passQuery.call(this, { name: statementName(text), text, values }, callback);
  }
  return passQuery.apply(this, args);
} as pg.Client['query'];

export interface CreateDbOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; `memory` (the default when no folder) keeps it in memory. */
  dataDir?: string | 'memory' | undefined;
  /** Called after every SQL statement; used by tests that bound statement counts. */
  onQuery?: ((event: LogEvent) => void) | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number | undefined;
}

export interface ListenOptions {
  /**
   * Called after the listening connection was lost and re-established: notifications sent while it
   * was down are gone, so listeners should tell their clients to refetch.
   */
  onReconnect?: (() => void) | undefined;
  /** Called when the listening connection fails (it keeps retrying by itself). */
  onError?: ((error: unknown) => void) | undefined;
}

/** Stops listening; resolves once the channel is released. */
export type Unlisten = () => Promise<void>;

export interface Db {
  db: Kysely<Database>;
  backend: DbBackend;
  /**
   * Receives `NOTIFY channel` payloads (sent by any process on the same database, delivered on
   * commit). PostgreSQL: one dedicated connection per call, outside the pool, reconnecting by
   * itself. PGlite: the embedded database's own listener.
   */
  listen(channel: string, onNotify: (payload: string) => void, options?: ListenOptions): Promise<Unlisten>;
  /** Brings the schema up to date; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  const log = options.onQuery;
  const kyselyLog = log ? (event: LogEvent) => log(event) : undefined;

  if (options.databaseUrl) {
    const pool = new pg.Pool({
      Client: PreparingClient,
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          parsers[oid as keyof typeof parsers] ??
          pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle pooled connection that loses its server (PostgreSQL restarted) makes the pool emit
    // 'error'; unheard, that would crash the process. The pool has already dropped that connection
    // and the next query opens a new one, so there is nothing more to do.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: kyselyLog,
    });
    const databaseUrl = options.databaseUrl;
    return wrap(db, 'postgres', (channel, onNotify, listenOptions) =>
      listenPostgres(databaseUrl, channel, onNotify, listenOptions),
    );
  }

  const dataDir = options.dataDir ?? 'memory';
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir === 'memory' ? undefined : dataDir, { parsers });
  const { PGliteDialect } = await import('./pglite-dialect.ts');
  const db = new Kysely<Database>({
    dialect: new PGliteDialect(pglite),
    log: kyselyLog,
  });
  return wrap(db, 'pglite', async (channel, onNotify) => {
    // LISTEN goes through the dialect's connection lock so it never lands inside someone's transaction.
    const unlisten = await db.connection().execute(() => pglite.listen(channel, onNotify));
    return async () => {
      if (pglite.closed) return;
      await db.connection().execute(() => unlisten());
    };
  });
}

function wrap(db: Kysely<Database>, backend: DbBackend, listen: Db['listen']): Db {
  return {
    db,
    backend,
    listen,
    async migrate() {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => migrations },
      });
      const { error, results } = await migrator.migrateToLatest();
      const failed = results?.find((r) => r.status === 'Error');
      if (error || failed) {
        throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
          cause: error,
        });
      }
    },
    close: () => db.destroy(),
  };
}

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 2_000;
/** A half-open TCP connection never errors by itself: a periodic ping finds it. */
const PING_MS = 15_000;

/**
 * LISTEN on a dedicated `pg.Client`. When the connection drops (PostgreSQL restarted, network
 * cut), it reconnects with a short backoff — well within the 5 s recovery target — and reports
 * the gap through onReconnect. The first connection must succeed, so a bad URL fails fast.
 */
async function listenPostgres(
  connectionString: string,
  channel: string,
  onNotify: (payload: string) => void,
  options: ListenOptions = {},
): Promise<Unlisten> {
  let client: pg.Client | undefined;
  let isStopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let pingTimer: NodeJS.Timeout | undefined;
  let delay = RECONNECT_MIN_MS;
  const quoted = `"${channel.replaceAll('"', '""')}"`;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString, keepAlive: true });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    // Both fire on a lost connection; `lose` makes sure only one reconnect is scheduled.
    next.on('error', (error) => lose(next, error));
    next.on('end', () => lose(next, new Error('listen connection ended')));
    try {
      await next.connect();
      await next.query(`LISTEN ${quoted}`);
    } catch (error) {
      next.removeAllListeners('end');
      next.on('error', () => undefined);
      await next.end().catch(() => undefined);
      throw error;
    }
    if (isStopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    delay = RECONNECT_MIN_MS;
    pingTimer = setInterval(() => {
      next.query('select 1').catch((error: unknown) => lose(next, error));
    }, PING_MS);
    pingTimer.unref();
  }

  function lose(lost: pg.Client, error: unknown) {
    if (client !== lost || isStopped) return;
    client = undefined;
    clearInterval(pingTimer);
    lost.removeAllListeners('end');
    lost.on('error', () => undefined);
    lost.end().catch(() => undefined);
    options.onError?.(error);
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (isStopped) return;
    retryTimer = setTimeout(() => {
      connect().then(
        () => {
          if (!isStopped) options.onReconnect?.();
        },
        (error: unknown) => {
          options.onError?.(error);
          delay = Math.min(delay * 2, RECONNECT_MAX_MS);
          scheduleReconnect();
        },
      );
    }, delay);
    retryTimer.unref();
  }

  await connect();
  return async () => {
    isStopped = true;
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    const current = client;
    client = undefined;
    if (!current) return;
    current.removeAllListeners('end');
    current.on('error', () => undefined);
    await current.end().catch(() => undefined);
  };
}
