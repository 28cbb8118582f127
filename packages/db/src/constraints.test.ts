// Database-level guarantees the API relies on: they hold whatever code writes the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from './seed/seed-reference.ts';
import { createTestDb, type TestDb } from './testing.ts';

let testDb: TestDb;
const ids = { plan: 0, inPlan: 0, notInPlan: 0, criterion: 0, source: 0 };

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  await seedReference(db);
  const province = await db
    .insertInto('province')
    .values({ code: 'T1', name: 'Tỉnh thử' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const communes = await db
    .insertInto('commune')
    .values(
      ['A', 'B'].map((suffix) => ({
        province_id: province.id,
        code: `T1-${suffix}`,
        name: `Xã ${suffix}`,
        search_key: `xa ${suffix.toLowerCase()}`,
        kind: 'xa' as const,
        region: 'DBSH' as const,
      })),
    )
    .returning('id')
    .execute();
  const set = await db
    .selectFrom('criteria_set')
    .select('id')
    .where('code', '=', 'xa-ntm-2021-2025')
    .executeTakeFirstOrThrow();
  const plan = await db
    .insertInto('plan')
    .values({
      name: 'Kế hoạch thử',
      scope_level: 'province',
      province_id: province.id,
      period_start_year: 2022,
      period_end_year: 2022,
      criteria_set_id: set.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('plan_commune').values({ plan_id: plan.id, commune_id: communes[0]!.id }).execute();
  const criterion = await db
    .selectFrom('criterion')
    .select('id')
    .where('criteria_set_id', '=', set.id)
    .where('number', '=', 2)
    .executeTakeFirstOrThrow();
  const source = await db
    .selectFrom('funding_source')
    .select('id')
    .where('code', '=', 'NSTW')
    .executeTakeFirstOrThrow();
  Object.assign(ids, {
    plan: plan.id,
    inPlan: communes[0]!.id,
    notInPlan: communes[1]!.id,
    criterion: criterion.id,
    source: source.id,
  });
});
afterAll(async () => {
  await testDb?.close();
});

function insertAllocation(amount: bigint, communeId = ids.inPlan) {
  return testDb.db
    .insertInto('allocation')
    .values({
      plan_id: ids.plan,
      commune_id: communeId,
      criterion_id: ids.criterion,
      source_id: ids.source,
      amount,
    })
    .execute();
}

describe('schema constraints', () => {
  it('rejects a negative allocation amount (CHECK)', async () => {
    await expect(insertAllocation(-1n)).rejects.toThrow(/check constraint/i);
  });

  it('rejects a second allocation for the same (plan, commune, criterion, source)', async () => {
    await insertAllocation(1_000n);
    await expect(insertAllocation(2_000n)).rejects.toThrow(/duplicate key|unique/i);
    await testDb.db.deleteFrom('allocation').where('plan_id', '=', ids.plan).execute();
  });

  it('rejects an allocation for a commune that is not in the plan (FK to plan_commune)', async () => {
    await expect(insertAllocation(1_000n, ids.notInPlan)).rejects.toThrow(/foreign key/i);
  });

  it('rejects a target without level and deadline', async () => {
    await expect(
      testDb.db
        .updateTable('plan_commune')
        .set({ is_target: true })
        .where('plan_id', '=', ids.plan)
        .where('commune_id', '=', ids.inPlan)
        .execute(),
    ).rejects.toThrow(/check constraint/i);
  });

  it('rejects a negative funding cap', async () => {
    await expect(
      testDb.db
        .insertInto('funding_cap')
        .values({ plan_id: ids.plan, source_id: ids.source, amount: -5n })
        .execute(),
    ).rejects.toThrow(/check constraint/i);
  });
});

describe('money', () => {
  it('round-trips bigint đồng beyond 2^53 exactly, including through sum()', async () => {
    const big = 2n ** 53n + 12_345n; // 9,007,199,254,753,337 đồng
    await insertAllocation(big);
    const row = await testDb.db
      .selectFrom('allocation')
      .select('amount')
      .where('plan_id', '=', ids.plan)
      .executeTakeFirstOrThrow();
    expect(typeof row.amount).toBe('bigint');
    expect(row.amount).toBe(big);

    const total = await testDb.db
      .selectFrom('allocation')
      .select((eb) => eb.fn.sum<bigint>('amount').as('total'))
      .where('plan_id', '=', ids.plan)
      .executeTakeFirstOrThrow();
    // sum(bigint) is numeric in PostgreSQL, which both drivers return as an exact string.
    expect(BigInt(total.total)).toBe(big);
    await testDb.db.deleteFrom('allocation').where('plan_id', '=', ids.plan).execute();
  });

  it('returns date columns as ISO strings', async () => {
    const set = await testDb.db
      .selectFrom('criteria_set')
      .select('valid_from')
      .where('code', '=', 'xa-ntm-2021-2025')
      .executeTakeFirstOrThrow();
    expect(set.valid_from).toBe('2022-03-08');
  });
});
