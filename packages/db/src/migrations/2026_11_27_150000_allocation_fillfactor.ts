// Frozen migration: leave room on each allocation page so re-saving a cell (amount, version,
// updated_at — none of them indexed) is a HOT update that touches no index.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table allocation set (fillfactor = 80)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table allocation reset (fillfactor)`.execute(db);
}
