// Loads the national reference data (criteria sets, funding sources) from reference-data.ts.
// Idempotent by code: a set or source that already exists is left as it is, so an
// administrator's edits survive a re-seed.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { inTransaction } from '../transactions.ts';
import { type CriteriaSetSeed, criteriaSets, fundingSources } from './reference-data.ts';

export async function seedReference(db: Kysely<Database>): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const set of criteriaSets) await insertCriteriaSet(trx, set);
    await trx
      .insertInto('funding_source')
      .values(
        fundingSources.map((source, index) => ({
          code: source.code,
          name_vi: source.nameVi,
          name_en: source.nameEn,
          kind: source.kind,
          needs_council_approval: source.needsCouncilApproval,
          eligibility: JSON.stringify(source.eligibility),
          position: index + 1,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  });
}

async function insertCriteriaSet(trx: Transaction<Database>, set: CriteriaSetSeed): Promise<void> {
  const inserted = await trx
    .insertInto('criteria_set')
    .values({
      code: set.code,
      level: set.level,
      name_vi: set.nameVi,
      name_en: set.nameEn,
      decision: set.decision,
      valid_from: set.validFrom,
      valid_to: set.validTo,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  const setId = inserted.id;

  const groupIds = new Map<string, number>();
  if (set.groups.length > 0) {
    const groups = await trx
      .insertInto('criteria_group')
      .values(
        set.groups.map((group, index) => ({
          criteria_set_id: setId,
          position: index + 1,
          code: group.code,
          name_vi: group.nameVi,
          name_en: group.nameEn,
        })),
      )
      .returning(['id', 'code'])
      .execute();
    for (const group of groups) groupIds.set(group.code, group.id);
  }

  const criteria = await trx
    .insertInto('criterion')
    .values(
      set.criteria.map((criterion) => {
        const groupId = criterion.groupCode === undefined ? null : groupIds.get(criterion.groupCode);
        if (groupId === undefined) {
          throw new Error(`Criterion ${set.code} #${criterion.number}: unknown group ${criterion.groupCode}`);
        }
        return {
          criteria_set_id: setId,
          group_id: groupId,
          number: criterion.number,
          name_vi: criterion.nameVi,
          name_en: criterion.nameEn,
        };
      }),
    )
    .returning(['id', 'number'])
    .execute();
  const criterionIds = new Map(criteria.map((c) => [c.number, c.id]));

  const indicators = set.criteria.flatMap((criterion) =>
    criterion.indicators.map((indicator) => ({
      criterion_id: criterionIds.get(criterion.number)!,
      code: indicator.code,
      name_vi: indicator.nameVi,
      name_en: indicator.nameEn,
      threshold: indicator.threshold,
      is_uncertain: indicator.isUncertain,
    })),
  );
  if (indicators.length > 0) await trx.insertInto('indicator').values(indicators).execute();
}
