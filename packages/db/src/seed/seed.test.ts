import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing.ts';
import { demoPlan } from './demo-luc-nam-data.ts';
import { seedDemo } from './seed-demo.ts';
import { seedReference } from './seed-reference.ts';

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

async function countRows(): Promise<Record<string, number>> {
  const { db } = testDb;
  const tables = [
    'province',
    'district',
    'commune',
    'criteria_set',
    'criteria_group',
    'criterion',
    'indicator',
    'funding_source',
    'plan',
    'plan_commune',
    'funding_cap',
    'allocation',
    'criterion_status',
    'district_criterion_status',
    'project',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describe('seedReference', () => {
  it('is idempotent: a second run adds nothing', async () => {
    await seedReference(testDb.db);
    const first = await countRows();
    await seedReference(testDb.db);
    expect(await countRows()).toEqual(first);
  });

  it('gives 19 / 9 / 10 criteria in the three sets', async () => {
    const rows = await testDb.db
      .selectFrom('criteria_set')
      .leftJoin('criterion', 'criterion.criteria_set_id', 'criteria_set.id')
      .select([
        'criteria_set.code',
        'criteria_set.level',
        (eb) => eb.fn.count<string>('criterion.id').as('n'),
      ])
      .groupBy(['criteria_set.code', 'criteria_set.level'])
      .orderBy('criteria_set.code')
      .execute();
    expect(rows.map((r) => [r.code, r.level, Number(r.n)])).toEqual([
      ['huyen-ntm-2021-2025', 'district', 9],
      ['xa-ntm-2021-2025', 'commune', 19],
      ['xa-ntm-2026-2030', 'commune', 10],
    ]);
  });

  it('puts the 2021-2025 commune criteria in groups I–V with 14–17 in IV and 18–19 in V', async () => {
    const rows = await testDb.db
      .selectFrom('criterion')
      .innerJoin('criteria_group', 'criteria_group.id', 'criterion.group_id')
      .innerJoin('criteria_set', 'criteria_set.id', 'criterion.criteria_set_id')
      .select(['criterion.number', 'criteria_group.code'])
      .where('criteria_set.code', '=', 'xa-ntm-2021-2025')
      .orderBy('criterion.number')
      .execute();
    const groupOf = Object.fromEntries(rows.map((r) => [r.number, r.code]));
    expect(rows).toHaveLength(19);
    expect(groupOf).toMatchObject({
      1: 'I',
      2: 'II',
      9: 'II',
      10: 'III',
      13: 'III',
      14: 'IV',
      17: 'IV',
      18: 'V',
      19: 'V',
    });
  });

  it('carries indicators and their uncertainty flags', async () => {
    const indicators = await testDb.db
      .selectFrom('indicator')
      .innerJoin('criterion', 'criterion.id', 'indicator.criterion_id')
      .innerJoin('criteria_set', 'criteria_set.id', 'criterion.criteria_set_id')
      .select(['criteria_set.code as set', 'indicator.code', 'indicator.threshold', 'indicator.is_uncertain'])
      .execute();
    const commune = indicators.filter((i) => i.set === 'xa-ntm-2021-2025');
    expect(commune.length).toBeGreaterThanOrEqual(19);
    expect(commune.find((i) => i.code === '3.1')).toMatchObject({
      threshold: '≥80%',
      is_uncertain: false,
    });
    expect(commune.find((i) => i.code === '1.1')?.is_uncertain).toBe(true);
    expect(indicators.some((i) => i.set === 'huyen-ntm-2021-2025')).toBe(true);
  });

  it('gives the 9 funding sources in order, with the district budget needing council approval', async () => {
    const sources = await testDb.db.selectFrom('funding_source').selectAll().orderBy('position').execute();
    expect(sources.map((s) => [s.position, s.code, s.kind])).toEqual([
      [1, 'NSTW', 'central'],
      [2, 'NS_TINH', 'province'],
      [3, 'NS_HUYEN', 'district'],
      [4, 'NS_XA', 'commune'],
      [5, 'CT135', 'program'],
      [6, 'LONG_GHEP', 'integrated'],
      [7, 'TIN_DUNG', 'credit'],
      [8, 'DOANH_NGHIEP', 'enterprise'],
      [9, 'CONG_DONG', 'community'],
    ]);
    expect(sources.filter((s) => s.needs_council_approval).map((s) => s.code)).toEqual(['NS_HUYEN']);
    expect(sources.find((s) => s.code === 'CT135')?.eligibility).toEqual({
      communeFlags: ['program135'],
    });
    expect(sources.find((s) => s.code === 'NSTW')?.eligibility).toEqual({});
  });
});

describe('seedDemo', () => {
  let planId: number;
  beforeAll(async () => {
    const result = await seedDemo(testDb.db);
    expect(result.isCreated).toBe(true);
    planId = result.planId;
  });

  it('is idempotent: a second run finds the plan and writes nothing', async () => {
    const before = await countRows();
    expect(await seedDemo(testDb.db)).toEqual({ planId, isCreated: false });
    expect(await countRows()).toEqual(before);
  });

  it('creates Lục Nam with its 25 units (2 towns, 23 communes), searchable without diacritics', async () => {
    const district = await testDb.db
      .selectFrom('district')
      .innerJoin('province', 'province.id', 'district.province_id')
      .select(['district.id', 'district.code', 'district.name', 'province.code as provinceCode'])
      .where('district.code', '=', '218')
      .executeTakeFirstOrThrow();
    expect(district).toMatchObject({ name: 'Lục Nam', provinceCode: '24' });
    const communes = await testDb.db
      .selectFrom('commune')
      .selectAll()
      .where('district_id', '=', district.id)
      .execute();
    expect(communes).toHaveLength(25);
    expect(
      communes
        .filter((c) => c.kind === 'thi_tran')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Đồi Ngô', 'Phương Sơn'].sort());
    expect(communes.every((c) => c.region === 'TDMNPB' && /^\d{5}$/.test(c.code))).toBe(true);
    expect(communes.find((c) => c.name === 'Đồi Ngô')?.search_key).toBe('doi ngo');
    const p135 = communes.filter((c) => c.is_program135);
    expect(p135.length).toBeGreaterThanOrEqual(2);
    expect(p135.every((c) => c.ethnic_zone === 'III' && c.is_illustrative && c.note)).toBe(true);
  });

  it('plans the 7 communes of the article as targets, Vô Tranh by Q3 and Lục Sơn by Q4', async () => {
    const rows = await testDb.db
      .selectFrom('plan_commune')
      .innerJoin('commune', 'commune.id', 'plan_commune.commune_id')
      .select(['commune.name', 'is_target', 'target_level', 'deadline_year', 'deadline_quarter', 'priority'])
      .where('plan_id', '=', planId)
      .execute();
    expect(rows).toHaveLength(25);
    const targets = rows.filter((r) => r.is_target);
    expect(targets.map((t) => t.name).sort()).toEqual(
      ['Bình Sơn', 'Đan Hội', 'Lục Sơn', 'Nghĩa Phương', 'Thanh Lâm', 'Trường Giang', 'Vô Tranh'].sort(),
    );
    expect(targets.every((t) => t.target_level === 'dat_chuan' && t.deadline_year === 2022)).toBe(true);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('Vô Tranh')).toMatchObject({ deadline_quarter: 3 });
    expect(byName.get('Lục Sơn')).toMatchObject({ deadline_quarter: 4 });
    const topPriority = Math.max(...rows.map((r) => r.priority));
    expect(
      rows
        .filter((r) => r.priority === topPriority)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Lục Sơn', 'Vô Tranh']);

    const plan = await testDb.db
      .selectFrom('plan')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({
      name: demoPlan.name,
      scope_level: 'district',
      status: 'draft',
      period_start_year: 2022,
      period_end_year: 2022,
    });
  });

  it('records all 19 criteria for every unit; targets miss some, Lục Sơn and Vô Tranh the most', async () => {
    const rows = await testDb.db
      .selectFrom('criterion_status')
      .innerJoin('commune', 'commune.id', 'criterion_status.commune_id')
      .innerJoin('plan_commune', (join) =>
        join.onRef('plan_commune.commune_id', '=', 'commune.id').on('plan_commune.plan_id', '=', planId),
      )
      .select(['commune.name', 'plan_commune.is_target', 'criterion_status.is_met'])
      .execute();
    expect(rows).toHaveLength(25 * 19);
    const met = new Map<string, number>();
    for (const r of rows) met.set(r.name, (met.get(r.name) ?? 0) + (r.is_met ? 1 : 0));
    expect(met.get('Lục Sơn')).toBeLessThanOrEqual(14);
    expect(met.get('Vô Tranh')).toBeLessThanOrEqual(14);
    for (const name of ['Trường Giang', 'Bình Sơn', 'Nghĩa Phương', 'Thanh Lâm', 'Đan Hội']) {
      expect(met.get(name)).toBeGreaterThanOrEqual(15);
      expect(met.get(name)).toBeLessThanOrEqual(18);
    }
    for (const name of ['Tiên Nha', 'Huyền Sơn', 'Cương Sơn', 'Bắc Lũng', 'Bảo Đài', 'Lan Mẫu']) {
      expect(met.get(name)).toBe(19);
    }
  });

  it('leaves Lục Nam district criteria 5, 7 and 8 unmet', async () => {
    const rows = await testDb.db
      .selectFrom('district_criterion_status')
      .innerJoin('criterion', 'criterion.id', 'district_criterion_status.criterion_id')
      .innerJoin('district', 'district.id', 'district_criterion_status.district_id')
      .select(['criterion.number', 'is_met'])
      .where('district.code', '=', '218')
      .orderBy('criterion.number')
      .execute();
    expect(rows).toHaveLength(9);
    expect(rows.filter((r) => !r.is_met).map((r) => r.number)).toEqual([5, 7, 8]);
  });

  it('leaves the district budget cap unconfirmed and confirms NSTW, NS_TINH and CT135', async () => {
    const caps = await testDb.db
      .selectFrom('funding_cap')
      .innerJoin('funding_source', 'funding_source.id', 'funding_cap.source_id')
      .select(['funding_source.code', 'funding_cap.amount', 'funding_cap.is_confirmed'])
      .where('plan_id', '=', planId)
      .execute();
    expect(caps).toHaveLength(9);
    expect(
      caps
        .filter((c) => c.is_confirmed)
        .map((c) => c.code)
        .sort(),
    ).toEqual(['CT135', 'NSTW', 'NS_TINH']);
    expect(caps.find((c) => c.code === 'NS_HUYEN')).toMatchObject({
      is_confirmed: false,
    });
    expect(caps.every((c) => typeof c.amount === 'bigint' && c.amount >= 0n)).toBe(true);
  });

  describe('tells the story: focus resources, the weakest communes are short', async () => {
    type Story = Awaited<ReturnType<typeof loadStory>>;
    let story: Story;
    beforeAll(async () => {
      story = await loadStory(planId);
    });

    it('every unmet criterion of a target has a required project', () => {
      for (const gap of story.gaps)
        expect(gap.required, `${gap.commune} #${gap.criterion}`).toBeGreaterThan(0n);
    });

    it('confirmed money is less than the cost of closing the targets’ gaps', () => {
      const confirmed = story.caps.filter((c) => c.is_confirmed).reduce((s, c) => s + c.amount, 0n);
      const required = story.gaps.reduce((s, g) => s + g.required, 0n);
      expect(confirmed).toBeLessThan(required);
    });

    it('no source is allocated beyond its cap', () => {
      for (const cap of story.caps) {
        const used = story.allocations
          .filter((a) => a.source === cap.code)
          .reduce((s, a) => s + a.amount, 0n);
        expect(used, cap.code).toBeLessThanOrEqual(cap.amount);
      }
    });

    it('puts unconfirmed district money on Trường Giang, Lục Sơn and Vô Tranh', () => {
      const names = new Set(story.allocations.filter((a) => a.source === 'NS_HUYEN').map((a) => a.commune));
      expect([...names].sort()).toEqual(['Lục Sơn', 'Trường Giang', 'Vô Tranh']);
    });

    it('spreads some money thin on criteria that are already met', () => {
      expect(story.allocations.filter((a) => a.isMet).length).toBeGreaterThanOrEqual(2);
    });

    it('funds the other targets closely while Lục Sơn and Vô Tranh are clearly short', () => {
      const ratio = (name: string) => {
        const gaps = story.gaps.filter((g) => g.commune === name);
        const need = gaps.reduce((s, g) => s + g.required, 0n);
        const got = story.allocations
          .filter((a) => a.commune === name && !a.isMet)
          .reduce((s, a) => s + a.amount, 0n);
        return Number((got * 1000n) / need) / 1000;
      };
      expect(ratio('Lục Sơn')).toBeLessThan(0.6);
      expect(ratio('Vô Tranh')).toBeLessThan(0.6);
      for (const name of ['Trường Giang', 'Bình Sơn', 'Nghĩa Phương', 'Thanh Lâm', 'Đan Hội']) {
        expect(ratio(name), name).toBeGreaterThanOrEqual(0.85);
      }
    });
  });
});

async function loadStory(planId: number) {
  const { db } = testDb;
  const caps = await db
    .selectFrom('funding_cap')
    .innerJoin('funding_source', 'funding_source.id', 'funding_cap.source_id')
    .select(['funding_source.code', 'funding_cap.amount', 'funding_cap.is_confirmed'])
    .where('plan_id', '=', planId)
    .execute();
  const allocations = await db
    .selectFrom('allocation')
    .innerJoin('commune', 'commune.id', 'allocation.commune_id')
    .innerJoin('funding_source', 'funding_source.id', 'allocation.source_id')
    .innerJoin('criterion_status', (join) =>
      join
        .onRef('criterion_status.commune_id', '=', 'allocation.commune_id')
        .onRef('criterion_status.criterion_id', '=', 'allocation.criterion_id'),
    )
    .select([
      'commune.name as commune',
      'funding_source.code as source',
      'allocation.amount',
      'criterion_status.is_met as isMet',
    ])
    .where('allocation.plan_id', '=', planId)
    .execute();
  const unmet = await db
    .selectFrom('criterion_status')
    .innerJoin('plan_commune', 'plan_commune.commune_id', 'criterion_status.commune_id')
    .innerJoin('commune', 'commune.id', 'criterion_status.commune_id')
    .innerJoin('criterion', 'criterion.id', 'criterion_status.criterion_id')
    .select([
      'commune.name as commune',
      'criterion.number as criterion',
      'criterion_status.commune_id',
      'criterion_status.criterion_id',
    ])
    .where('plan_commune.plan_id', '=', planId)
    .where('plan_commune.is_target', '=', true)
    .where('criterion_status.is_met', '=', false)
    .execute();
  const projects = await db
    .selectFrom('project')
    .select(['commune_id', 'criterion_id', 'estimated_cost', 'is_required'])
    .where('is_required', '=', true)
    .execute();
  const gaps = unmet.map((u) => ({
    commune: u.commune,
    criterion: u.criterion,
    required: projects
      .filter((p) => p.commune_id === u.commune_id && p.criterion_id === u.criterion_id)
      .reduce((s, p) => s + p.estimated_cost, 0n),
  }));
  return { caps, allocations, gaps };
}
