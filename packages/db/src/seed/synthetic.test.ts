import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../create-db.ts';
import { type GeneratedProvince, generateNationalCatalogue, generateProvince } from './synthetic.ts';

async function openDb(): Promise<Db> {
  const db = await createDb();
  await db.migrate();
  return db;
}

async function dumpAllocations(db: Db, planId: number) {
  return db.db
    .selectFrom('allocation')
    .select(['commune_id', 'criterion_id', 'source_id', 'amount'])
    .where('plan_id', '=', planId)
    .orderBy('commune_id')
    .orderBy('criterion_id')
    .orderBy('source_id')
    .execute();
}

describe('generateProvince', () => {
  let first: Db;
  let second: Db;
  let generated: GeneratedProvince;

  beforeAll(async () => {
    [first, second] = await Promise.all([openDb(), openDb()]);
    generated = await generateProvince(first.db, { communes: 20, seed: 7 });
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('writes communes × 19 criteria × 9 sources cells and one plan row per commune', async () => {
    const { db } = first;
    expect(generated.communeIds).toHaveLength(20);
    expect(generated.criterionIds).toHaveLength(19);
    expect(generated.sourceIds).toHaveLength(9);
    expect(generated.cellCount).toBe(20 * 19 * 9);
    const count = async (table: 'allocation' | 'plan_commune' | 'criterion_status' | 'commune') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('allocation')).toBe(20 * 19 * 9);
    expect(await count('plan_commune')).toBe(20);
    expect(await count('criterion_status')).toBe(20 * 19);
    expect(await count('commune')).toBe(20);
    const plan = await db
      .selectFrom('plan')
      .selectAll()
      .where('id', '=', generated.planId)
      .executeTakeFirstOrThrow();
    expect(plan.scope_level).toBe('province');
    expect([plan.period_start_year, plan.period_end_year]).toEqual([2021, 2025]);
  });

  it('stores amounts as whole, non-negative bigint đồng and leaves CT135 at 0 outside Program 135', async () => {
    const rows = await dumpAllocations(first, generated.planId);
    expect(rows.every((r) => typeof r.amount === 'bigint' && r.amount >= 0n)).toBe(true);
    expect(rows.some((r) => r.amount > 0n)).toBe(true);
    const ct135 = await first.db
      .selectFrom('funding_source')
      .select('id')
      .where('code', '=', 'CT135')
      .executeTakeFirstOrThrow();
    const program135 = new Set(generated.program135CommuneIds);
    const ineligible = rows.filter((r) => r.source_id === ct135.id && !program135.has(r.commune_id));
    expect(ineligible.length).toBeGreaterThan(0);
    expect(ineligible.every((r) => r.amount === 0n)).toBe(true);
    const caps = await first.db.selectFrom('funding_cap').select('amount').execute();
    expect(caps).toHaveLength(9);
    expect(caps.every((c) => typeof c.amount === 'bigint' && c.amount >= 0n)).toBe(true);
  });

  it('gives the same rows for the same seed and different amounts for another seed', async () => {
    const again = await generateProvince(second.db, { communes: 20, seed: 7 });
    expect(again.communeIds).toEqual(generated.communeIds);
    expect(await dumpAllocations(second, again.planId)).toEqual(
      await dumpAllocations(first, generated.planId),
    );

    const other = await generateProvince(second.db, { communes: 20, seed: 8 });
    const amounts = (await dumpAllocations(second, other.planId)).map((r) => r.amount);
    expect(amounts).toHaveLength(20 * 19 * 9);
    expect(amounts).not.toEqual((await dumpAllocations(first, generated.planId)).map((r) => r.amount));
  });

  it('writes only the cells with money when asked, the same amounts as the full grid', async () => {
    const third = await openDb();
    const sparse = await generateProvince(third.db, { communes: 20, seed: 7, withEmptyCells: false });
    const rows = await dumpAllocations(third, sparse.planId);
    await third.close();
    const full = (await dumpAllocations(first, generated.planId)).filter((r) => r.amount > 0n);
    expect(sparse.cellCount).toBe(full.length);
    expect(rows.map((r) => r.amount)).toEqual(full.map((r) => r.amount));
    expect(rows.every((r) => r.amount > 0n)).toBe(true);
  });

  // Runs last: it adds communes to the first database.
  it('spreads the national catalogue over the provinces, without districts', async () => {
    const result = await generateNationalCatalogue(first.db, { communes: 340, provinces: 34, seed: 1 });
    expect(result.provinceIds).toHaveLength(34);
    const perProvince = await first.db
      .selectFrom('commune')
      .select(['province_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('province_id', 'in', result.provinceIds)
      .where('district_id', 'is', null)
      .groupBy('province_id')
      .execute();
    expect(perProvince).toHaveLength(34);
    expect(perProvince.every((p) => Number(p.n) === 10)).toBe(true);
  });
});
