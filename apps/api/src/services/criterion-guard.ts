import type { Database } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import type { Kysely } from 'kysely';

/** Refuses a criterion that does not exist or belongs to a set of the other level. */
export async function requireCriterionOfLevel(
  trx: Kysely<Database>,
  criterionId: number,
  level: 'commune' | 'district',
): Promise<void> {
  const row = await trx
    .selectFrom('criterion')
    .innerJoin('criteria_set', 'criteria_set.id', 'criterion.criteria_set_id')
    .select('criteria_set.level')
    .where('criterion.id', '=', criterionId)
    .executeTakeFirst();
  if (row?.level !== level) throw new DomainError('UNKNOWN_CRITERION', { field: 'criterionId' });
}
