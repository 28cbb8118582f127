import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** A plan's allocation cells as parallel arrays: cell i is (communeIds[i], criterionIds[i], sourceIds[i]). */
export interface PlanCellsCompact {
  communeIds: number[];
  criterionIds: number[];
  sourceIds: number[];
  amounts: bigint[];
  versions: number[];
}

/**
 * Every allocation cell of a plan in one SQL statement, ordered by commune, criterion, source.
 * Parallel arrays instead of row objects because a province plan has hundreds of thousands of
 * cells and the grid consumes them column-wise.
 */
export async function findPlanCellsCompact(
  db: Kysely<Database>,
  planId: number,
  /** Only these communes' cells (a region of a plan too large to read whole). */
  communeIds?: readonly number[],
): Promise<PlanCellsCompact> {
  let query = db
    .selectFrom('allocation')
    .select(['commune_id', 'criterion_id', 'source_id', 'amount', 'version'])
    .where('plan_id', '=', planId);
  if (communeIds) query = query.where('commune_id', '=', sql<number>`any(${[...communeIds]}::int[])`);
  const rows = await query.orderBy('commune_id').orderBy('criterion_id').orderBy('source_id').execute();
  const cells: PlanCellsCompact = {
    communeIds: new Array(rows.length),
    criterionIds: new Array(rows.length),
    sourceIds: new Array(rows.length),
    amounts: new Array(rows.length),
    versions: new Array(rows.length),
  };
  rows.forEach((row, i) => {
    cells.communeIds[i] = row.commune_id;
    cells.criterionIds[i] = row.criterion_id;
    cells.sourceIds[i] = row.source_id;
    // Both drivers are configured to parse int8 as bigint; BigInt() guards a misconfigured pool.
    cells.amounts[i] = BigInt(row.amount);
    cells.versions[i] = row.version;
  });
  return cells;
}

export type AllocationTotalBy = 'commune' | 'criterion' | 'source';

const totalColumn = {
  commune: 'commune_id',
  criterion: 'criterion_id',
  source: 'source_id',
} as const satisfies Record<AllocationTotalBy, string>;

/** Total allocated per commune, criterion or source of a plan, ordered by id; ids with no cells are absent. */
export async function sumAllocations(
  db: Kysely<Database>,
  planId: number,
  by: AllocationTotalBy,
): Promise<Array<{ id: number; amount: bigint }>> {
  const column = totalColumn[by];
  const rows = await db
    .selectFrom('allocation')
    .select([`${column} as id`, sql<bigint>`sum(amount)::bigint`.as('amount')])
    .where('plan_id', '=', planId)
    // Cleared cells stay as 0 rows (their version history matters); they are not a group's money.
    .where('amount', '>', 0n)
    .groupBy(column)
    .orderBy(column)
    .execute();
  return rows.map((row) => ({ id: row.id, amount: BigInt(row.amount) }));
}
