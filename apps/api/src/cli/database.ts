// The CLI works on the same database as `pnpm start`: DATABASE_URL when set, else the embedded
// PGlite folder NTM_DATA_DIR (stop the server first: an embedded database has one user at a time).
import { resolve } from 'node:path';
import { createDb, type Db } from '@ntm/db';
import { readEnv } from '../env.ts';

export async function openDatabase(): Promise<{ db: Db; location: string }> {
  const env = readEnv();
  const db = await createDb(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.NTM_DATA_DIR },
  );
  return { db, location: env.DATABASE_URL ? 'DATABASE_URL' : env.NTM_DATA_DIR };
}

/** A plan given as its number or its global ID ("UGxhbjox"). */
export function parsePlanArg(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (/^\d+$/.test(text)) return Number(text);
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  const match = /^Plan:(\d+)$/.exec(decoded);
  return match ? Number(match[1]) : null;
}

/** A file path as the operator typed it, relative to where they ran `pnpm ntm`. */
export function resolveUserPath(path: string): string {
  return resolve(readEnv().INIT_CWD ?? process.cwd(), path);
}
