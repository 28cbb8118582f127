// Loads the Lục Nam 2022 demo (demo-luc-nam-data.ts) on top of the reference data.
// Idempotent: when the demo plan already exists nothing is written; units and statuses that
// already exist (by code / key) are kept as they are.

import { toSearchKey } from '@ntm/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { inTransaction } from '../transactions.ts';
import {
  demoAllocations,
  demoAssessedOn,
  demoCaps,
  demoCommunes,
  demoDistrict,
  demoDistrictStatusNote,
  demoDistrictUnmet,
  demoPlan,
  demoProjects,
  demoProvince,
  demoUsers,
} from './demo-luc-nam-data.ts';
import { seedReference } from './seed-reference.ts';

export interface SeedDemoResult {
  planId: number;
  /** False when the demo plan was already there and nothing was written. */
  isCreated: boolean;
}

export function seedDemo(db: Kysely<Database>): Promise<SeedDemoResult> {
  return inTransaction(db, async (trx) => {
    await seedReference(trx);

    const existing = await trx
      .selectFrom('plan')
      .select('id')
      .where('name', '=', demoPlan.name)
      .executeTakeFirst();
    if (existing) return { planId: existing.id, isCreated: false };

    await trx
      .insertInto('province')
      .values({ code: demoProvince.code, name: demoProvince.name })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const province = await trx
      .selectFrom('province')
      .select('id')
      .where('code', '=', demoProvince.code)
      .executeTakeFirstOrThrow();

    await trx
      .insertInto('district')
      .values({
        province_id: province.id,
        code: demoDistrict.code,
        name: demoDistrict.name,
        abolished_on: demoDistrict.abolishedOn,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const district = await trx
      .selectFrom('district')
      .select('id')
      .where('code', '=', demoDistrict.code)
      .executeTakeFirstOrThrow();

    const communeIds = await insertCommunes(trx, province.id, district.id);
    const communeId = (name: string) => lookup(communeIds, name, 'commune');

    await trx
      .insertInto('app_user')
      .values(
        demoUsers.map((user) => ({
          username: user.username,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          role: user.role,
          province_id: user.scope === 'province' ? province.id : null,
          district_id: user.scope === 'district' ? district.id : null,
          commune_id: user.communeName ? communeId(user.communeName) : null,
        })),
      )
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();

    const criterionIds = await findCriterionIds(trx, demoPlan.criteriaSetCode);
    const districtCriterionIds = await findCriterionIds(trx, demoPlan.districtCriteriaSetCode);
    const criterionId = (n: number) => lookup(criterionIds, n, 'criterion');

    await trx
      .insertInto('criterion_status')
      .values(
        demoCommunes.flatMap((commune) =>
          [...criterionIds].map(([number, id]) => ({
            commune_id: communeId(commune.name),
            criterion_id: id,
            is_met: !commune.unmet.includes(number),
            assessed_on: demoAssessedOn,
            note: commune.statusNote,
            is_illustrative: commune.isStatusIllustrative,
          })),
        ),
      )
      .onConflict((oc) => oc.columns(['commune_id', 'criterion_id']).doNothing())
      .execute();

    await trx
      .insertInto('district_criterion_status')
      .values(
        [...districtCriterionIds].map(([number, id]) => ({
          district_id: district.id,
          criterion_id: id,
          is_met: !demoDistrictUnmet.includes(number),
          assessed_on: demoAssessedOn,
          note: demoDistrictUnmet.includes(number) ? demoDistrictStatusNote : null,
          is_illustrative: false,
        })),
      )
      .onConflict((oc) => oc.columns(['district_id', 'criterion_id']).doNothing())
      .execute();

    const plan = await trx
      .insertInto('plan')
      .values({
        name: demoPlan.name,
        scope_level: 'district',
        province_id: province.id,
        district_id: district.id,
        period_start_year: demoPlan.periodStartYear,
        period_end_year: demoPlan.periodEndYear,
        criteria_set_id: await findCriteriaSetId(trx, demoPlan.criteriaSetCode),
        district_criteria_set_id: await findCriteriaSetId(trx, demoPlan.districtCriteriaSetCode),
        status: 'draft',
        note: demoPlan.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await trx
      .insertInto('plan_commune')
      .values(
        demoCommunes.map((commune) => ({
          plan_id: plan.id,
          commune_id: communeId(commune.name),
          is_target: commune.target !== undefined,
          target_level: commune.target ? ('dat_chuan' as const) : null,
          deadline_year: commune.target ? demoPlan.periodEndYear : null,
          deadline_quarter: commune.target?.deadlineQuarter ?? null,
          priority: commune.target?.priority ?? 1,
        })),
      )
      .execute();

    const sources = await trx.selectFrom('funding_source').select(['id', 'code']).execute();
    const sourceIds = new Map(sources.map((s) => [s.code, s.id]));
    const sourceId = (code: string) => lookup(sourceIds, code, 'funding source');

    await trx
      .insertInto('funding_cap')
      .values(
        demoCaps.map((cap) => ({
          plan_id: plan.id,
          source_id: sourceId(cap.sourceCode),
          amount: cap.amount,
          is_confirmed: cap.isConfirmed,
          note: cap.note,
        })),
      )
      .execute();

    await insertProjects(trx, communeId, criterionId);

    await trx
      .insertInto('allocation')
      .values(
        demoAllocations.map((allocation) => ({
          plan_id: plan.id,
          commune_id: communeId(allocation.commune),
          criterion_id: criterionId(allocation.criterion),
          source_id: sourceId(allocation.source),
          amount: allocation.amount,
        })),
      )
      .execute();

    return { planId: plan.id, isCreated: true };
  });
}

async function insertCommunes(
  trx: Transaction<Database>,
  provinceId: number,
  districtId: number,
): Promise<Map<string, number>> {
  await trx
    .insertInto('commune')
    .values(
      demoCommunes.map((commune) => ({
        province_id: provinceId,
        district_id: districtId,
        code: commune.code,
        name: commune.name,
        search_key: toSearchKey(commune.name),
        kind: commune.kind,
        region: 'TDMNPB' as const,
        is_program135: commune.isProgram135 ?? false,
        ethnic_zone: commune.ethnicZone ?? null,
        is_illustrative: commune.isIllustrative ?? false,
        note: commune.note,
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const rows = await trx
    .selectFrom('commune')
    .select(['id', 'code'])
    .where(
      'code',
      'in',
      demoCommunes.map((c) => c.code),
    )
    .execute();
  const idByCode = new Map(rows.map((row) => [row.code, row.id]));
  return new Map(demoCommunes.map((c) => [c.name, lookup(idByCode, c.code, 'commune code')]));
}

async function insertProjects(
  trx: Transaction<Database>,
  communeId: (name: string) => number,
  criterionId: (n: number) => number,
): Promise<void> {
  const rows = demoProjects.map((project) => ({
    commune_id: communeId(project.commune),
    criterion_id: criterionId(project.criterion),
    name: project.name,
    estimated_cost: project.estimatedCost,
    is_required: project.isRequired,
    is_illustrative: true,
  }));
  // Projects have no natural key; skip the ones an earlier run (or a user) already created.
  const existing = await trx
    .selectFrom('project')
    .select(['commune_id', 'criterion_id', 'name'])
    .where('commune_id', 'in', [...new Set(rows.map((r) => r.commune_id))])
    .execute();
  const key = (r: { commune_id: number; criterion_id: number; name: string }) =>
    `${r.commune_id}/${r.criterion_id}/${r.name}`;
  const seen = new Set(existing.map(key));
  const fresh = rows.filter((r) => !seen.has(key(r)));
  if (fresh.length > 0) await trx.insertInto('project').values(fresh).execute();
}

async function findCriteriaSetId(trx: Transaction<Database>, code: string): Promise<number> {
  const set = await trx
    .selectFrom('criteria_set')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return set.id;
}

async function findCriterionIds(trx: Transaction<Database>, setCode: string): Promise<Map<number, number>> {
  const rows = await trx
    .selectFrom('criterion')
    .innerJoin('criteria_set', 'criteria_set.id', 'criterion.criteria_set_id')
    .select(['criterion.id', 'criterion.number'])
    .where('criteria_set.code', '=', setCode)
    .orderBy('criterion.number')
    .execute();
  return new Map(rows.map((row) => [row.number, row.id]));
}

function lookup<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo seed: unknown ${what} ${String(key)}`);
  return value;
}
