// The one way to open the database: real PostgreSQL through `pg` when a URL is given,
// otherwise embedded PGlite (file-backed under a data folder, or in memory for tests).
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

export interface Db {
  db: Kysely<Database>;
  backend: DbBackend;
  /** Brings the schema up to date; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  const log = options.onQuery;
  const kyselyLog = log ? (event: LogEvent) => log(event) : undefined;

  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          parsers[oid as keyof typeof parsers] ??
          pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: kyselyLog,
    });
    return wrap(db, 'postgres');
  }

  const dataDir = options.dataDir ?? 'memory';
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir === 'memory' ? undefined : dataDir, { parsers });
  const { PGliteDialect } = await import('./pglite-dialect.ts');
  const db = new Kysely<Database>({
    dialect: new PGliteDialect(pglite),
    log: kyselyLog,
  });
  return wrap(db, 'pglite');
}

function wrap(db: Kysely<Database>, backend: DbBackend): Db {
  return {
    db,
    backend,
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
