import type { LogEvent } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAllocations } from '../seed/demo-luc-nam-data.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { createTestDb, type TestDb } from '../testing.ts';
import { findPlanCellsCompact, sumAllocations } from './allocations.ts';
import { findCommunes } from './communes.ts';

const statements: LogEvent[] = [];
let testDb: TestDb;
let planId: number;
let districtId: number;
let provinceId: number;

beforeAll(async () => {
  testDb = await createTestDb({ onQuery: (event) => statements.push(event) });
  ({ planId } = await seedDemo(testDb.db));
  const district = await testDb.db
    .selectFrom('district')
    .select(['id', 'province_id'])
    .where('code', '=', '218')
    .executeTakeFirstOrThrow();
  districtId = district.id;
  provinceId = district.province_id;
});
afterAll(async () => {
  await testDb?.close();
});

const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name).sort();

describe('findCommunes', () => {
  it('filters by district and province', async () => {
    expect(await findCommunes(testDb.db, { districtId }, { limit: 100 })).toHaveLength(25);
    expect(await findCommunes(testDb.db, { provinceId }, { limit: 100 })).toHaveLength(25);
    expect(await findCommunes(testDb.db, { districtId: districtId + 1000 }, { limit: 100 })).toEqual([]);
  });

  it('filters by Program 135 membership', async () => {
    const p135 = await findCommunes(testDb.db, { isProgram135: true }, { limit: 100 });
    expect(names(p135)).toEqual(['Bình Sơn', 'Lục Sơn', 'Vô Tranh']);
    expect(await findCommunes(testDb.db, { isProgram135: false }, { limit: 100 })).toHaveLength(22);
  });

  it('filters to the targets of a plan', async () => {
    const targets = await findCommunes(testDb.db, { targetedInPlanId: planId }, { limit: 100 });
    expect(names(targets)).toEqual(
      ['Bình Sơn', 'Đan Hội', 'Lục Sơn', 'Nghĩa Phương', 'Thanh Lâm', 'Trường Giang', 'Vô Tranh'].sort(),
    );
    const p135Targets = await findCommunes(
      testDb.db,
      { targetedInPlanId: planId, isProgram135: true },
      { limit: 100 },
    );
    expect(names(p135Targets)).toEqual(['Bình Sơn', 'Lục Sơn', 'Vô Tranh']);
  });

  it('searches every word without diacritics or case', async () => {
    expect(names(await findCommunes(testDb.db, { search: 'son' }, { limit: 100 }))).toEqual(
      [
        'Bảo Sơn',
        'Bình Sơn',
        'Cương Sơn',
        'Huyền Sơn',
        'Lục Sơn',
        'Phương Sơn',
        'Trường Sơn',
        'Yên Sơn',
      ].sort(),
    );
    expect(names(await findCommunes(testDb.db, { search: '  LỤC   sơn ' }, { limit: 100 }))).toEqual([
      'Lục Sơn',
    ]);
    expect(names(await findCommunes(testDb.db, { search: 'son truong' }, { limit: 100 }))).toEqual([
      'Trường Sơn',
    ]);
    expect(names(await findCommunes(testDb.db, { search: 'đồi' }, { limit: 100 }))).toEqual(['Đồi Ngô']);
    expect(await findCommunes(testDb.db, { search: '%' }, { limit: 100 })).toEqual([]);
    expect(await findCommunes(testDb.db, { search: 'x_' }, { limit: 100 })).toEqual([]);
  });

  it('restricts to given ids, and an empty id list gives nothing', async () => {
    const all = await findCommunes(testDb.db, { districtId }, { limit: 3 });
    const ids = all.map((c) => c.id);
    expect((await findCommunes(testDb.db, { ids }, { limit: 100 })).map((c) => c.id)).toEqual(ids);
    expect(await findCommunes(testDb.db, { ids: [] }, { limit: 100 })).toEqual([]);
  });

  it('pages by id with limit and afterId, without gaps or repeats', async () => {
    const seen: number[] = [];
    let afterId: number | undefined;
    for (;;) {
      const page = await findCommunes(testDb.db, { districtId }, { limit: 10, afterId });
      if (page.length === 0) break;
      seen.push(...page.map((c) => c.id));
      afterId = page.at(-1)!.id;
    }
    expect(seen).toHaveLength(25);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(new Set(seen).size).toBe(25);
  });
});

describe('findPlanCellsCompact', () => {
  it('returns every cell of the plan as parallel arrays in (commune, criterion, source) order', async () => {
    const cells = await findPlanCellsCompact(testDb.db, planId);
    const n = demoAllocations.length;
    expect(cells.communeIds).toHaveLength(n);
    expect(cells.criterionIds).toHaveLength(n);
    expect(cells.sourceIds).toHaveLength(n);
    expect(cells.amounts).toHaveLength(n);
    expect(cells.versions).toEqual(new Array(n).fill(1));
    expect(cells.amounts.every((a) => typeof a === 'bigint')).toBe(true);
    expect(cells.amounts.reduce((s, a) => s + a, 0n)).toBe(
      demoAllocations.reduce((s, a) => s + a.amount, 0n),
    );
    const keys = cells.communeIds.map((c, i) => [c, cells.criterionIds[i]!, cells.sourceIds[i]!] as const);
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    expect(keys).toEqual(sorted);
  });

  it('issues exactly one SQL statement', async () => {
    statements.length = 0;
    await findPlanCellsCompact(testDb.db, planId);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.query.sql).toMatch(/from "allocation"/);
  });

  it('returns empty arrays for a plan without cells', async () => {
    expect(await findPlanCellsCompact(testDb.db, planId + 1000)).toEqual({
      communeIds: [],
      criterionIds: [],
      sourceIds: [],
      amounts: [],
      versions: [],
    });
  });
});

describe('sumAllocations', () => {
  it('totals by source, criterion and commune, all adding up to the plan total', async () => {
    const total = demoAllocations.reduce((s, a) => s + a.amount, 0n);
    for (const by of ['source', 'criterion', 'commune'] as const) {
      const sums = await sumAllocations(testDb.db, planId, by);
      expect(sums.every((s) => typeof s.amount === 'bigint' && Number.isInteger(s.id))).toBe(true);
      expect(sums.map((s) => s.id)).toEqual([...sums.map((s) => s.id)].sort((a, b) => a - b));
      expect(
        sums.reduce((s, r) => s + r.amount, 0n),
        by,
      ).toBe(total);
    }
  });

  it('gives the district budget total of the demo', async () => {
    const source = await testDb.db
      .selectFrom('funding_source')
      .select('id')
      .where('code', '=', 'NS_HUYEN')
      .executeTakeFirstOrThrow();
    const sums = await sumAllocations(testDb.db, planId, 'source');
    const expected = demoAllocations
      .filter((a) => a.source === 'NS_HUYEN')
      .reduce((s, a) => s + a.amount, 0n);
    expect(sums.find((s) => s.id === source.id)?.amount).toBe(expected);
    expect(expected).toBe(4_800_000_000n);
  });

  it('returns nothing for a plan without cells', async () => {
    expect(await sumAllocations(testDb.db, planId + 1000, 'commune')).toEqual([]);
  });
});
