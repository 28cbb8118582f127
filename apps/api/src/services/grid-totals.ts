// Read model for very large plans (a national plan: 8,000 communes × 19 criteria × 9 sources is
// 1.4 million cells): the grid's total view needs only sums per commune × criterion and per
// commune × source, which the database computes in one pass instead of shipping every cell.
import type { Database } from '@ntm/db';
import { type Kysely, sql } from 'kysely';
import { checkpoint, unlessAborted } from './abortable.ts';

/** Non-zero sums of one plan's cells over one pair of axes, as parallel arrays of numeric ids. */
export interface PairSums {
  communeIds: number[];
  otherIds: number[];
  amounts: bigint[];
}

export async function sumPlanCellsBy(
  db: Kysely<Database>,
  planId: number,
  by: 'criterion' | 'source',
  /** The request's: its client gone, the aggregate is not sent nor its rows read (see abortable.ts). */
  signal?: AbortSignal,
): Promise<PairSums> {
  const column = by === 'criterion' ? sql.ref('criterion_id') : sql.ref('source_id');
  const result = await unlessAborted(db, signal, (d) =>
    sql<{ commune_id: number; other_id: number; amount: string | bigint }>`
      select commune_id, ${column} as other_id, sum(amount)::int8 as amount
        from allocation where plan_id = ${planId}
       group by commune_id, ${column}
      having sum(amount) <> 0`.execute(d),
  );
  await checkpoint(signal);
  const sums: PairSums = { communeIds: [], otherIds: [], amounts: [] };
  for (const row of result.rows) {
    sums.communeIds.push(row.commune_id);
    sums.otherIds.push(row.other_id);
    sums.amounts.push(BigInt(row.amount));
  }
  return sums;
}

export async function countPlanCommunes(db: Kysely<Database>, planId: number): Promise<number> {
  const row = await db
    .selectFrom('plan_commune')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
