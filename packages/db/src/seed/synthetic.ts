// Synthetic data generator: a province-size plan (500 communes × 19 criteria × 9 sources) and a
// national-size commune catalogue, written straight into the database with `unnest` inserts.
// Deterministic: the same seed on an empty database gives the same rows (ids included).
// Integration point: the benchmarks (bench/) and the CLI's `ntm gen` use it.

import { toSearchKey } from '@ntm/domain';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { seedReference } from './seed-reference.ts';

export interface GenerateProvinceOptions {
  /** Number of communes (the grid's rows); 500 by default. */
  communes?: number;
  /** Districts the communes are spread over; one per 25 communes by default. */
  districts?: number;
  /**
   * Store the empty cells too (amount 0, as a cleared cell is), so the plan has every
   * communes × criteria × sources cell; true by default (the benchmarks read and write full grids).
   * False writes only the cells with money (about 40% of them), for tests that need a large plan
   * quickly.
   */
  withEmptyCells?: boolean;
  seed: number;
}

export interface GeneratedProvince {
  provinceId: number;
  planId: number;
  /** In insertion order ("Xã Tổng hợp 0001" first). */
  communeIds: number[];
  program135CommuneIds: number[];
  /** The plan's criteria, by number. */
  criterionIds: number[];
  /** Every funding source, by display position. */
  sourceIds: number[];
  /** Rows written to `allocation`: communes × criteria × sources (fewer without empty cells). */
  cellCount: number;
}

export interface GenerateNationalCatalogueOptions {
  /** About 8,000 communes by default (the country after the 2025 merger). */
  communes?: number;
  /** 34 by default (the provinces after 1/7/2025). */
  provinces?: number;
  seed: number;
}

export interface GeneratedCatalogue {
  provinceIds: number[];
  communeCount: number;
}

/** The criteria set every generated plan works toward (19 commune criteria). */
export const GENERATED_CRITERIA_SET = 'xa-ntm-2021-2025';
/** The one source with an eligibility rule in the reference seed (Program 135 communes only). */
const PROGRAM135_SOURCE = 'CT135';
const MILLION = 1_000_000n;
/** Rows per insert statement: keeps one statement's arrays to a few MB on both back ends. */
const CHUNK = 20_000;

/**
 * One province with a province-scope 2021–2025 plan over all its communes and an allocation
 * on every cell. Cells of CT135 on communes that are not on the Program 135 list are stored
 * with amount 0 — what a cleared cell looks like — so the grid always has the full
 * communes × criteria × sources cells and the setAllocations eligibility rule still holds.
 * Runs `seedReference` first (idempotent).
 */
export async function generateProvince(
  db: Kysely<Database>,
  options: GenerateProvinceOptions,
): Promise<GeneratedProvince> {
  const communeCount = options.communes ?? 500;
  const districtCount = options.districts ?? Math.max(1, Math.ceil(communeCount / 25));
  const random = createRandom(options.seed);
  const tag = `${options.seed}`;

  await seedReference(db);
  return inTransaction(db, async (trx) => {
    const province = await trx
      .insertInto('province')
      .values({ code: `SYN-${tag}`, name: `Tỉnh Tổng hợp ${tag}` })
      .returning('id')
      .executeTakeFirstOrThrow();

    const districtIds = await insertReturningIds(trx, 'district', {
      province_id: { type: 'int', values: repeat(districtCount, () => province.id) },
      code: { type: 'text', values: repeat(districtCount, (i) => `SYN-${tag}-H${pad(i + 1, 3)}`) },
      name: { type: 'text', values: repeat(districtCount, (i) => `Huyện Tổng hợp ${pad(i + 1, 3)}`) },
    });

    const communes = repeat(communeCount, (i) => {
      const isProgram135 = random() < 0.3;
      return {
        name: `Xã Tổng hợp ${pad(i + 1, 4)}`,
        code: `SYN-${tag}-X${pad(i + 1, 5)}`,
        // Contiguous blocks, like real districts.
        districtId: districtIds[Math.floor((i * districtCount) / communeCount)]!,
        isProgram135,
        ethnicZone: isProgram135 ? 'III' : random() < 0.5 ? 'II' : 'I',
      };
    });
    const communeIds = await insertReturningIds(trx, 'commune', {
      province_id: { type: 'int', values: communes.map(() => province.id) },
      district_id: { type: 'int', values: communes.map((c) => c.districtId) },
      code: { type: 'text', values: communes.map((c) => c.code) },
      name: { type: 'text', values: communes.map((c) => c.name) },
      search_key: { type: 'text', values: communes.map((c) => toSearchKey(c.name)) },
      kind: { type: 'text', values: communes.map(() => 'xa') },
      region: { type: 'text', values: communes.map(() => 'TDMNPB') },
      is_program135: { type: 'boolean', values: communes.map((c) => c.isProgram135) },
      ethnic_zone: { type: 'text', values: communes.map((c) => c.ethnicZone) },
    });

    const criteriaSet = await trx
      .selectFrom('criteria_set')
      .select('id')
      .where('code', '=', GENERATED_CRITERIA_SET)
      .executeTakeFirstOrThrow();
    const criterionIds = (
      await trx
        .selectFrom('criterion')
        .select('id')
        .where('criteria_set_id', '=', criteriaSet.id)
        .orderBy('number')
        .execute()
    ).map((c) => c.id);
    const sources = await trx
      .selectFrom('funding_source')
      .select(['id', 'code'])
      .orderBy('position')
      .orderBy('id')
      .execute();
    const sourceIds = sources.map((s) => s.id);

    // About 70% of criteria met; every unmet criterion gets one required, costed project.
    const status = { communeId: [] as number[], criterionId: [] as number[], isMet: [] as boolean[] };
    const projects = { communeId: [] as number[], criterionId: [] as number[], name: [] as string[] };
    const projectCosts: bigint[] = [];
    communeIds.forEach((communeId, ci) => {
      for (const [k, criterionId] of criterionIds.entries()) {
        const isMet = random() < 0.7;
        status.communeId.push(communeId);
        status.criterionId.push(criterionId);
        status.isMet.push(isMet);
        if (!isMet) {
          projects.communeId.push(communeId);
          projects.criterionId.push(criterionId);
          projects.name.push(`Dự án tổng hợp TC${k + 1} – ${communes[ci]!.name}`);
          projectCosts.push(BigInt(randomInt(random, 200, 5_000)) * MILLION);
        }
      }
    });
    await insertColumns(trx, 'criterion_status', {
      commune_id: { type: 'int', values: status.communeId },
      criterion_id: { type: 'int', values: status.criterionId },
      is_met: { type: 'boolean', values: status.isMet },
      assessed_on: { type: 'date', values: status.communeId.map(() => '2022-06-30') },
      is_illustrative: { type: 'boolean', values: status.communeId.map(() => true) },
    });
    await insertColumns(trx, 'project', {
      commune_id: { type: 'int', values: projects.communeId },
      criterion_id: { type: 'int', values: projects.criterionId },
      name: { type: 'text', values: projects.name },
      estimated_cost: { type: 'bigint', values: projectCosts.map(String) },
      is_illustrative: { type: 'boolean', values: projects.name.map(() => true) },
    });

    const plan = await trx
      .insertInto('plan')
      .values({
        name: `Kế hoạch tổng hợp ${tag} (2021–2025)`,
        scope_level: 'province',
        province_id: province.id,
        district_id: null,
        period_start_year: 2021,
        period_end_year: 2025,
        criteria_set_id: criteriaSet.id,
        district_criteria_set_id: null,
        note: `Synthetic benchmark data (seed ${tag})`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // A fifth of the communes are targets with a deadline quarter in the period.
    const targets = communeIds.map(() => random() < 0.2);
    await insertColumns(trx, 'plan_commune', {
      plan_id: { type: 'int', values: communeIds.map(() => plan.id) },
      commune_id: { type: 'int', values: communeIds },
      is_target: { type: 'boolean', values: targets },
      target_level: { type: 'text', values: targets.map((t) => (t ? 'dat_chuan' : null)) },
      deadline_year: { type: 'int', values: targets.map((t) => (t ? randomInt(random, 2022, 2025) : null)) },
      deadline_quarter: { type: 'int', values: targets.map((t) => (t ? randomInt(random, 1, 4) : null)) },
      priority: { type: 'int', values: communeIds.map(() => randomInt(random, 1, 10)) },
    });

    const program135 = new Set(communeIds.filter((_, i) => communes[i]!.isProgram135));
    const totalBySource = new Map(sourceIds.map((id) => [id, 0n]));
    const cells = {
      communeId: [] as number[],
      criterionId: [] as number[],
      sourceId: [] as number[],
      amount: [] as string[],
    };
    const flush = async () => {
      if (cells.communeId.length === 0) return;
      await insertColumns(trx, 'allocation', {
        plan_id: { type: 'int', values: cells.communeId.map(() => plan.id) },
        commune_id: { type: 'int', values: cells.communeId },
        criterion_id: { type: 'int', values: cells.criterionId },
        source_id: { type: 'int', values: cells.sourceId },
        amount: { type: 'bigint', values: cells.amount },
      });
      for (const list of Object.values(cells)) list.length = 0;
    };
    let cellCount = 0;
    for (const communeId of communeIds) {
      for (const criterionId of criterionIds) {
        for (const source of sources) {
          const isEligible = source.code !== PROGRAM135_SOURCE || program135.has(communeId);
          // Most cells are empty in a real plan; the rest are whole millions of đồng.
          const amount = isEligible && random() < 0.4 ? BigInt(randomInt(random, 1, 2_000)) * MILLION : 0n;
          if (amount === 0n && options.withEmptyCells === false) continue;
          totalBySource.set(source.id, totalBySource.get(source.id)! + amount);
          cells.communeId.push(communeId);
          cells.criterionId.push(criterionId);
          cells.sourceId.push(source.id);
          cells.amount.push(amount.toString());
          cellCount++;
          if (cells.communeId.length >= CHUNK) await flush();
        }
      }
    }
    await flush();

    // Caps a little above what is allocated; about half of them confirmed.
    await insertColumns(trx, 'funding_cap', {
      plan_id: { type: 'int', values: sourceIds.map(() => plan.id) },
      source_id: { type: 'int', values: sourceIds },
      amount: {
        type: 'bigint',
        values: sourceIds.map((id) => ((totalBySource.get(id)! * 11n) / 10n / MILLION) * MILLION).map(String),
      },
      is_confirmed: { type: 'boolean', values: sourceIds.map(() => random() < 0.5) },
    });

    return {
      provinceId: province.id,
      planId: plan.id,
      communeIds,
      program135CommuneIds: [...program135],
      criterionIds,
      sourceIds,
      cellCount,
    };
  });
}

// biome-ignore format: a word list reads better packed
const SYLLABLES = [
  'An', 'Bình', 'Hòa', 'Tân', 'Phú', 'Lộc', 'Sơn', 'Thạch', 'Long', 'Phước', 'Hưng', 'Thanh',
  'Đông', 'Tây', 'Nam', 'Bắc', 'Mỹ', 'Quang', 'Vĩnh', 'Lương', 'Đức', 'Thịnh', 'Trung', 'Hải',
  'Xuân', 'Hồng', 'Cẩm', 'Nghĩa', 'Tiến', 'Thuận', 'Yên', 'Định',
];
const REGIONS = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'] as const;

/**
 * Provinces and communes only (no districts: the country has had no district level since
 * 1/7/2025), for commune search and listing timings. Names are two common syllables, so a
 * search like "tan hoa" matches a realistic share of the catalogue.
 */
export async function generateNationalCatalogue(
  db: Kysely<Database>,
  options: GenerateNationalCatalogueOptions,
): Promise<GeneratedCatalogue> {
  const communeCount = options.communes ?? 8_000;
  const provinceCount = options.provinces ?? 34;
  const random = createRandom(options.seed);
  const tag = `${options.seed}`;

  return inTransaction(db, async (trx) => {
    const provinceIds = await insertReturningIds(trx, 'province', {
      code: { type: 'text', values: repeat(provinceCount, (i) => `NAT-${tag}-T${pad(i + 1, 2)}`) },
      name: { type: 'text', values: repeat(provinceCount, (i) => `Tỉnh Quốc gia ${pad(i + 1, 2)}`) },
    });
    const communes = repeat(communeCount, (i) => {
      const provinceIndex = Math.floor((i * provinceCount) / communeCount);
      const roll = random();
      const kind = roll < 0.8 ? 'xa' : roll < 0.97 ? 'phuong' : 'thi_tran';
      const prefix = kind === 'xa' ? 'Xã' : kind === 'phuong' ? 'Phường' : 'Thị trấn';
      const name = `${prefix} ${pick(random, SYLLABLES)} ${pick(random, SYLLABLES)}`;
      return {
        provinceId: provinceIds[provinceIndex]!,
        code: `NAT-${tag}-X${pad(i + 1, 5)}`,
        name,
        kind,
        region: REGIONS[provinceIndex % REGIONS.length]!,
        isProgram135: kind === 'xa' && random() < 0.15,
      };
    });
    for (let start = 0; start < communes.length; start += CHUNK) {
      const chunk = communes.slice(start, start + CHUNK);
      await insertColumns(trx, 'commune', {
        province_id: { type: 'int', values: chunk.map((c) => c.provinceId) },
        code: { type: 'text', values: chunk.map((c) => c.code) },
        name: { type: 'text', values: chunk.map((c) => c.name) },
        search_key: { type: 'text', values: chunk.map((c) => toSearchKey(c.name)) },
        kind: { type: 'text', values: chunk.map((c) => c.kind) },
        region: { type: 'text', values: chunk.map((c) => c.region) },
        is_program135: { type: 'boolean', values: chunk.map((c) => c.isProgram135) },
      });
    }
    return { provinceIds, communeCount };
  });
}

// --- helpers ---------------------------------------------------------------------------------

type PgType = 'int' | 'bigint' | 'text' | 'boolean' | 'date';
type Columns = Record<string, { type: PgType; values: readonly unknown[] }>;

/**
 * `insert into table (cols) select * from unnest($1::type[], …)`: one parameter per column
 * whatever the row count, so it stays far from PostgreSQL's 65,535-parameter limit.
 */
function unnestInsert(table: keyof Database, columns: Columns): RawBuilder<unknown> {
  const entries = Object.entries(columns);
  return sql`insert into ${sql.table(table)} (${sql.join(entries.map(([name]) => sql.ref(name)))})
    select * from unnest(${sql.join(entries.map(([, c]) => sql`${c.values}::${sql.raw(c.type)}[]`))})`;
}

async function insertColumns(trx: Kysely<Database>, table: keyof Database, columns: Columns) {
  const rows = Object.values(columns)[0]?.values.length ?? 0;
  if (rows === 0) return;
  await unnestInsert(table, columns).execute(trx);
}

/** Inserts rows and returns their generated ids in input order (matched by the unique `code`). */
async function insertReturningIds(
  trx: Kysely<Database>,
  table: 'province' | 'district' | 'commune',
  columns: Columns & { code: { type: 'text'; values: readonly string[] } },
): Promise<number[]> {
  const result = await sql<{
    id: number;
    code: string;
  }>`${unnestInsert(table, columns)} returning id, code`.execute(trx);
  const idByCode = new Map(result.rows.map((r) => [r.code, r.id]));
  return columns.code.values.map((code) => idByCode.get(code)!);
}

function inTransaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}

/** mulberry32: tiny, fast and good enough for synthetic data; the same seed gives the same stream. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function repeat<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
